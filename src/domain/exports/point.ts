/**
 * Where an exported incident is drawn: its public place only, exactly as the offline map draws it
 * (map-place.ts: a gazetteer town, a border crossing, or a state's or country's representative
 * point from the gazetteer, 2 decimals — coarse-place.ts), never finer than its public precision.
 * The private point goes out only with identifying values, and says so (`kind: 'private'`).
 */
import { mapPlaceOf } from '../map/map-place.js';
import { placePoint } from '../publication/coarse-place.js';
import { crossingByCode } from '../places/places.js';
import type { IncidentView } from '../incident/view.js';

export type PointKind = 'town' | 'crossing' | 'state' | 'country' | 'private';
export interface ExportPoint { lon: number; lat: number; kind: PointKind }

const round2 = (x: number) => Math.round(x * 100) / 100;

export function publicPoint(place: IncidentView['place']): ExportPoint | null {
  const m = mapPlaceOf({ precision: place.precision, country: place.country ?? null, state: place.state ?? null, locality: place.locality ?? null, crossing: place.crossing ?? null });
  if (!m.point || !m.country) return null;
  const [kind, ...rest] = m.point.split(':') as [string, ...string[]];
  let at: [number, number] | null = null;
  if (kind === 'town') at = placePoint({ precision: 'municipality', country: m.country, state: rest[0]!, municipality: rest.slice(1).join(':') });
  else if (kind === 'crossing') {
    const c = crossingByCode(rest.join(':'));
    at = c ? [round2(c.lon), round2(c.lat)] : null;
  } else if (kind === 'state') at = placePoint({ precision: 'state', country: m.country, state: rest.join(':') });
  else at = placePoint({ precision: 'country', country: m.country });
  return at ? { lon: at[0], lat: at[1], kind: kind as PointKind } : null;
}

/** The private point when it is in the (projected) view and has coordinates, else the public one. */
export function exportPoint(place: IncidentView['place']): ExportPoint | null {
  const p = place.private;
  if (p && p.lat !== undefined && p.lon !== undefined) return { lon: p.lon, lat: p.lat, kind: 'private' };
  return publicPoint(place);
}
