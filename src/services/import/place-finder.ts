/** The offline gazetteer as the import's place finder (loaded once per process, on first use). */
import type { PlaceFinder } from '../../domain/import/row-to-incident.js';
import { loadGazetteer } from '../places/load-gazetteer.js';

export async function importPlaceFinder(): Promise<PlaceFinder> {
  const g = await loadGazetteer();
  return {
    lookup: (name, opts) => g.lookup(name, opts ?? {}),
    locate: (lat, lon) => g.locate(lat, lon),
    pointInCountry: (lat, lon, country) => g.pointInCountry(lat, lon, country),
  };
}
