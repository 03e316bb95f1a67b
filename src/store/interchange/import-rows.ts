/**
 * Saved import mappings and committed import runs (migration 0013, ADR 0020) read and written as
 * stored, for the interchange format. A mapping's body is kept as the JSON text it was saved as.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, ImportMappingTable, ImportRunTable } from '../schema-types.js';

export type ImportMappingRow = Selectable<ImportMappingTable>;
export type ImportRunRow = Selectable<ImportRunTable>;

export async function importMappings(db: Kysely<Database>): Promise<ImportMappingRow[]> {
  return (await db.selectFrom('import_mappings').selectAll().orderBy('created_at').orderBy('id').execute()).map((r) => ({ ...r, version: Number(r.version) }));
}

export async function importRuns(db: Kysely<Database>): Promise<ImportRunRow[]> {
  return (await db.selectFrom('import_runs').selectAll().orderBy('at').orderBy('id').execute()).map((r) => ({
    ...r, rows: Number(r.rows), incidents: Number(r.incidents), warnings: Number(r.warnings),
  }));
}

export async function insertImportMapping(db: Kysely<Database>, row: ImportMappingRow): Promise<void> {
  await db.insertInto('import_mappings').values(row).execute();
}

export async function insertImportRun(db: Kysely<Database>, row: ImportRunRow): Promise<void> {
  await db.insertInto('import_runs').values(row).execute();
}

/** Of `names` ("<org id>\n<name>"), the mappings this workspace already has under another id. */
export async function mappingNamesTaken(db: Kysely<Database>, wanted: { orgId: string; name: string }[]): Promise<Set<string>> {
  if (!wanted.length) return new Set();
  const orgs = [...new Set(wanted.map((w) => w.orgId))];
  const rows = await db.selectFrom('import_mappings').select(['org_id', 'name']).where('org_id', 'in', orgs).execute();
  return new Set(rows.map((r) => `${r.org_id}\n${r.name}`));
}
