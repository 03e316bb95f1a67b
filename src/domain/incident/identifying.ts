/**
 * Which values in an incident or actor identify someone: real names, contacts, private addresses
 * and points, named perpetrators, testimonies. Paths read like "victims[0].actor.realName".
 * Presenters strip them (masked for those who may reveal them, redacted for those who may not).
 */
import type { IncidentView } from './view.js';
import type { ActorView } from '../actor/view.js';

export const ACTOR_IDENTIFYING = ['realName', 'contact', 'privateAddress'] as const;

export function actorIdentifying(a: ActorView, prefix = ''): { path: string; value: unknown }[] {
  return ACTOR_IDENTIFYING.filter((k) => a[k] !== undefined).map((k) => ({ path: `${prefix}${k}`, value: a[k] }));
}

export function stripActor<A extends ActorView>(a: A): A {
  const out = { ...a };
  for (const k of ACTOR_IDENTIFYING) delete out[k];
  return out;
}

export function incidentIdentifying(v: IncidentView): { path: string; value: unknown }[] {
  const out: { path: string; value: unknown }[] = [];
  if (v.place.private) out.push({ path: 'place.private', value: v.place.private });
  v.victims.forEach((x, i) => out.push(...actorIdentifying(x.actor, `victims[${i}].actor.`)));
  v.acts.forEach((a, i) => a.perpetrators.forEach((p, j) => { if (p.identifiedIndividuals !== undefined) out.push({ path: `acts[${i}].perpetrators[${j}].identifiedIndividuals`, value: p.identifiedIndividuals }); }));
  v.sources.forEach((s, i) => { if (s.testimony !== undefined) out.push({ path: `sources[${i}].testimony`, value: s.testimony }); });
  return out;
}

export function stripIncident<T extends IncidentView>(v: T): T {
  const { private: _p, ...place } = v.place;
  return {
    ...v,
    place,
    victims: v.victims.map((x) => ({ ...x, actor: stripActor(x.actor) })),
    acts: v.acts.map((a) => ({ ...a, perpetrators: a.perpetrators.map(({ identifiedIndividuals: _i, ...p }) => p) })),
    sources: v.sources.map(({ testimony: _t, ...s }) => s),
  };
}
