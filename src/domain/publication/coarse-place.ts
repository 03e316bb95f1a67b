/**
 * Places for publication: an incident's public place coarsened to the export's level (state or
 * municipality), never finer than the incident's own public precision. A municipality is
 * published only when the typed locality is a gazetteer town (places.json) of the same state;
 * its name is then the gazetteer's, never the typed text. Crossings and route segments coarsen
 * to their state. Points come from the gazetteer alone (placePoint), never from a private point.
 */
import { places, stateByCode, crossingByCode, isCountry } from '../places/places.js';
import { gazetteerTown, precisionRank } from '../places/gazetteer.js';

export { gazetteerTown };
import type { PlaceLevel } from './settings.js';
import type { PublicationFacts } from './facts.js';

export type PublicPrecision = 'unknown' | 'country' | 'state' | 'municipality';
export interface CoarsePlace { precision: PublicPrecision; country?: string; state?: string; municipality?: string }

const RANK: Record<PublicPrecision, number> = { unknown: 0, country: 1, state: 2, municipality: 3 };
const BY_RANK: PublicPrecision[] = ['unknown', 'country', 'state', 'municipality'];

/** How precise the incident's own public place is, on the export's scale (gazetteer.ts). */
export const ownRank = precisionRank;

function stateOf(p: PublicationFacts['place'], country: string): string | undefined {
  if (p.state) {
    const s = stateByCode(p.state);
    return s && s.country === country ? s.code : undefined;
  }
  if (p.precision === 'crossing' && p.crossing) {
    const inCountry = (crossingByCode(p.crossing)?.states ?? []).filter((code) => stateByCode(code)?.country === country);
    return inCountry.length === 1 ? inCountry[0] : undefined;
  }
  return undefined;
}

export function coarsenPlace(p: PublicationFacts['place'], level: PlaceLevel): CoarsePlace {
  const want = Math.min(ownRank(p.precision), RANK[level]);
  if (want < 1 || !p.country || !isCountry(p.country)) return { precision: 'unknown' };
  const country = p.country;
  const state = want >= 2 ? stateOf(p, country) : undefined;
  if (!state) return { precision: 'country', country };
  const town = want >= 3 ? gazetteerTown(state, p.locality) : undefined;
  if (!town) return { precision: 'state', country, state };
  return { precision: BY_RANK[3]!, country, state, municipality: town.name };
}

/** A stable key for grouping by coarse place. */
export function placeKey(c: CoarsePlace): string {
  return [c.country ?? '', c.state ?? '', c.municipality ?? ''].join('|');
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function meanPoint(points: { lat: number; lon: number }[]): [number, number] | null {
  if (!points.length) return null;
  const lat = points.reduce((a, p) => a + p.lat, 0) / points.length;
  const lon = points.reduce((a, p) => a + p.lon, 0) / points.length;
  return [round2(lon), round2(lat)];
}

/**
 * The point a coarse place is drawn at ([lon, lat], 2 decimals), from the gazetteer only: a town's
 * own point; for a state or a country, the mean of the gazetteer's towns and crossings in it (a
 * representative point, not a centroid; the same for every incident there); null when the
 * gazetteer has nothing there. It depends on the coarse place alone, never on the incident.
 */
export function placePoint(c: CoarsePlace): [number, number] | null {
  if (c.precision === 'municipality') {
    const town = gazetteerTown(c.state!, c.municipality!);
    return town ? [round2(town.lon), round2(town.lat)] : null;
  }
  if (c.precision === 'state') {
    return meanPoint([...places.localities.filter((l) => l.state === c.state), ...places.crossings.filter((x) => x.states.includes(c.state!))]);
  }
  if (c.precision === 'country') {
    return meanPoint([...places.localities.filter((l) => l.country === c.country), ...places.crossings.filter((x) => x.countries.includes(c.country!))]);
  }
  return null;
}
