/**
 * Where a point is (docs/gazetteer.md): its country from country-coder's borders (worldwide,
 * offline), its state from the offline map's basemap (the state polygons of Mexico, Guatemala,
 * Honduras, El Salvador and the four US border states), and how near it is to another country.
 *
 * Distances to a border are approximate: the shortest distance from the point to the outline's
 * segments, measured in a flat (equirectangular) projection centred on the point — within about a
 * percent under 100 km, which is all a tolerance of a few kilometres needs. country-coder's land
 * borders are simplified (its outlines are straight lines in longitude and latitude between
 * vertices a few hundred metres to a few hundred kilometres apart; at sea they follow territorial
 * waters roughly): a point in the Río Bravo or on its Texas bank can fall on either side, which is
 * what the tolerance is for.
 */
import { aggregateFeature, feature as ccFeature, iso1A2Code, iso1A2Codes, featuresContaining } from '@rapideditor/country-coder';
import { geoBounds, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Basemap } from '../../domain/report/state-map.js';

export type BorderCheck = 'inside' | 'near_border' | 'outside';

export interface LocateResult {
  /** ISO 3166-1 alpha-2, when the point is in a country (land or, roughly, its territorial waters) */
  country?: string;
  /** ISO 3166-2, when the basemap has the country's states and one holds the point (or is within 10 km) */
  state?: string;
  /** distance to the nearest other country, when under 25 km (one decimal) */
  nearBorderKm?: number;
  /** 'checked': states looked up; 'not_covered': the basemap has no states for this country; 'unavailable': no basemap */
  states: 'checked' | 'not_covered' | 'unavailable';
}

export interface PointLocator {
  locate(lat: number, lon: number): LocateResult;
  pointInCountry(lat: number, lon: number, country: string, toleranceKm?: number): BorderCheck;
}

/** reported as nearBorderKm under this distance */
export const NEAR_BORDER_KM = 25;
/** a point just off a state's simplified outline (a beach, a river bank) still gets that state */
export const STATE_SNAP_KM = 10;
export const MAX_TOLERANCE_KM = 100;
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

/** An outline: its rings as flat [lon, lat, lon, lat …] arrays, and its bounding box. */
interface Outline { rings: Float64Array[]; minLon: number; minLat: number; maxLon: number; maxLat: number }

function outlineOf(geometry: Geometry | null | undefined): Outline | null {
  if (!geometry) return null;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const rings: Float64Array[] = [];
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const flat = new Float64Array(ring.length * 2);
      ring.forEach(([x, y], i) => {
        flat[2 * i] = x!;
        flat[2 * i + 1] = y!;
        if (x! < minLon) minLon = x!;
        if (x! > maxLon) maxLon = x!;
        if (y! < minLat) minLat = y!;
        if (y! > maxLat) maxLat = y!;
      });
      rings.push(flat);
    }
  }
  return rings.length ? { rings, minLon, minLat, maxLon, maxLat } : null;
}

/**
 * Approximate distance in km from a point to an outline's edges (not 0 inside: use a containment
 * test first); Infinity when the outline's box is more than `withinKm` away.
 */
export function distanceToOutlineKm(lat: number, lon: number, o: Outline, withinKm: number): number {
  const kx = Math.cos((lat * Math.PI) / 180) * KM_PER_DEGREE;
  const ky = KM_PER_DEGREE;
  const dLat = withinKm / ky;
  const dLon = Math.min(180, withinKm / Math.max(kx, 1e-6));
  if (lat < o.minLat - dLat || lat > o.maxLat + dLat || lon < o.minLon - dLon || lon > o.maxLon + dLon) return Infinity;
  const wrap = (d: number) => (d > 180 ? d - 360 : d < -180 ? d + 360 : d);
  let best = Infinity;
  for (const r of o.rings) {
    let ax = wrap(r[0]! - lon) * kx;
    let ay = (r[1]! - lat) * ky;
    for (let i = 2; i < r.length; i += 2) {
      const bx = wrap(r[i]! - lon) * kx;
      const by = (r[i + 1]! - lat) * ky;
      // distance from the origin (the point) to segment a–b
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
      const px = ax + t * dx;
      const py = ay + t * dy;
      const d = px * px + py * py;
      if (d < best) best = d;
      ax = bx;
      ay = by;
    }
  }
  return Math.sqrt(best);
}

const countryOutlines = new Map<string, Outline | null>();
/**
 * A country's (or a territory's, like PR) outline from country-coder; countries made of parts, like
 * the US, aggregated. Groupings (EU, UN, regions) have none.
 */
