/**
 * One pass over the memory index answers a search: the total, the page (walking the list order,
 * so the page is known as soon as it fills) and the ten facet counts. As in the SQL search, each
 * facet counts with every filter applied except its own: an incident that fails exactly one
 * filter counts only in that filter's facet; one that fails none counts everywhere. List facets
 * (kinds of act, perpetrators, victims' attributes) count an incident once per value.
 */
import type { SearchFacet, SearchQuery } from '../../../domain/incident/search-query.js';
import { earliestDay, latestDay } from '../../../domain/dates.js';
import { ACTOR_FACETS, dayNumber, type ActorFacet, type Dict, type IncidentColumns } from './columns.js';
import { FIRST_DATED_KEY, type DateOrder } from './date-order.js';
import type { Bitset } from './text-match.js';

export interface ScanInput {
  cols: IncidentColumns;
  order: DateOrder;
  q: SearchQuery;
  /** incidents holding the search's words (none: no words) */
  text?: Bitset;
  /** restricted incidents the viewer may see */
  shared: Set<number>;
  /** collect the page (false when another order is asked for) */
  page: boolean;
  /** when given, every matching incident's slot is set in it (relevance order picks its page from them) */
  matched?: Bitset;
}

export interface ScanResult {
  total: number;
  pageSeqs: number[];
  facets: Partial<Record<SearchFacet, { value: string; count: number }[]>>;
}

/** Ids of a dictionary's values that a list of codes selects: equal, or a descendant ("state" → "state.mx.inm"). */
function codeMask(dict: Dict, codes: string[], hierarchical: boolean): Uint8Array {
  const mask = new Uint8Array(dict.size);
  for (let id = 1; id < dict.size; id++) {
    const v = dict.values[id]!;
    if (codes.some((c) => v === c || (hierarchical && v.startsWith(`${c}.`)))) mask[id] = 1;
  }
  return mask;
}

const BIT: Record<SearchFacet, number> = { country: 1, state: 2, status: 4, year: 8, act: 16, perpetrator: 32, role: 64, gender: 128, lgbti: 256, migrationStatus: 512 };

