/**
 * Places for the demo generator: how often each town and border crossing is chosen (regional
 * weights and boosts), the town sets that drive context tags (desert, wall, train, encampments,
 * near a crossing), route segments by state, localized place phrases ("en el estado de…", "at the
 * … port of entry"), fake street addresses, and `planPlace`, which draws where an incident happened
 * and at what precision (`PlacePlan`).
 */
import { places, stateByCode, countryName, type Locality, type Crossing } from '../../domain/places/places.js';
import * as T from './demo-texts.js';
import type { DemoLang } from './demo-texts.js';
import type { RawPlace } from './demo-input-types.js';
import type { Weighted, Rng } from './demo-random.js';
import type { Codes } from './demo-codes.js';

export type Region = 'MX' | 'US' | 'CA';
const regionOf = (country: string): Region => (country === 'MX' ? 'MX' : country === 'US' ? 'US' : 'CA');

export const SOUTH_MX = new Set(['MX-CHP', 'MX-TAB']);
export const NORTH_MX = new Set(['MX-BCN', 'MX-SON', 'MX-CHH', 'MX-COA', 'MX-TAM', 'MX-NLE']);
const US_INTERIOR = new Set(['Los Angeles', 'Phoenix', 'San Antonio', 'Houston']);
const BOOST: Record<string, number> = {
  Tapachula: 2.6, Tijuana: 2.2, Tenosique: 1.6, 'Ciudad Juárez': 1.6, Saltillo: 1.3, 'Nuevo Laredo': 1.3, Reynosa: 1.3,
  Matamoros: 1.3, Mexicali: 1.2, 'El Paso': 1.6, 'San Diego': 1.4, Palenque: 1.2, 'Ciudad Hidalgo': 1.5, 'Tecún Umán': 1.4,
};
export const DESERT = new Set(['Altar', 'Caborca', 'Sonoyta', 'Agua Prieta', 'Tucson', 'Yuma', 'Douglas', 'Nogales', 'Puerto Palomas', 'Sunland Park', 'Las Cruces']);
export const WALL = new Set(['Tijuana', 'Nogales', 'Ciudad Juárez', 'Sunland Park', 'Agua Prieta', 'San Diego', 'El Paso', 'Calexico', 'Mexicali']);
export const TRAIN = new Set(['Tierra Blanca', 'Apizaco', 'Irapuato', 'Celaya', 'Arriaga', 'Ciudad Ixtepec', 'Palenque', 'Tenosique', 'Oluta', 'Coatzacoalcos', 'Orizaba', 'San Luis Potosí', 'Saltillo', 'Acayucan']);
export const ENCAMPMENT = new Set(['Tijuana', 'Matamoros', 'Reynosa', 'Ciudad Juárez', 'Tapachula', 'Ciudad de México']);

/** Towns close to a border crossing, where border controls happen. */
const NEAR_CROSSING = new Set(
  places.localities.filter((l) => places.crossings.some((c) => (c.lat - l.lat) ** 2 + (c.lon - l.lon) ** 2 < 0.5 * 0.5)).map((l) => `${l.country}:${l.name}`),
);
export const nearCrossing = (l: Locality | undefined) => l !== undefined && NEAR_CROSSING.has(`${l.country}:${l.name}`);

export function localityWeight(l: Locality): number {
  let w = l.shelterCity ? 4 : 1.2;
  if (l.country === 'MX') {
    if (SOUTH_MX.has(l.state)) w *= 2.2;
    else if (NORTH_MX.has(l.state)) w *= 1.8;
    else if (l.state === 'MX-OAX' || l.state === 'MX-VER') w *= 1.2;
    else w *= 0.8;
  } else if (l.country === 'US') {
    w *= US_INTERIOR.has(l.name) ? 0.35 : 1.4;
  } else if (l.country === 'GT') w *= 0.8;
  else w *= 0.6;
  return w * (BOOST[l.name] ?? 1);
}

