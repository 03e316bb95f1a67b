/**
 * Duplicates (migration 0014, ADR 0023) read and written as stored, for the interchange format:
 * pairs of incidents dismissed as "not a duplicate", and where a merged incident went.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, DuplicateDismissalTable } from '../schema-types.js';

export type DuplicateDismissalRow = Selectable<DuplicateDismissalTable>;

const byCodeUnits = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Every dismissed pair, sorted by incident_a then incident_b in code-unit order (on both engines, whatever PostgreSQL's collation). */
export async function duplicateDismissals(db: Kysely<Database>): Promise<DuplicateDismissalRow[]> {
  const rows = await db.selectFrom('duplicate_dismissals').selectAll().execute();
  return rows.sort((p, q) => byCodeUnits(p.incident_a, q.incident_a) || byCodeUnits(p.incident_b, q.incident_b));
}

/** Adds a dismissed pair (incident_a < incident_b); a pair the workspace already has is kept as it is (false). */
export async function addDuplicateDismissal(db: Kysely<Database>, row: DuplicateDismissalRow): Promise<boolean> {
  const has = await db.selectFrom('duplicate_dismissals').select('incident_a').where('incident_a', '=', row.incident_a).where('incident_b', '=', row.incident_b).executeTakeFirst();
  if (has) return false;
  await db.insertInto('duplicate_dismissals').values(row).execute();
  return true;
}

/** Records that incident `id` was merged into `into` (both already written): nothing else of the row changes. */
export async function setMergedInto(db: Kysely<Database>, id: string, into: string): Promise<void> {
  await db.updateTable('incidents').set({ merged_into: into }).where('id', '=', id).execute();
}
