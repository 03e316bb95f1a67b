/**
 * Need-to-know in SQL: the one condition every query that lists or counts incidents adds, so a
 * restricted incident is seen (and counted in facets, totals and reports) only by the users and
 * groups it is shared with — admins included. `alias` names the incidents table in the query.
 */
import { sql, type RawBuilder } from 'kysely';

export interface Viewer { userId: string }

export function sharedWith(viewer: Viewer): RawBuilder<unknown> {
  return sql`SELECT s.incident_id FROM incident_shares s WHERE (s.principal_type = 'user' AND s.principal_id = ${viewer.userId})
    OR (s.principal_type = 'group' AND s.principal_id IN (SELECT gm.group_id FROM group_members gm WHERE gm.user_id = ${viewer.userId}))`;
}

export function visibleTo(viewer: Viewer, alias = 'i'): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.confidentiality`)} <> 'restricted' OR ${sql.ref(`${alias}.id`)} IN (${sharedWith(viewer)}))`;
}
