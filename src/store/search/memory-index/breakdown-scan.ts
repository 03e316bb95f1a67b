/**
 * A breakdown (src/domain/stats/breakdown.ts) from the memory index: the search's one pass gives
 * the matching incidents as a bitset; a second pass over them counts each per period and per
 * dimension value (once per value per incident, as the SQL's count(DISTINCT)). Same answers as
 * src/store/stats/incident-breakdown.ts (a property test holds them together).
 */
import { assembleBreakdown, type Breakdown, type BreakdownQuery } from '../../../domain/stats/breakdown.js';
import type { Dict, IncidentColumns } from './columns.js';

/** Bucket labels by the index's own ids: year from the first day, month and quarter from the start date. */
function buckets(c: IncidentColumns, g: BreakdownQuery['granularity']): { of: Uint16Array | Int32Array; labels: string[] } {
  if (g === 'year') return { of: c.year, labels: c.dicts.year.values };
  if (g === 'month') return { of: c.month, labels: c.dicts.month.values };
  // quarter: each month id mapped to a quarter id
  const months = c.dicts.month.values;
  const labels = [''];
  const ids = new Map<string, number>();
  const quarterOfMonth = new Int32Array(months.length);
  for (let m = 1; m < months.length; m++) {
    const v = months[m]!;
    const label = `${v.slice(0, 4)}-Q${Math.floor((Number(v.slice(5, 7)) - 1) / 3) + 1}`;
    let id = ids.get(label);
    if (id === undefined) { id = labels.length; labels.push(label); ids.set(label, id); }
    quarterOfMonth[m] = id;
  }
  const of = new Int32Array(c.count);
  for (let s = 0; s < c.count; s++) of[s] = quarterOfMonth[c.month[s]!]!;
  return { of, labels };
}

export function breakdownScan(c: IncidentColumns, q: BreakdownQuery, matched: Uint32Array): Breakdown {
  const { of, labels } = buckets(c, q.granularity);
  const nb = labels.length;
  const perBucket = new Int32Array(nb);
  let undated = 0;
  const pool = c.pool;
  // the dimension: its dictionary and, per incident, the ids of its values
  let dict: Dict;
  let values: (s: number, visit: (v: number) => void) => void;
  const list = (start: Int32Array, len: Uint8Array, map: (id: number) => number) => (s: number, visit: (v: number) => void) => {
    for (let k = start[s]!, end = k + len[s]!; k < end; k++) visit(map(pool[k]!));
  };
  switch (q.dimension) {
    case 'act': dict = c.dicts.actRoot; values = list(c.actStart, c.actLen, (id) => c.rootOfAct[id]!); break;
    case 'perpetratorType': dict = c.dicts.perpetratorGroup; values = list(c.perpStart, c.perpLen, (id) => c.groupOfPerpetrator[id]!); break;
    case 'perpetrator': dict = c.dicts.perpetrator; values = list(c.perpStart, c.perpLen, (id) => id); break;
    case 'country': dict = c.dicts.country; values = (s, visit) => visit(c.country[s]!); break;
    case 'state': dict = c.dicts.state; values = (s, visit) => visit(c.state[s]!); break;
    default: {
      const attr = c.actorAttr[q.dimension];
      dict = c.actorDicts[q.dimension];
      values = list(c.victimStart, c.victimLen, (actor) => attr[actor]!);
    }
  }
  const nv = dict.size;
  const cells = new Int32Array(nb * nv);
  const seen = new Int32Array(nv).fill(-1);
  for (let w = 0; w < matched.length; w++) {
    let bits = matched[w]!;
    while (bits !== 0) {
      const low = bits & -bits;
      const s = (w << 5) + (31 - Math.clz32(low));
      bits ^= low;
      const b = of[s]!;
      if (b === 0) { undated++; continue; }
      perBucket[b]!++;
      values(s, (v) => {
        if (v === 0 || seen[v] === s) return;
        seen[v] = s;
        cells[b * nv + v]!++;
      });
    }
  }
  const cellRows: { bucket: string; key: string; count: number }[] = [];
  for (let b = 1; b < nb; b++) for (let v = 1; v < nv; v++) { const n = cells[b * nv + v]!; if (n) cellRows.push({ bucket: labels[b]!, key: dict.values[v]!, count: n }); }
  const bucketRows: { bucket: string; count: number }[] = [];
  for (let b = 1; b < nb; b++) if (perBucket[b]) bucketRows.push({ bucket: labels[b]!, count: perBucket[b]! });
  return assembleBreakdown(q, cellRows, bucketRows, undated);
}
