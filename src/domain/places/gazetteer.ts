/**
 * The rules every coarse, public use of a place shares (the map, open data, reports): how fine a
 * public precision is, and which gazetteer town (places.json) a typed locality names — folded for
 * accents, case and punctuation, within its state only.
 */
import { places, type Locality } from './places.js';

/** How fine a public precision is: 0 none, 1 country, 2 state (crossing, route), 3 town. */
export function precisionRank(precision: string): number {
  switch (precision) {
    case 'country': return 1;
    case 'state': case 'crossing': case 'route': return 2;
    case 'municipality': case 'locality': return 3;
    default: return 0;
  }
}

export function foldName(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

const townsByState = new Map<string, Map<string, Locality>>();
for (const l of places.localities) {
  let m = townsByState.get(l.state);
  if (!m) townsByState.set(l.state, (m = new Map()));
  m.set(foldName(l.name), l);
}

/** The gazetteer town a typed locality names within a state, if any. */
export function gazetteerTown(state: string, typed: string | null | undefined): Locality | undefined {
  return typed ? townsByState.get(state)?.get(foldName(typed)) : undefined;
}