export function scan(input: ScanInput): ScanResult {
  const { cols: c, order, q, text, shared } = input;
  const d = c.dicts;
  const masks = {
    country: q.country?.length ? codeMask(d.country, q.country, false) : null,
    state: q.state?.length ? codeMask(d.state, q.state, false) : null,
    status: q.status?.length ? codeMask(d.status, q.status, false) : null,
    year: q.year?.length ? codeMask(d.year, q.year, false) : null,
    act: q.act?.length ? codeMask(d.act, q.act, true) : null,
    perpetrator: q.perpetrator?.length ? codeMask(d.perpetrator, q.perpetrator, true) : null,
  };
  const actorMasks = ACTOR_FACETS.map((f) => (q[f]?.length ? codeMask(c.actorDicts[f], q[f]!, true) : null));
  const from = q.from ? dayNumber(earliestDay(q.from)) : null;
  const to = q.to ? dayNumber(latestDay(q.to)) : null;

  const wantFacets = q.facets;
  const counts = {
    country: new Int32Array(d.country.size), state: new Int32Array(d.state.size), status: new Int32Array(d.status.size), year: new Int32Array(d.year.size),
    act: new Int32Array(d.actRoot.size), perpetrator: new Int32Array(d.perpetratorGroup.size),
  };
  const actorCounts = ACTOR_FACETS.map((f) => new Int32Array(c.actorDicts[f].size));
  // "seen in this incident" marks for list facets: the value's last counting incident
  const seenAct = new Int32Array(d.actRoot.size).fill(-1);
  const seenPerp = new Int32Array(d.perpetratorGroup.size).fill(-1);
  const seenActor = ACTOR_FACETS.map((f) => new Int32Array(c.actorDicts[f].size).fill(-1));

  const pool = c.pool;
  const offset = (q.page - 1) * q.pageSize;
  const pageSeqs: number[] = [];
  let total = 0;

  const countLists = (s: number, only: number) => {
    if (only & BIT.act) {
      for (let k = c.actStart[s]!, end = k + c.actLen[s]!; k < end; k++) {
        const root = c.rootOfAct[pool[k]!]!;
        if (seenAct[root] !== s) { seenAct[root] = s; counts.act[root]!++; }
      }
    }
    if (only & BIT.perpetrator) {
      for (let k = c.perpStart[s]!, end = k + c.perpLen[s]!; k < end; k++) {
        const g = c.groupOfPerpetrator[pool[k]!]!;
        if (seenPerp[g] !== s) { seenPerp[g] = s; counts.perpetrator[g]!++; }
      }
    }
    for (let f = 0; f < ACTOR_FACETS.length; f++) {
      if (!(only & BIT[ACTOR_FACETS[f]!])) continue;
      const attr = c.actorAttr[ACTOR_FACETS[f]!];
      const seen = seenActor[f]!;
      const cnt = actorCounts[f]!;
      for (let k = c.victimStart[s]!, end = k + c.victimLen[s]!; k < end; k++) {
        const v = attr[pool[k]!]!;
        if (v !== 0 && seen[v] !== s) { seen[v] = s; cnt[v]!++; }
      }
    }
  };

  const anyInList = (mask: Uint8Array, start: number, len: number) => {
    for (let k = start, end = start + len; k < end; k++) if (mask[pool[k]!]) return true;
    return false;
  };
  const anyVictim = (f: number, s: number) => {
    const mask = actorMasks[f]!;
    const attr = c.actorAttr[ACTOR_FACETS[f]!];
    for (let k = c.victimStart[s]!, end = k + c.victimLen[s]!; k < end; k++) if (mask[attr[pool[k]!]!]) return true;
    return false;
  };

  const visit = (s: number) => {
    if (!c.live[s]) return;
    if (c.restricted[s] && !shared.has(c.seq[s]!)) return;
    if (text && !text.has(s)) return;
    if (from !== null && c.dateTo[s]! < from) return; // no date (-1) fails too, as NULL does in SQL
    if (to !== null && (c.dateFrom[s]! < 0 || c.dateFrom[s]! > to)) return;
    let fails = 0;
    let n = 0;
    if (masks.country && !masks.country[c.country[s]!]) { fails |= BIT.country; n++; }
    if (masks.state && !masks.state[c.state[s]!]) { fails |= BIT.state; n++; }
    if (masks.status && !masks.status[c.status[s]!]) { fails |= BIT.status; n++; }
    if (masks.year && !masks.year[c.year[s]!]) { fails |= BIT.year; n++; }
    if (n > 1) return;
    if (masks.act && !anyInList(masks.act, c.actStart[s]!, c.actLen[s]!)) { fails |= BIT.act; if (++n > 1) return; }
    if (masks.perpetrator && !anyInList(masks.perpetrator, c.perpStart[s]!, c.perpLen[s]!)) { fails |= BIT.perpetrator; if (++n > 1) return; }
    for (let f = 0; f < ACTOR_FACETS.length; f++) {
      if (actorMasks[f] && !anyVictim(f, s)) { fails |= BIT[ACTOR_FACETS[f]!]; if (++n > 1) return; }
    }
    if (n === 0) {
      if (input.page && total >= offset && pageSeqs.length < q.pageSize) pageSeqs.push(c.seq[s]!);
      input.matched?.set(s);
      total++;
    }
    if (!wantFacets) return;
    const only = n === 0 ? 1023 : fails;
    if (only & BIT.country) { const v = c.country[s]!; if (v) counts.country[v]!++; }
    if (only & BIT.state) { const v = c.state[s]!; if (v) counts.state[v]!++; }
    if (only & BIT.status) counts.status[c.status[s]!]!++;
    if (only & BIT.year) { const v = c.year[s]!; if (v) counts.year[v]!++; }
    if (only & (BIT.act | BIT.perpetrator | BIT.role | BIT.gender | BIT.lgbti | BIT.migrationStatus)) countLists(s, only);
  };

  const slots = order.slots;
  const firstDated = order.lowerBound(FIRST_DATED_KEY);
  if (q.sort === 'date_asc') {
    for (let i = firstDated; i < order.size; i++) visit(slots[i]!);
    for (let i = 0; i < firstDated; i++) visit(slots[i]!);
  } else {
    for (let i = order.size - 1; i >= 0; i--) visit(slots[i]!);
  }

  const facets: ScanResult['facets'] = {};
  if (wantFacets) {
    const list = (dict: Dict, cnt: Int32Array) => {
      const out: { value: string; count: number }[] = [];
      for (let id = 1; id < cnt.length; id++) if (cnt[id]) out.push({ value: dict.values[id]!, count: cnt[id]! });
      return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    };
    facets.country = list(d.country, counts.country);
    facets.state = list(d.state, counts.state);
    facets.act = list(d.actRoot, counts.act);
    facets.perpetrator = list(d.perpetratorGroup, counts.perpetrator);
    ACTOR_FACETS.forEach((f: ActorFacet, k) => { facets[f] = list(c.actorDicts[f], actorCounts[k]!); });
    facets.status = list(d.status, counts.status);
    facets.year = list(d.year, counts.year);
  }
  return { total, pageSeqs, facets };
}
