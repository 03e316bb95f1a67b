/**
 * One pass over the memory index answers a search: the total and the ten facet counts, in slot
 * order (sequential memory); then the page, walking the list order over the matching set until
 * it fills. As in the SQL search, each
 * facet counts with every filter applied except its own: an incident that fails exactly one
 * filter counts only in that filter's facet; one that fails none counts everywhere. List facets
 * (kinds of act, perpetrators, victims' attributes) count an incident once per value.
 */
import type { SearchFacet, SearchQuery } from '../../../domain/incident/search-query.js';
import { earliestDay, latestDay } from '../../../domain/dates.js';
import { ACTOR_FACETS, dayNumber, type ActorFacet, type Dict, type IncidentColumns } from './columns.js';
import { FIRST_DATED_KEY, type DateOrder } from './date-order.js';
import { Bitset } from './text-match.js';

export interface ScanInput {
  cols: IncidentColumns;
  order: DateOrder;
  q: SearchQuery;
  /** incidents holding the search's words (none: no words) */
  text?: Bitset;
  /** restricted incidents the viewer may see, by slot (at least as many bits as slots) */
  shared: Bitset;
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

/** bits of the facets an incident fails: country 1, state 2, status 4, year 8, act 16, perpetrator 32, role 64, gender 128, lgbti 256, migrationStatus 512 */

export function scan(input: ScanInput): ScanResult {
  const { cols: c, order, q, text } = input;
  const sharedWords = input.shared.words;
  const d = c.dicts;
  const none = new Uint8Array(0);
  // a filter not asked for is an empty mask and a cleared flag: the loop reads locals only
  const mCountry = q.country?.length ? codeMask(d.country, q.country, false) : none;
  const mState = q.state?.length ? codeMask(d.state, q.state, false) : none;
  const mStatus = q.status?.length ? codeMask(d.status, q.status, false) : none;
  const mYear = q.year?.length ? codeMask(d.year, q.year, false) : none;
  const mAct = q.act?.length ? codeMask(d.act, q.act, true) : none;
  const mPerp = q.perpetrator?.length ? codeMask(d.perpetrator, q.perpetrator, true) : none;
  const mActor = ACTOR_FACETS.map((f) => (q[f]?.length ? codeMask(c.actorDicts[f], q[f]!, true) : none));
  const fCountry = mCountry !== none, fState = mState !== none, fStatus = mStatus !== none, fYear = mYear !== none, fAct = mAct !== none, fPerp = mPerp !== none;
  const fActor = mActor.map((m) => m !== none);
  const anyActorFilter = fActor.some(Boolean);
  const from = q.from ? dayNumber(earliestDay(q.from)) : null;
  const to = q.to ? dayNumber(latestDay(q.to)) : null;
  const hasFrom = from !== null, hasTo = to !== null;
  const fromDay = from ?? 0, toDay = to ?? 0;

  const wantFacets = q.facets;
  const cCountry = new Int32Array(d.country.size), cState = new Int32Array(d.state.size), cStatus = new Int32Array(d.status.size), cYear = new Int32Array(d.year.size);
  const cAct = new Int32Array(d.actRoot.size), cPerp = new Int32Array(d.perpetratorGroup.size);
  const cActor = ACTOR_FACETS.map((f) => new Int32Array(c.actorDicts[f].size));
  // "seen in this incident" marks for list facets: the last slot that counted the value
  const seenAct = new Int32Array(d.actRoot.size).fill(-1);
  const seenPerp = new Int32Array(d.perpetratorGroup.size).fill(-1);
  const seenActor = ACTOR_FACETS.map((f) => new Int32Array(c.actorDicts[f].size).fill(-1));

  const live = c.live, restricted = c.restricted, seqs = c.seq, country = c.country, state = c.state, status = c.status, year = c.year;
  const dateFrom = c.dateFrom, dateTo = c.dateTo;
  const actStart = c.actStart, actLen = c.actLen, perpStart = c.perpStart, perpLen = c.perpLen, victimStart = c.victimStart, victimLen = c.victimLen;
  const pool = c.pool, rootOfAct = c.rootOfAct, groupOfPerp = c.groupOfPerpetrator;
  // the four victims' attributes (role, gender, lgbti, migration status) unrolled: a0…a3
  const [a0, a1, a2, a3] = ACTOR_FACETS.map((f) => c.actorAttr[f]) as [Uint16Array, Uint16Array, Uint16Array, Uint16Array];
  const [m0, m1, m2, m3] = mActor as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  const [fA0, fA1, fA2, fA3] = fActor as [boolean, boolean, boolean, boolean];
  const [c0, c1, c2, c3] = cActor as [Int32Array, Int32Array, Int32Array, Int32Array];
  const [s0, s1, s2, s3] = seenActor as [Int32Array, Int32Array, Int32Array, Int32Array];
  const anyVictim = (m: Uint8Array, at: Uint16Array, vs: number, ve: number) => {
    for (let k = vs; k < ve; k++) if (m[at[pool[k]!]!]) return true;
    return false;
  };
  const textWords = text?.words;
  const matched = new Bitset(c.count);
  const mw = matched.words;
  let total = 0;

  // one pass in slot order (sequential memory) for the total, the facets and the matching set
  for (let s = 0, n = c.count; s < n; s++) {
    if (!live[s]) continue;
    if (restricted[s] && ((sharedWords[s >>> 5]! >>> (s & 31)) & 1) === 0) continue;
    if (textWords && ((textWords[s >>> 5] ?? 0) >>> (s & 31) & 1) === 0) continue;
    if (hasFrom && dateTo[s]! < fromDay) continue; // no date (-1) fails too, as NULL does in SQL
    if (hasTo && (dateFrom[s]! < 0 || dateFrom[s]! > toDay)) continue;
    let fails = 0;
    let nf = 0;
    if (fCountry && !mCountry[country[s]!]) { fails |= 1; nf++; }
    if (fState && !mState[state[s]!]) { fails |= 2; nf++; }
    if (fStatus && !mStatus[status[s]!]) { fails |= 4; nf++; }
    if (fYear && !mYear[year[s]!]) { fails |= 8; nf++; }
    if (nf > 1) continue;
    if (fAct) {
      let hit = false;
      for (let k = actStart[s]!, end = k + actLen[s]!; k < end; k++) if (mAct[pool[k]!]) { hit = true; break; }
      if (!hit) { fails |= 16; if (++nf > 1) continue; }
    }
    if (fPerp) {
      let hit = false;
      for (let k = perpStart[s]!, end = k + perpLen[s]!; k < end; k++) if (mPerp[pool[k]!]) { hit = true; break; }
      if (!hit) { fails |= 32; if (++nf > 1) continue; }
    }
    if (anyActorFilter) {
      const vs = victimStart[s]!, ve = vs + victimLen[s]!;
      if (fA0 && !anyVictim(m0, a0, vs, ve)) { fails |= 64; if (++nf > 1) continue; }
      if (fA1 && !anyVictim(m1, a1, vs, ve)) { fails |= 128; if (++nf > 1) continue; }
      if (fA2 && !anyVictim(m2, a2, vs, ve)) { fails |= 256; if (++nf > 1) continue; }
      if (fA3 && !anyVictim(m3, a3, vs, ve)) { fails |= 512; if (++nf > 1) continue; }
    }
    if (nf === 0) {
      mw[s >>> 5]! |= 1 << (s & 31);
      total++;
    }
    if (!wantFacets) continue;
    const only = nf === 0 ? 1023 : fails;
    if (only & 1) { const v = country[s]!; if (v) cCountry[v]!++; }
    if (only & 2) { const v = state[s]!; if (v) cState[v]!++; }
    if (only & 4) cStatus[status[s]!]!++;
    if (only & 8) { const v = year[s]!; if (v) cYear[v]!++; }
    if (only & 16) {
      for (let k = actStart[s]!, end = k + actLen[s]!; k < end; k++) {
        const r = rootOfAct[pool[k]!]!;
        if (seenAct[r] !== s) { seenAct[r] = s; cAct[r]!++; }
      }
    }
    if (only & 32) {
      for (let k = perpStart[s]!, end = k + perpLen[s]!; k < end; k++) {
        const g = groupOfPerp[pool[k]!]!;
        if (seenPerp[g] !== s) { seenPerp[g] = s; cPerp[g]!++; }
      }
    }
    if (only & 960) {
      const vs = victimStart[s]!, ve = vs + victimLen[s]!;
      for (let k = vs; k < ve; k++) {
        const actor = pool[k]!;
        if (only & 64) { const v = a0[actor]!; if (v !== 0 && s0[v] !== s) { s0[v] = s; c0[v]!++; } }
        if (only & 128) { const v = a1[actor]!; if (v !== 0 && s1[v] !== s) { s1[v] = s; c1[v]!++; } }
        if (only & 256) { const v = a2[actor]!; if (v !== 0 && s2[v] !== s) { s2[v] = s; c2[v]!++; } }
        if (only & 512) { const v = a3[actor]!; if (v !== 0 && s3[v] !== s) { s3[v] = s; c3[v]!++; } }
      }
    }
  }

  // the page: walk the list order until it is full (only the matching set is read)
  const pageSeqs: number[] = [];
  if (input.page && total > 0) {
    const offset = (q.page - 1) * q.pageSize;
    const slots = order.slots;
    const firstDated = order.lowerBound(FIRST_DATED_KEY);
    let seen = 0;
    const take = (s: number): boolean => {
      if (((mw[s >>> 5]! >>> (s & 31)) & 1) === 0) return false;
      if (seen++ >= offset) pageSeqs.push(seqs[s]!);
      return pageSeqs.length >= q.pageSize || seen >= total;
    };
    if (q.sort === 'date_asc') {
      let done = false;
      for (let i = firstDated; i < order.size && !done; i++) done = take(slots[i]!);
      for (let i = 0; i < firstDated && !done; i++) done = take(slots[i]!);
    } else {
      for (let i = order.size - 1; i >= 0; i--) if (take(slots[i]!)) break;
    }
  }
  if (input.matched) input.matched.words = mw;

  const facets: ScanResult['facets'] = {};
  if (wantFacets) {
    const list = (dict: Dict, cnt: Int32Array) => {
      const out: { value: string; count: number }[] = [];
      for (let id = 1; id < cnt.length; id++) if (cnt[id]) out.push({ value: dict.values[id]!, count: cnt[id]! });
      return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    };
    facets.country = list(d.country, cCountry);
    facets.state = list(d.state, cState);
    facets.act = list(d.actRoot, cAct);
    facets.perpetrator = list(d.perpetratorGroup, cPerp);
    ACTOR_FACETS.forEach((f: ActorFacet, k) => { facets[f] = list(c.actorDicts[f], cActor[k]!); });
    facets.status = list(d.status, cStatus);
    facets.year = list(d.year, cYear);
  }
  return { total, pageSeqs, facets };
}