export function crossingWeight(c: Crossing): number {
  let w = c.code.startsWith('us_mx.') ? 2 : c.code.startsWith('mx_gt.') ? 2.4 : 0.8;
  if (['us_mx.san_ysidro', 'us_mx.el_paso_paso_del_norte', 'mx_gt.suchiate_rafts', 'mx_gt.ciudad_hidalgo_tecun_uman'].includes(c.code)) w *= 3;
  if (['us_mx.otay_mesa', 'us_mx.calexico_west', 'us_mx.nogales_deconcini', 'us_mx.hidalgo', 'us_mx.laredo_gateway', 'us_mx.brownsville_gateway', 'mx_gt.el_ceibo'].includes(c.code)) w *= 1.6;
  return w;
}

const ROUTE_BY_STATE: Record<string, string> = {
  'MX-CHP': 'mx_southern_border', 'MX-TAB': 'mx_southern_border', 'MX-OAX': 'pacific_route', 'MX-VER': 'gulf_route',
  'MX-PUE': 'central_route', 'MX-TLA': 'central_route', 'MX-CMX': 'central_route', 'MX-QUE': 'central_route', 'MX-GUA': 'central_route',
  'MX-JAL': 'pacific_route', 'MX-SLP': 'central_route', 'MX-COA': 'northeast', 'MX-NLE': 'northeast', 'MX-TAM': 'northeast',
  'MX-CHH': 'north_central', 'MX-SON': 'northwest', 'MX-BCN': 'northwest',
  'GT-12': 'gt_mx_border', 'GT-13': 'gt_mx_border', 'GT-17': 'gt_mx_border', 'GT-18': 'hn_gt_border', 'GT-20': 'hn_gt_border',
  'GT-22': 'sv_gt_border', 'GT-01': 'central_america_north', 'GT-09': 'central_america_north',
  'HN-OC': 'hn_gt_border', 'HN-CP': 'hn_gt_border', 'HN-CR': 'central_america_north', 'HN-FM': 'central_america_north', 'HN-EP': 'central_america_north',
  'SV-AH': 'sv_gt_border', 'SV-SA': 'sv_gt_border', 'SV-SS': 'central_america_north', 'SV-SM': 'central_america_north',
};
function routeSegmentOf(country: string, state: string, localityName: string | undefined): string | undefined {
  if (country === 'US') return localityName && US_INTERIOR.has(localityName) ? 'us_interior' : 'us_border_zone';
  return ROUTE_BY_STATE[state];
}

function nearestLocality(lat: number, lon: number, state: string): Locality | undefined {
  let best: Locality | undefined;
  let bestD = Infinity;
  for (const l of places.localities) {
    if (l.state !== state) continue;
    const d = (l.lat - lat) ** 2 + (l.lon - lon) ** 2;
    if (d < bestD) { bestD = d; best = l; }
  }
  return bestD < 0.6 * 0.6 ? best : undefined;
}

const COUNTRY_EN: Record<string, string> = { US: 'the United States' };
function countryIn(code: string, lang: DemoLang): string {
  return lang === 'es' ? `en ${countryName(code, 'es')}` : `in ${COUNTRY_EN[code] ?? countryName(code, 'en')}`;
}
function stateIn(code: string, lang: DemoLang): string {
  const s = stateByCode(code)!;
  const name = s.name[lang];
  if (s.country === 'MX') return lang === 'es' ? `en el estado de ${name}` : `in the state of ${name}`;
  if (s.country === 'US') return lang === 'es' ? `en ${name}` : `in ${name}`;
  return lang === 'es' ? `en el departamento de ${name}` : `in the department of ${name}`;
}
function crossingAt(c: Crossing, lang: DemoLang): string {
  if (lang === 'en') {
    const n = c.name.en;
    return `at the ${/^(Raft|Bridge of)/.test(n) ? n[0]!.toLowerCase() + n.slice(1) : n}`;
  }
  const n = c.name.es;
  const m = /^(Garita|Puentes|Puente|Cruce)\b(.*)$/.exec(n);
  if (m) {
    const article = m[1] === 'Garita' ? 'la' : m[1] === 'Puentes' ? 'los' : 'el';
    return `en ${article} ${m[1]!.toLowerCase()}${m[2]}`;
  }
  return `en el cruce fronterizo de ${n}`;
}

