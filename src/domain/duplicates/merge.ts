/**
 * Merging incident B into incident A (ADR 0023), as data: A keeps its own fields; B's victims (the
 * same people, by actor id), acts with their perpetrators, sources (testimonies and consent exactly
 * as they were), interventions and context codes are added to A, each keeping its id; A's counts take
 * the larger of each number; what A lacks — a date, a summary, place details that agree with A's
 * place — is filled from B. Also says what came in, by path and count, never by value.
 */
import type { IncidentInput, IncidentCounts, Place } from '../incident/schema.js';
import { COUNT_FIELDS } from '../incident/schema.js';
import type { IncidentView } from '../incident/view.js';
import { precisionRank } from '../places/gazetteer.js';

/** An incident input whose parts all carry their ids (what the store writes). */
export type MergedIncident = Omit<IncidentInput, 'victims' | 'acts' | 'sources' | 'interventions'> & {
  victims: { key: string; actorId: string }[];
  acts: IncidentView['acts'];
  sources: IncidentView['sources'];
  interventions: IncidentView['interventions'];
};

/** What came into A from B: counts of parts, codes, and the paths of fields filled or raised (no values). */
export interface MergeSummary {
  victims: number;
  acts: number;
  sources: number;
  interventions: number;
  context: string[];
  filled: string[];
  counts: string[];
}

/** The most parts an incident may hold (as incidentInputSchema allows). */
export const MERGE_LIMITS = { victims: 100, acts: 100, sources: 50, interventions: 100, context: 30 } as const;

/** The larger of each count; a count only one of them gives is kept. */
export function largerCounts(a: IncidentCounts | undefined, b: IncidentCounts | undefined): { counts: IncidentCounts | undefined; raised: string[] } {
  const out: IncidentCounts = {};
  const raised: string[] = [];
  for (const f of COUNT_FIELDS) {
    const x = a?.[f];
    const y = b?.[f];
    if (x === undefined && y === undefined) continue;
    out[f] = Math.max(x ?? 0, y ?? 0);
    if (y !== undefined && (x === undefined || y > x)) raised.push(`counts.${f}`);
  }
  return { counts: Object.keys(out).length ? out : undefined, raised };
}

/** The precision a place field supports: which field a precision relies on. */
const RELIES_ON: Partial<Record<Place['precision'], keyof Place>> = { country: 'country', state: 'state', municipality: 'locality', locality: 'locality', crossing: 'crossing', route: 'routeSegment' };

/**
 * A's place with what it lacks taken from B — only where B's place agrees with A's (the same country,
 * then the same state): a town in another state is never added. A's public precision is kept unless
 * B's is finer and rests on a field that was just filled.
 */
export function fillPlace(a: Place, b: Place): { place: Place; filled: string[] } {
  const out: Place = { ...a };
  const filled: string[] = [];
  const take = <K extends keyof Place>(k: K) => {
    if (out[k] === undefined && b[k] !== undefined) {
      out[k] = b[k];
      filled.push(`place.${k}`);
    }
  };
  if (a.country !== undefined && b.country !== undefined && a.country !== b.country) return { place: out, filled };
  take('country');
  take('crossing');
  take('routeSegment');
  if (a.state === undefined || b.state === undefined || a.state === b.state) {
    take('state');
    take('locality');
  }
  take('private');
  const relies = RELIES_ON[b.precision];
  if (relies && filled.includes(`place.${relies}`) && precisionRank(b.precision) > precisionRank(a.precision)) {
    out.precision = b.precision;
    filled.push('place.precision');
  }
  return { place: out, filled };
}

export function mergeIncidentViews(a: IncidentView, b: IncidentView): { merged: MergedIncident; summary: MergeSummary } {
  const victimsA = new Set(a.victims.map((v) => v.actorId));
  const newVictims = b.victims.filter((v) => !victimsA.has(v.actorId));
  const contextA = new Set(a.context);
  const newContext = [...new Set(b.context)].filter((c) => !contextA.has(c)).sort();
  const { place, filled } = fillPlace(a.place, b.place);
  const { counts, raised } = largerCounts(a.counts, b.counts);
  const date = a.date ?? b.date;
  const summary = a.summary ?? b.summary;
  if (a.date === undefined && b.date !== undefined) filled.unshift('date');
  if (a.summary === undefined && b.summary !== undefined) filled.unshift('summary');
  const merged: MergedIncident = {
    title: a.title,
    ...(summary !== undefined ? { summary } : {}),
    ...(date !== undefined ? { date } : {}),
    place,
    ...(counts !== undefined ? { counts } : {}),
    context: [...a.context, ...newContext],
    status: a.status,
    followUp: a.followUp,
    confidentiality: a.confidentiality,
    victims: [...a.victims, ...newVictims].map((v) => ({ key: v.actorId, actorId: v.actorId })),
    acts: [...a.acts, ...b.acts],
    sources: [...a.sources, ...b.sources],
    interventions: [...a.interventions, ...b.interventions],
  };
  return {
    merged,
    summary: { victims: newVictims.length, acts: b.acts.length, sources: b.sources.length, interventions: b.interventions.length, context: newContext, filled, counts: raised },
  };
}

/** Which limits the merged incident would pass, as problems on the `other` field. */
export function mergeLimitProblems(m: MergedIncident): { path: string; message: string; code: string }[] {
  const sizes = { victims: m.victims.length, acts: m.acts.length, sources: m.sources.length, interventions: m.interventions.length, context: m.context.length };
  return (Object.keys(MERGE_LIMITS) as (keyof typeof MERGE_LIMITS)[])
    .filter((k) => sizes[k] > MERGE_LIMITS[k])
    .map((k) => ({ path: 'other', message: `the merged incident would hold ${sizes[k]} ${k}, more than the ${MERGE_LIMITS[k]} an incident may hold`, code: 'merge_too_large' }));
}
