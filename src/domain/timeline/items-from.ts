/** Items from the rows the store gives: an actor's incidents, their interventions, the actor's measures. */
import type { IncidentItem, InterventionItem, MeasureItem, PublicPlace, TimelineDate } from './item.js';

type Maybe<T> = T | null | undefined;

function dateOf(start: Maybe<string>, end?: Maybe<string>, approximate?: Maybe<boolean>): TimelineDate | undefined {
  if (!start) return undefined;
  return { start, ...(end && end !== start ? { end } : {}), ...(approximate ? { approximate: true } : {}) };
}

/** The fields that hold a value (no null, undefined or empty string). */
function defined<T extends Record<string, Maybe<string>>>(o: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as { [K in keyof T]?: string };
}

export function incidentItem(r: {
  id: string; ref: string; title: string; dateStart: Maybe<string>; dateEnd: Maybe<string>; dateApprox: boolean; status: string; acts: string[];
  country: Maybe<string>; state: Maybe<string>; locality: Maybe<string>; crossing: Maybe<string>; routeSegment: Maybe<string>;
}): IncidentItem {
  const date = dateOf(r.dateStart, r.dateEnd, r.dateApprox);
  const place: PublicPlace = defined({ country: r.country, state: r.state, locality: r.locality, crossing: r.crossing, routeSegment: r.routeSegment });
  return { type: 'incident', key: `incident:${r.id}`, incidentId: r.id, ref: r.ref, title: r.title, ...(date ? { date } : {}), place, status: r.status, acts: [...new Set(r.acts)].sort() };
}

export function interventionItem(r: { id: string; incidentId: string; ref: string; kind: string; date: Maybe<string>; outcome: Maybe<string>; followUp: Maybe<string> }): InterventionItem {
  const date = dateOf(r.date);
  return { type: 'intervention', key: `intervention:${r.id}`, id: r.id, incidentId: r.incidentId, ref: r.ref, kind: r.kind, ...(date ? { date } : {}), ...defined({ outcome: r.outcome, followUp: r.followUp }) };
}

/** A measure is placed on the timeline by the day it was granted, or else by the day it expires. */
export function measureItem(m: { id: string; kind: string; status: string; granted?: Maybe<string>; expires?: Maybe<string> }): MeasureItem {
  const date = dateOf(m.granted ?? m.expires);
  return { type: 'measure', key: `measure:${m.id}`, id: m.id, kind: m.kind, status: m.status, ...(date ? { date } : {}), ...defined({ granted: m.granted, expires: m.expires }) };
}