export interface PlacePlan {
  place: RawPlace;
  country: string;
  region: Region;
  /** the real town behind the place (kept even when the recorded precision is coarser) */
  locality: Locality | undefined;
  crossing: Crossing | undefined;
  /** states whose people count as local */
  states: string[];
  /** where it happened, for finding people and organisations nearby */
  lat: number;
  lon: number;
  where: Record<DemoLang, string>;
  town: Record<DemoLang, string>;
}

export function fakeAddress(rng: Rng, l: Locality): string {
  return l.country === 'US'
    ? `${rng.int(100, 4999)} ${rng.pick(T.US_STREETS)}, ${l.name} (ficticio)`
    : `${rng.pick(T.STREETS)} ${rng.int(1, 999)}, ${l.name} (domicilio ficticio)`;
}

export function planPlace(rng: Rng, codes: Codes, localityTable: Weighted<Locality>, crossingTable: Weighted<Crossing>): PlacePlan {
  if (rng.chance(0.13)) {
    const c = rng.weighted(crossingTable);
    const usSide = c.countries[0] === 'MX' && c.countries[1] === 'US' ? rng.chance(0.6) : false;
    const side = c.countries[1] === 'US' ? (usSide ? 1 : 0) : rng.chance(0.65) ? 0 : 1;
    const country = c.countries[side]!;
    const state = c.states[side]!;
    const near = nearestLocality(c.lat, c.lon, state);
    const place: RawPlace = { precision: 'crossing', country, state, crossing: c.code };
    if (near) place.locality = near.name;
    const seg = routeSegmentOf(country, state, near?.name);
    if (seg && rng.chance(0.4)) place.routeSegment = codes.c('route_segment', seg);
    return {
      place, country, region: regionOf(country), locality: near, crossing: c, states: [...c.states], lat: c.lat, lon: c.lon,
      where: { es: crossingAt(c, 'es'), en: crossingAt(c, 'en') },
      town: { es: near?.name ?? c.name.es, en: near?.name ?? c.name.en },
    };
  }
  const l = rng.weighted(localityTable);
  const seg = routeSegmentOf(l.country, l.state, l.name);
  const r = rng.float();
  const base = { country: l.country, region: regionOf(l.country), locality: l, crossing: undefined, states: [l.state], lat: l.lat, lon: l.lon };
  if (r < 0.75) {
    const place: RawPlace = { precision: 'locality', country: l.country, state: l.state, locality: l.name };
    if (seg && rng.chance(0.35)) place.routeSegment = codes.c('route_segment', seg);
    if (rng.chance(0.14)) {
      const dLat = (rng.float() * 2 - 1) * 0.009;
      const dLon = ((rng.float() * 2 - 1) * 0.009) / Math.cos((l.lat * Math.PI) / 180);
      place.private = { lat: Math.round((l.lat + dLat) * 1e5) / 1e5, lon: Math.round((l.lon + dLon) * 1e5) / 1e5, address: fakeAddress(rng, l) };
    }
    return { ...base, place, where: { es: `en ${l.name}`, en: `in ${l.name}` }, town: { es: l.name, en: l.name } };
  }
  const stateName = stateByCode(l.state)!.name;
  if (r < 0.91 || !seg) {
    const place: RawPlace = { precision: 'state', country: l.country, state: l.state };
    if (seg && rng.chance(0.3)) place.routeSegment = codes.c('route_segment', seg);
    return { ...base, place, where: { es: stateIn(l.state, 'es'), en: stateIn(l.state, 'en') }, town: stateName };
  }
  if (r < 0.96) {
    return { ...base, place: { precision: 'country', country: l.country }, where: { es: countryIn(l.country, 'es'), en: countryIn(l.country, 'en') }, town: { es: countryName(l.country, 'es'), en: countryName(l.country, 'en') } };
  }
  const routeWhere = T.ROUTE_WHERE[seg] ?? { es: countryIn(l.country, 'es'), en: countryIn(l.country, 'en') };
  return {
    ...base,
    place: { precision: 'route', country: l.country, routeSegment: codes.c('route_segment', seg) },
    where: routeWhere,
    town: { es: routeWhere.es.replace(/^en (el |la )?/, ''), en: routeWhere.en.replace(/^(in|on) (the )?/, '') },
  };
}
