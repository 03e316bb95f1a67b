/**
 * Where an incident is drawn on the offline map (docs/adr/0016-offline-map.md): at its **public**
 * place only, never finer than its public precision, and only at points of the gazetteer
 * (places.json): a town, a border crossing, or a state's or country's representative point. A
 * private point or address is never read. The answer depends on the public place fields alone, so
 * the SQL and the memory index give the same (both call this).
 *
 * - precision 'locality' / 'municipality': the gazetteer town of that name in that state, else the state;
 * - 'crossing': the crossing (a public, named point) when it is on the country's border, else as 'state';
 * - 'state' / 'route': the state (a crossing's state when the crossing has one in the country);
 * - 'country': the country; 'unknown' or no known country: not on the map.
 * The choropleth counts an incident in a state only when its public precision is a state or finer.
 */
import { stateByCode, crossingByCode, isCountry } from '../places/places.js';
import { gazetteerTown, precisionRank } from '../places/gazetteer.js';

export { precisionRank };

export type PointKind = 'town' | 'crossing' | 'state' | 'country';

export interface MapPlace {
  country: string | null;
  state: string | null;
  /** the gazetteer point: "town:MX-CHP:Tapachula", "crossing:us_mx.san_ysidro", "state:MX-CHP", "country:MX" */
  point: string | null;
}

/** The public place fields of an incident (never its private point). */
export interface PublicPlace {
  precision: string;
  country: string | null;
  state: string | null;
  locality: string | null;
  crossing: string | null;
}


/** How fine a map point is, on the same scale. */
export function pointRank(point: string | null): number {
  if (!point) return 0;
  if (point.startsWith('country:')) return 1;
  if (point.startsWith('state:')) return 2;
  if (point.startsWith('crossing:')) return 2;
  return 3;
}


const NOWHERE: MapPlace = { country: null, state: null, point: null };

export function mapPlaceOf(p: PublicPlace): MapPlace {
  const rank = precisionRank(p.precision);
  if (rank < 1 || !p.country || !isCountry(p.country)) return NOWHERE;
  const country = p.country;
  const crossing = p.precision === 'crossing' && p.crossing ? crossingByCode(p.crossing) : undefined;
  const onBorder = crossing && crossing.countries.includes(country) ? crossing : undefined;
  let state: string | null = null;
  if (rank >= 2) {
    if (p.state) state = stateByCode(p.state)?.country === country ? p.state : null;
    else if (onBorder) {
      const inCountry = onBorder.states.filter((code) => stateByCode(code)?.country === country);
      state = inCountry.length === 1 ? inCountry[0]! : null;
    }
  }
  if (onBorder) return { country, state, point: `crossing:${onBorder.code}` };
  const town = rank >= 3 && state && p.locality ? gazetteerTown(state, p.locality) : undefined;
  if (town) return { country, state, point: `town:${state}:${town.name}` };
  if (state) return { country, state, point: `state:${state}` };
  return { country, state: null, point: `country:${country}` };
}

/** One string per map place (the memory index's dictionary key; SQL groups map to the same). */
export function mapPlaceKey(m: MapPlace): string {
  return `${m.country ?? ''}|${m.state ?? ''}|${m.point ?? ''}`;
}

export function parseMapPlaceKey(key: string): MapPlace {
  const [country = '', state = '', ...rest] = key.split('|');
  const point = rest.join('|');
  return { country: country || null, state: state || null, point: point || null };
}
