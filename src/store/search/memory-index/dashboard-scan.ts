/**
 * The dashboard's aggregates from the memory index in one pass: incidents per month (the month
 * an incident starts in), per country, per kind of act and per type of perpetrator (an incident
 * counts once per kind or type), within a date range, for one viewer. Same answers as the SQL in
 * src/store/stats/dashboard-aggregates.ts (a property test holds them together).
 */
import { earliestDay, latestDay } from '../../../domain/dates.js';
import { dayNumber, type Dict, type IncidentColumns } from './columns.js';
import type { Bitset } from './text-match.js';
import type { DashboardAggregates, DashboardRange } from '../../stats/dashboard-aggregates.js';

/** `shared`: the restricted incidents the viewer may see, by slot. */
export function dashboardScan(c: IncidentColumns, range: DashboardRange, shared: Bitset): DashboardAggregates {
  const d = c.dicts;
  const from = range.from ? dayNumber(earliestDay(range.from)) : null;
  const to = range.to ? dayNumber(latestDay(range.to)) : null;
  const month = new Int32Array(d.month.size);
  const country = new Int32Array(d.country.size);
  const kind = new Int32Array(d.actRoot.size);
  const perp = new Int32Array(d.perpetratorGroup.size);
  const seenKind = new Int32Array(d.actRoot.size).fill(-1);
  const seenPerp = new Int32Array(d.perpetratorGroup.size).fill(-1);
  const pool = c.pool;
  for (let s = 0; s < c.count; s++) {
    if (!c.live[s]) continue;
    if (c.restricted[s] && !shared.has(s)) continue;
    if (from !== null && c.dateTo[s]! < from) continue;
    if (to !== null && (c.dateFrom[s]! < 0 || c.dateFrom[s]! > to)) continue;
    month[c.month[s]!]!++;
    country[c.country[s]!]!++;
    for (let k = c.actStart[s]!, end = k + c.actLen[s]!; k < end; k++) {
      const r = c.rootOfAct[pool[k]!]!;
      if (seenKind[r] !== s) { seenKind[r] = s; kind[r]!++; }
    }
    for (let k = c.perpStart[s]!, end = k + c.perpLen[s]!; k < end; k++) {
      const g = c.groupOfPerpetrator[pool[k]!]!;
      if (seenPerp[g] !== s) { seenPerp[g] = s; perp[g]!++; }
    }
  }
  const rows = (dict: Dict, cnt: Int32Array) => {
    const out: { key: string; count: number }[] = [];
    for (let id = 1; id < cnt.length; id++) if (cnt[id]) out.push({ key: dict.values[id]!, count: cnt[id]! });
    return out;
  };
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const byCount = (a: { key: string; count: number }, b: { key: string; count: number }) => b.count - a.count || byKey(a, b);
  return {
    perMonth: rows(d.month, month).sort(byKey),
    perCountry: rows(d.country, country).sort(byCount),
    perKind: rows(d.actRoot, kind).sort(byCount),
    perPerpetrator: rows(d.perpetratorGroup, perp).sort(byCount),
  };
}
