/**
 * The presenter that applies need-to-know to every incident and actor the API returns: people
 * without `identifying.read` get identifying fields removed and listed in `redacted`.
 */
import type { IncidentView } from '../../domain/incident/view.js';
import type { ActorView } from '../../domain/actor/view.js';
import { can, type Role } from '../../domain/user/roles.js';

export type Redacted<T> = T & { redacted?: string[] };

export function presentActor(a: ActorView, role: Role): Redacted<ActorView> {
  if (can(role, 'identifying.read')) return a;
  const out: Redacted<ActorView> = { ...a };
  const redacted: string[] = [];
  for (const k of ['realName', 'contact', 'privateAddress'] as const) if (out[k] !== undefined) { delete out[k]; redacted.push(k); }
  if (redacted.length) out.redacted = redacted;
  return out;
}

export function presentIncident<T extends IncidentView>(v: T, role: Role): Redacted<T> {
  if (can(role, 'identifying.read')) return v;
  const redacted: string[] = [];
  const place = { ...v.place };
  if (place.private) { delete place.private; redacted.push('place.private'); }
  const out: Redacted<T> = {
    ...v,
    place,
    victims: v.victims.map((x, i) => {
      const actor = presentActor(x.actor, role);
      for (const r of actor.redacted ?? []) redacted.push(`victims[${i}].actor.${r}`);
      return { ...x, actor };
    }),
    acts: v.acts.map((a, i) => ({
      ...a,
      perpetrators: a.perpetrators.map((p, j) => {
        if (p.identifiedIndividuals === undefined) return p;
        redacted.push(`acts[${i}].perpetrators[${j}].identifiedIndividuals`);
        const { identifiedIndividuals: _x, ...rest } = p;
        return rest;
      }),
    })),
    sources: v.sources.map((s, i) => {
      if (s.testimony === undefined) return s;
      redacted.push(`sources[${i}].testimony`);
      const { testimony: _t, ...rest } = s;
      return rest;
    }),
  };
  if (redacted.length) out.redacted = redacted;
  return out;
}
