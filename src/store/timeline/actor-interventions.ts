/**
 * The interventions recorded in the incidents that affected one person or organisation, for their
 * timeline: kind, date, outcome and follow-up (codes and a partial date; never who acted, the
 * addressee or the notes). Need-to-know: only incidents the viewer may see (visibility.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import { visibleTo, type Viewer } from '../repositories/visibility.js';

export interface ActorInterventionRow {
  id: string;
  incidentId: string;
  kind: string;
  date: string | null;
  outcome: string | null;
  followUp: string | null;
}

export async function interventionsOfActor(db: Kysely<Database>, actorId: string, viewer: Viewer): Promise<ActorInterventionRow[]> {
  const rows = await db
    .selectFrom('interventions as t')
    .innerJoin('incidents as i', 'i.id', 't.incident_id')
    .innerJoin('incident_victims as v', 'v.incident_id', 'i.id')
    .select(['t.id', 't.incident_id', 't.kind', 't.date', 't.outcome', 't.follow_up'])
    .where('v.actor_id', '=', actorId)
    .where('i.deleted_at', 'is', null)
    .where(visibleTo(viewer))
    .orderBy('t.incident_id')
    .orderBy('t.ordinal')
    .execute();
  return rows.map((r) => ({ id: r.id, incidentId: r.incident_id, kind: r.kind, date: r.date, outcome: r.outcome, followUp: r.follow_up }));
}
