/**
 * Which values in an incident or actor identify someone: real names, contacts, private addresses
 * and points, named perpetrators, testimonies — always — plus the free-text fields an admin marks
 * identifying for the workspace (MARKABLE_FIELDS). Paths read like "victims[0].actor.realName".
 * Presenters strip them (masked for those who may reveal them, redacted for those who may not);
 * the store seals them; the search index and the field history never hold them.
 */
import type { IncidentView } from './view.js';
import type { ActorView } from '../actor/view.js';

export const ACTOR_IDENTIFYING = ['realName', 'contact', 'privateAddress'] as const;

/** Free-text fields an admin may mark identifying (workspace-wide). */
export const MARKABLE_FIELDS = ['summary', 'acts.description', 'perpetrators.description', 'interventions.notes', 'actor.notes'] as const;
export type MarkableField = (typeof MARKABLE_FIELDS)[number];
export type Marked = ReadonlySet<MarkableField>;
export const NONE_MARKED: Marked = new Set();

export function isMarkableField(x: string): x is MarkableField {
  return (MARKABLE_FIELDS as readonly string[]).includes(x);
}

function actorKeys(marked: Marked): (keyof ActorView)[] {
  return marked.has('actor.notes') ? [...ACTOR_IDENTIFYING, 'notes'] : [...ACTOR_IDENTIFYING];
}

export function actorIdentifying(a: ActorView, prefix = '', marked: Marked = NONE_MARKED): { path: string; value: unknown }[] {
  return actorKeys(marked).filter((k) => a[k] !== undefined).map((k) => ({ path: `${prefix}${k}`, value: a[k] }));
}

export function stripActor<A extends ActorView>(a: A, marked: Marked = NONE_MARKED): A {
  const out = { ...a };
  for (const k of actorKeys(marked)) delete out[k];
  return out;
}

export function incidentIdentifying(v: IncidentView, marked: Marked = NONE_MARKED): { path: string; value: unknown }[] {
  const out: { path: string; value: unknown }[] = [];
  if (marked.has('summary') && v.summary !== undefined) out.push({ path: 'summary', value: v.summary });
  if (v.place.private) out.push({ path: 'place.private', value: v.place.private });
  v.victims.forEach((x, i) => out.push(...actorIdentifying(x.actor, `victims[${i}].actor.`, marked)));
  v.acts.forEach((a, i) => {
    if (marked.has('acts.description') && a.description !== undefined) out.push({ path: `acts[${i}].description`, value: a.description });
    a.perpetrators.forEach((p, j) => {
      if (p.identifiedIndividuals !== undefined) out.push({ path: `acts[${i}].perpetrators[${j}].identifiedIndividuals`, value: p.identifiedIndividuals });
      if (marked.has('perpetrators.description') && p.description !== undefined) out.push({ path: `acts[${i}].perpetrators[${j}].description`, value: p.description });
    });
  });
  v.sources.forEach((s, i) => { if (s.testimony !== undefined) out.push({ path: `sources[${i}].testimony`, value: s.testimony }); });
  if (marked.has('interventions.notes')) v.interventions.forEach((x, i) => { if (x.notes !== undefined) out.push({ path: `interventions[${i}].notes`, value: x.notes }); });
  return out;
}

export function stripIncident<T extends IncidentView>(v: T, marked: Marked = NONE_MARKED): T {
  const { private: _p, ...place } = v.place;
  const out: T = {
    ...v,
    place,
    victims: v.victims.map((x) => ({ ...x, actor: stripActor(x.actor, marked) })),
    acts: v.acts.map((a) => {
      const { description, ...rest } = a;
      return {
        ...rest,
        ...(description !== undefined && !marked.has('acts.description') ? { description } : {}),
        perpetrators: a.perpetrators.map(({ identifiedIndividuals: _i, description: d, ...p }) => ({ ...p, ...(d !== undefined && !marked.has('perpetrators.description') ? { description: d } : {}) })),
      };
    }),
    sources: v.sources.map(({ testimony: _t, ...s }) => s),
    interventions: marked.has('interventions.notes') ? v.interventions.map(({ notes: _n, ...x }) => x) : v.interventions,
  };
  if (marked.has('summary')) delete out.summary;
  return out;
}
