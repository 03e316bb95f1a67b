/**
 * The offline map's answer (issue 5, docs/adr/0016-offline-map.md): the incidents matching a
 * search counted per country, per state (the choropleth: public precision a state or finer) and per
 * gazetteer point (the clusters). Assembled from counts per map place (map-place.ts), which the
 * store computes by SQL or from the memory index. Every placed incident is at exactly one point, so
 * the points add up to the placed incidents; `unplaced` are those with no public place.
 */
import { z } from 'zod';
import { checkDateRange, searchFilterFields } from '../incident/search-query.js';
import { places, crossingByCode } from '../places/places.js';
import { parseMapPlaceKey, type PointKind } from './map-place.js';

export const mapQuerySchema = z.object({ ...searchFilterFields }).strict().superRefine(checkDateRange);
export type MapQuery = z.infer<typeof mapQuerySchema>;

export interface MapPointCount {
  key: string;
  kind: PointKind;
  /** a crossing's code, a state's or country's code, a town's state */
  code: string;
  /** a town's gazetteer name */
  name?: string;
  /** [lon, lat] from the gazetteer (2 decimals); absent when the gazetteer has nothing there */
  at?: [number, number];
  count: number;
  /** search filters that hold every incident at this point (and maybe more): for the click-through */
  filter: { country?: string[]; state?: string[] };
}

export interface MapCounts {
  /** incidents matching the search */
  total: number;
  /** matching incidents with no public place (unknown precision or no known country) */
  unplaced: number;
  countries: { code: string; count: number }[];
  /** incidents whose public place is a state or finer, per state */
  states: { code: string; count: number }[];
  points: MapPointCount[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function mean(points: { lat: number; lon: number }[]): [number, number] | undefined {
  if (!points.length) return undefined;
  return [round2(points.reduce((a, p) => a + p.lon, 0) / points.length), round2(points.reduce((a, p) => a + p.lat, 0) / points.length)];
}

/** A point's position and filter: the gazetteer's own place for towns and crossings, the mean of its points in a state or country. */
function pointOf(key: string): Omit<MapPointCount, 'count'> {
  const [kind, ...rest] = key.split(':') as [PointKind, ...string[]];
  const code = kind === 'town' ? rest[0]! : rest.join(':');
  if (kind === 'crossing') {
    const c = crossingByCode(code);
    return { key, kind, code, ...(c ? { at: [round2(c.lon), round2(c.lat)] as [number, number] } : {}), filter: { country: c ? [...c.countries] : [] } };
  }
  if (kind === 'town') {
    const name = rest.slice(1).join(':');
    const town = places.localities.find((l) => l.state === code && l.name === name);
    return { key, kind, code, name, ...(town ? { at: [round2(town.lon), round2(town.lat)] as [number, number] } : {}), filter: { state: [code] } };
  }
  if (kind === 'state') {
    const at = mean([...places.localities.filter((l) => l.state === code), ...places.crossings.filter((x) => x.states.includes(code))]);
    return { key, kind, code, ...(at ? { at } : {}), filter: { state: [code] } };
  }
  const at = mean([...places.localities.filter((l) => l.country === code), ...places.crossings.filter((x) => x.countries.includes(code))]);
  return { key, kind, code, ...(at ? { at } : {}), filter: { country: [code] } };
}

/** Points by key, worked out once (they depend on the gazetteer alone). */
const points = new Map<string, Omit<MapPointCount, 'count'>>();
function pointAt(key: string): Omit<MapPointCount, 'count'> {
  let p = points.get(key);
  if (!p) points.set(key, (p = pointOf(key)));
  return p;
}

const byCount = <T extends { count: number }>(key: (x: T) => string) => (a: T, b: T) => b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** From incidents per map place key (mapPlaceKey). */
export function assembleMapCounts(groups: Iterable<{ key: string; count: number }>): MapCounts {
  const perPlace = new Map<string, number>();
  for (const g of groups) if (g.count > 0) perPlace.set(g.key, (perPlace.get(g.key) ?? 0) + g.count);
  let total = 0;
  let unplaced = 0;
  const countries = new Map<string, number>();
  const states = new Map<string, number>();
  const perPoint = new Map<string, MapPointCount>();
  for (const [key, count] of perPlace) {
    total += count;
    const m = parseMapPlaceKey(key);
    if (!m.country || !m.point) {
      unplaced += count;
      continue;
    }
    countries.set(m.country, (countries.get(m.country) ?? 0) + count);
    if (m.state) states.set(m.state, (states.get(m.state) ?? 0) + count);
    // a crossing is one point whichever side recorded it
    const p = perPoint.get(m.point);
    if (p) p.count += count;
    else perPoint.set(m.point, { ...pointAt(m.point), count });
  }
  const rows = (m: Map<string, number>) => [...m].map(([code, count]) => ({ code, count })).sort(byCount((x) => x.code));
  return { total, unplaced, countries: rows(countries), states: rows(states), points: [...perPoint.values()].sort(byCount((x) => x.key)) };
}
