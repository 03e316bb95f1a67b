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

/**
 * A person or organisation is hidden from a viewer when every live incident they appear in is a
 * restricted one not shared with the viewer (someone known only from restricted cases is part of
 * those cases). People in no incident, or in at least one visible incident, are listed.
 */
export function actorVisibleTo(viewer: Viewer, alias = 'a'): RawBuilder<boolean> {
  const actor = sql.ref(`${alias}.id`);
  return sql<boolean>`(NOT EXISTS (SELECT 1 FROM incident_victims vv JOIN incidents vi ON vi.id = vv.incident_id WHERE vv.actor_id = ${actor} AND vi.deleted_at IS NULL)
    OR EXISTS (SELECT 1 FROM incident_victims vv JOIN incidents vi ON vi.id = vv.incident_id WHERE vv.actor_id = ${actor} AND vi.deleted_at IS NULL AND ${visibleTo(viewer, 'vi')}))`;
}