function countryOutline(code: string): Outline | null {
  let o = countryOutlines.get(code);
  if (o === undefined) {
    const f = ccFeature(code);
    o = f && (f.properties.level === 'country' || f.properties.level === 'territory') ? outlineOf(f.geometry ?? aggregateFeature(code)?.geometry) : null;
    countryOutlines.set(code, o);
  }
  return o;
}

function validPoint(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

/** Whether country-coder puts the point in the country (or one of its parts). */
function inCountry(lat: number, lon: number, country: string): boolean {
  return featuresContaining([lon, lat]).some((f) => f.properties.iso1A2 === country || f.properties.country === country);
}

/**
 * 'inside' the country, 'near_border' (outside its outline but within toleranceKm of it: a river
 * crossing, the other bank), or 'outside'.
 */
export function pointInCountry(lat: number, lon: number, country: string, toleranceKm = 10): BorderCheck {
  if (!validPoint(lat, lon)) throw new RangeError('latitude must be within ±90 and longitude within ±180');
  if (!(toleranceKm >= 0 && toleranceKm <= MAX_TOLERANCE_KM)) throw new RangeError(`the tolerance must be between 0 and ${MAX_TOLERANCE_KM} km`);
  const code = country.toUpperCase();
  if (inCountry(lat, lon, code)) return 'inside';
  const o = countryOutline(code);
  return o && distanceToOutlineKm(lat, lon, o, toleranceKm) <= toleranceKm ? 'near_border' : 'outside';
}

/** Distance to the nearest country other than `own`, if under NEAR_BORDER_KM. */
function nearBorderKm(lat: number, lon: number, own: string | undefined): number | undefined {
  const d = NEAR_BORDER_KM / KM_PER_DEGREE;
  const dLon = Math.min(180, d / Math.max(Math.cos((lat * Math.PI) / 180), 1e-6));
  const box: [number, number, number, number] = [Math.max(-180, lon - dLon), Math.max(-90, lat - d), Math.min(180, lon + dLon), Math.min(90, lat + d)];
  let best = Infinity;
  for (const code of iso1A2Codes(box)) {
    if (code === own || (own && ccFeature(code)?.properties.country === own)) continue;
    const o = countryOutline(code);
    if (o) best = Math.min(best, distanceToOutlineKm(lat, lon, o, NEAR_BORDER_KM));
  }
  return best < NEAR_BORDER_KM ? Math.round(best * 10) / 10 : undefined;
}

interface StateShape { code: string; feature: Feature<Geometry>; outline: Outline | null; box: [[number, number], [number, number]] }

/**
 * A locator over the basemap's state polygons (null when the basemap is missing: states are then
 * 'unavailable' and everything else still works).
 */
export function createPointLocator(basemap: Basemap | null): PointLocator {
  const byCountry = new Map<string, StateShape[]>();
  if (basemap) {
    for (const f of (feature(basemap, basemap.objects.states) as FeatureCollection<Geometry>).features) {
      const code = String(f.id);
      const list = byCountry.get(code.slice(0, 2)) ?? [];
      list.push({ code, feature: f, outline: outlineOf(f.geometry), box: geoBounds(f) });
      byCountry.set(code.slice(0, 2), list);
    }
  }
  const stateOf = (lat: number, lon: number, shapes: StateShape[]): string | undefined => {
    for (const s of shapes) {
      const [[x0, y0], [x1, y1]] = s.box;
      if (lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1 && geoContains(s.feature, [lon, lat])) return s.code;
    }
    let best: StateShape | undefined;
    let bestKm = STATE_SNAP_KM;
    for (const s of shapes) {
      const km = s.outline ? distanceToOutlineKm(lat, lon, s.outline, STATE_SNAP_KM) : Infinity;
      if (km <= bestKm) { best = s; bestKm = km; }
    }
    return best?.code;
  };
  return {
    locate(lat, lon) {
      if (!validPoint(lat, lon)) throw new RangeError('latitude must be within ±90 and longitude within ±180');
      const country = iso1A2Code([lon, lat]) ?? undefined;
      const out: LocateResult = { states: basemap ? 'checked' : 'unavailable' };
      if (country) out.country = country;
      const shapes = country ? byCountry.get(country) : undefined;
      if (basemap && !shapes) out.states = 'not_covered';
      if (shapes) {
        const state = stateOf(lat, lon, shapes);
        if (state) out.state = state;
        // the basemap holds only the four US border states: elsewhere in the US it cannot say
        else if (country === 'US') out.states = 'not_covered';
      }
      const near = nearBorderKm(lat, lon, country);
      if (near !== undefined) out.nearBorderKm = near;
      return out;
    },
    pointInCountry,
  };
}
