/**
 * The offline gazetteer (ADR 0021) as the import's place finder, loaded once per process on first
 * use. Only exact matches of the name count (a prefix match is a typing suggestion, not a place);
 * a municipality and its seat town are one place; several other matches are returned as choices.
 */
import type { FoundPlace, PlaceFinder } from '../../domain/import/row-to-incident.js';
import { isAmbiguous } from '../../domain/places/gazetteer-index.js';
import { loadGazetteer } from '../places/load-gazetteer.js';

export async function importPlaceFinder(): Promise<PlaceFinder> {
  const g = await loadGazetteer();
  return {
    lookup: (name, opts) => {
      const exact = g.lookup(name, { ...opts, limit: Math.max(opts?.limit ?? 4, 4) }).filter((c) => c.match === 'exact');
      if (!exact.length) return [];
      const found: FoundPlace[] = exact.map((c) => ({ kind: c.kind, name: c.name, country: c.country, ...(c.state ? { state: c.state } : {}), ...(c.lat !== undefined && c.lon !== undefined ? { lat: c.lat, lon: c.lon } : {}) }));
      // a municipality and its seat (or a state and its capital's municipality) are one place: the first stands for them
      return isAmbiguous(exact) ? found : [found[0]!];
    },
    locate: (lat, lon) => g.locate(lat, lon),
    pointInCountry: (lat, lon, country) => g.pointInCountry(lat, lon, country),
  };
}
