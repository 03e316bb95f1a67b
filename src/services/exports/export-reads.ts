/**
 * What the records export reads besides whole incidents (which come from the incident repository,
 * loadIncident): the ids matching a search with the search's own conditions (words, filters,
 * removed incidents left out, need-to-know: src/store/search/incident-search.ts), in the order they
 * were recorded; which of them are still visible a moment later; and which of them a share grants
 * the viewer identifying values of (for roles without identifying.read).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema-types.js';
import type { SearchFilters } from '../../domain/incident/search-query.js';
import { buildConditions, whereOf } from '../../store/search/incident-search.js';
import { visibleTo, type Viewer } from '../../store/repositories/visibility.js';
import { dialectOf } from '../../store/migrations/dialect.js';

type Db = Kysely<Database>;
const CHUNK = 500;

/** Ids of the matching incidents, oldest reference first, at most `limit` (ask one more to tell "too many"). */
export async function matchingIncidentIds(db: Db, filters: SearchFilters, viewer: Viewer, opts: { withoutRestricted: boolean; limit: number }): Promise<string[]> {
  const where = whereOf(buildConditions(filters, viewer, dialectOf(db)));
  const restricted = opts.withoutRestricted ? sql` AND i.confidentiality <> 'restricted'` : sql``;
  const rows = await sql<{ id: string }>`SELECT i.id FROM incidents i WHERE ${where}${restricted} ORDER BY i.seq LIMIT ${opts.limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Those of `ids` that are still live and visible to the viewer (a share may have been withdrawn meanwhile). */
export async function stillVisible(db: Db, ids: string[], viewer: Viewer): Promise<Set<string>> {
  const out = new Set<string>();
  for (let k = 0; k < ids.length; k += CHUNK) {
    const chunk = ids.slice(k, k + CHUNK);
    const rows = await sql<{ id: string }>`SELECT i.id FROM incidents i WHERE i.id IN (${sql.join(chunk)}) AND i.deleted_at IS NULL AND ${visibleTo(viewer)}`.execute(db);
    for (const r of rows.rows) out.add(r.id);
  }
  return out;
}

/** Those of `ids` shared with the viewer (directly or through a group) with their identifying values. */
export async function identifyingGrants(db: Db, ids: string[], viewer: Viewer): Promise<Set<string>> {
  const out = new Set<string>();
  for (let k = 0; k < ids.length; k += CHUNK) {
    const chunk = ids.slice(k, k + CHUNK);
    const rows = await sql<{ incident_id: string }>`SELECT s.incident_id FROM incident_shares s WHERE s.identifying = 1 AND s.incident_id IN (${sql.join(chunk)})
      AND ((s.principal_type = 'user' AND s.principal_id = ${viewer.userId})
        OR (s.principal_type = 'group' AND s.principal_id IN (SELECT gm.group_id FROM group_members gm WHERE gm.user_id = ${viewer.userId})))`.execute(db);
    for (const r of rows.rows) out.add(r.incident_id);
  }
  return out;
}
