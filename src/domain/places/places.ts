/**
 * Public places: the region's countries, their first-level divisions (ISO 3166-2), towns along
 * the routes and border crossings (places.json). Public coordinates only: a town's centre, a
 * crossing. Private points (a shelter's address) never come from here.
 */
import data from './places.json' with { type: 'json' };
import type { Labels } from '../vocabulary/vocabulary.js';

export interface Country { code: string; name: Labels }
export interface State { code: string; country: string; name: Labels }
export interface Locality { name: string; state: string; country: string; lat: number; lon: number; shelterCity: boolean }
export interface Crossing { code: string; name: Labels; countries: string[]; states: string[]; lat: number; lon: number; kind: string }

export interface PlacesData { version: number; countries: Country[]; states: State[]; localities: Locality[]; crossings: Crossing[] }

export const places = data as PlacesData;

const statesByCode = new Map(places.states.map((s) => [s.code, s]));
const crossingsByCode = new Map(places.crossings.map((c) => [c.code, c]));
const regionCountries = new Map(places.countries.map((c) => [c.code, c]));

export function stateByCode(code: string): State | undefined {
  return statesByCode.get(code);
}
export function crossingByCode(code: string): Crossing | undefined {
  return crossingsByCode.get(code);
}
export function isRegionCountry(code: string): boolean {
  return regionCountries.has(code);
}

// Every ISO 3166-1 alpha-2 region that ICU names (for nationalities), minus groupings and placeholders.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);
const namesEs = new Intl.DisplayNames(['es'], { type: 'region', fallback: 'none' });
const namesEn = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
function buildWorld(): Country[] {
  const out: Country[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const es = namesEs.of(code);
      const en = namesEn.of(code);
      if (es && en && es !== code && en !== code) out.push({ code, name: { es, en } });
    }
  }
  return out;
}
export const worldCountries: Country[] = buildWorld();
const worldCodes = new Set(worldCountries.map((c) => c.code));
export function isCountry(code: string): boolean {
  return worldCodes.has(code) || regionCountries.has(code);
}
export function countryName(code: string, lang: 'es' | 'en'): string {
  return regionCountries.get(code)?.name[lang] ?? worldCountries.find((c) => c.code === code)?.name[lang] ?? code;
}
