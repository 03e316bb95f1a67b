/**
 * The presenter that applies need-to-know to every incident and actor the API returns.
 *  - People without `identifying.read` get identifying values removed, listed in `redacted`.
 *  - People with it get them removed too, listed in `masked`, until they ask for them: a reveal
 *    (one click on screen) or opening the record to edit it — both audited by the use case.
 *  - 'full' is only for answers of those audited reads.
 *  - A share of an incident can grant its identifying values to someone whose role lacks them.
 */
import type { IncidentView } from '../../domain/incident/view.js';
import type { ActorView } from '../../domain/actor/view.js';
import { incidentIdentifying, stripIncident, actorIdentifying, stripActor, NONE_MARKED, type Marked } from '../../domain/incident/identifying.js';
import { can, type Role } from '../../domain/user/roles.js';

export type Presented<T> = T & { redacted?: string[]; masked?: string[] };
export type Mode = 'masked' | 'full';

export function presentActor(a: ActorView, role: Role, mode: Mode = 'masked', marked: Marked = NONE_MARKED): Presented<ActorView> {
  const allowed = can(role, 'identifying.read');
  if (allowed && mode === 'full') return a;
  const paths = actorIdentifying(a, '', marked).map((e) => e.path);
  if (!paths.length) return a;
  return { ...stripActor(a, marked), ...(allowed ? { masked: paths } : { redacted: paths }) };
}

/** `mayReadIdentifying`, when the use case sets it, also counts a share that grants identifying values. */
export function presentIncident<T extends IncidentView & { mayReadIdentifying?: boolean }>(withAccess: T, role: Role, mode: Mode = 'masked', marked: Marked = NONE_MARKED): Presented<Omit<T, 'mayReadIdentifying'>> {
  const { mayReadIdentifying, ...v } = withAccess;
  const allowed = mayReadIdentifying ?? can(role, 'identifying.read');
  if (allowed && mode === 'full') return v;
  const paths = incidentIdentifying(v, marked).map((e) => e.path);
  if (!paths.length) return v;
  return { ...stripIncident(v, marked), ...(allowed ? { masked: paths } : { redacted: paths }) };
}
