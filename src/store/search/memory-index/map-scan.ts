/**
 * The offline map's counts (src/domain/map/map-counts.ts) from the memory index: the search's one
 * pass gives the matching incidents as a bitset; a second pass counts them per map place (one
 * dictionary-encoded number per incident: country, state and gazetteer point at the public
 * precision). Same answers as src/store/stats/map-counts.ts's SQL (a parity test holds them together).
 */
import { assembleMapCounts, type MapCounts } from '../../../domain/map/map-counts.js';
import type { IncidentColumns } from './columns.js';

export function mapScan(c: IncidentColumns, matched: Uint32Array): MapCounts {
  const place = c.mapPlace;
  const counts = new Int32Array(c.dicts.mapPlace.size);
  for (let w = 0; w < matched.length; w++) {
    let bits = matched[w]!;
    while (bits !== 0) {
      const low = bits & -bits;
      counts[place[(w << 5) + (31 - Math.clz32(low))]!]!++;
      bits ^= low;
    }
  }
  const groups: { key: string; count: number }[] = [];
  const values = c.dicts.mapPlace.values;
  for (let id = 1; id < counts.length; id++) if (counts[id]) groups.push({ key: values[id]!, count: counts[id]! });
  return assembleMapCounts(groups);
}
