/**
 * The memory index of each server process, on both backends (ADR 0013): the searchable,
 * non-identifying columns of every incident in typed arrays, read once (20,000 incidents at a
 * time) on first use and kept true before every search by applying what migrations 0008 and 0009's
 * triggers noted since. A search or a dashboard is then one pass in JavaScript instead of a dozen
 * SQL scans. Searches inside a transaction use the SQL path instead.
 *
 * One refresh or scan at a time (a promise chain): a scan is synchronous, so it always sees one
 * consistent state. Cleared when the store closes (the vault seals).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema-types.js';
import type { SearchQuery } from '../../../domain/incident/search-query.js';
import { searchTerms } from '../../../domain/incident/search-query.js';
import type { Viewer } from '../../repositories/visibility.js';
import type { DashboardAggregates, DashboardRange } from '../../stats/dashboard-aggregates.js';
import { IncidentColumns, type ActorFacts, type IncidentFacts } from './columns.js';
import { DateOrder, orderKey } from './date-order.js';
import { Bitset, TextMatcher } from './text-match.js';
import { scan, type ScanResult } from './scan.js';
import { dashboardScan } from './dashboard-scan.js';
import { breakdownScan } from './breakdown-scan.js';
import { mapScan } from './map-scan.js';
import type { MapCounts, MapQuery } from '../../../domain/map/map-counts.js';
import type { Breakdown, BreakdownQuery } from '../../../domain/stats/breakdown.js';
import { actorFactsOf, allActorFacts, changesSince, currentStamps, factsInRange, factsOf, maxSeq, rankedSeqs } from './read-facts.js';
import { SharedSets } from './shared-sets.js';

const BATCH = 20_000;
const NO_ACTOR: ActorFacts = { role: null, gender: null, lgbti: null, migrationStatus: null };
/** More changed incidents than this at once: re-sort the list order instead of moving entries. */
const RESORT_OVER = 2_000;

export interface MemoryIndexStats { incidents: number; bytes: number; loadedInMs: number | null }

export class MemoryIndex {
  private cols = new IncidentColumns();
  private order = new DateOrder();
  private text: TextMatcher;
  private stamps = { incidentStamp: 0, actorStamp: 0 };
  private loaded = false;
  private loadedInMs: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly shared: SharedSets;

  /** `keepWordsOver`: keep the incidents of words found in more incidents than this (tests lower it). */
  constructor(private readonly db: Kysely<Database>, opts: { keepWordsOver?: number } = {}) {
    this.text = new TextMatcher(db, (seq) => this.cols.slot(seq), opts.keepWordsOver);
    this.shared = new SharedSets(db, (id) => {
      const seq = this.cols.restrictedSeq.get(id);
      return seq === undefined ? undefined : this.cols.slot(seq);
    });
  }

  /** Runs `fn` after everything queued before it. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private actorOf(pending: Set<string>): (id: string) => number {
    return (id) => {
      const n = this.cols.actorNumber.get(id);
      if (n !== undefined) return n;
      pending.add(id);
      return this.cols.setActor(id, NO_ACTOR);
    };
  }

  private async fillActors(pending: Set<string>): Promise<void> {
    const ids = [...pending];
    for (let k = 0; k < ids.length; k += 500) for (const [id, f] of await actorFactsOf(this.db, ids.slice(k, k + 500))) this.cols.setActor(id, f);
  }

  private async load(): Promise<void> {
    const t0 = performance.now();
    this.cols = new IncidentColumns();
    this.text.clear();
    this.shared.clear();
    this.stamps = await currentStamps(this.db);
    for await (const [id, f] of allActorFacts(this.db)) this.cols.setActor(id, f);
    const pending = new Set<string>();
    const actorOf = this.actorOf(pending);
    const top = await maxSeq(this.db);
    // about 5.5 list entries per incident in the demo data (acts, perpetrators, victims)
    this.cols.reserve(top, top * 6);
    for (let after = 0; after < top; after += BATCH) {
      for (const f of await factsInRange(this.db, after, after + BATCH)) this.cols.put(f, actorOf);
    }
    await this.fillActors(pending);
    this.resort();
    this.loaded = true;
    this.loadedInMs = performance.now() - t0;
  }

  private resort(): void {
    const c = this.cols;
    let live = 0;
    for (let s = 0; s < c.count; s++) live += c.live[s]!;
    const keys = new Float64Array(live);
    let k = 0;
    for (let s = 0; s < c.count; s++) if (c.live[s]) keys[k++] = orderKey(c.dateFrom[s]!, c.seq[s]!);
    this.order.rebuild(keys, (seq) => c.slot(seq));
  }

  /** Applies the incidents, people and shares written since the last look. */
  private async refresh(): Promise<void> {
    if (!this.loaded) {
      await this.load();
      return this.shared.catchUp([]);
    }
    const restrictedIds: string[] = [];
    await this.refreshIncidents(restrictedIds);
    await this.shared.catchUp(restrictedIds);
  }

  /** Applies the incidents and people written since the last look; collects the ids of those restricted now. */
  private async refreshIncidents(restrictedIds: string[]): Promise<void> {
    const ch = await changesSince(this.db, this.stamps.incidentStamp, this.stamps.actorStamp);
    if (!ch.seqs.length && !ch.actors.length) return;
    await this.fillActors(new Set(ch.actors));
    const c = this.cols;
    const many = ch.seqs.length > RESORT_OVER;
    const pending = new Set<string>();
    const actorOf = this.actorOf(pending);
    for (let k = 0; k < ch.seqs.length; k += 500) {
      const chunk = ch.seqs.slice(k, k + 500);
      const found = new Map<number, IncidentFacts>((await factsOf(this.db, chunk)).map((f) => [f.seq, f]));
      for (const seq of chunk) {
        const old = c.slot(seq);
        if (!many && old >= 0 && c.live[old]) this.order.remove(orderKey(c.dateFrom[old]!, seq));
        const f = found.get(seq);
        if (!f) {
          c.drop(seq);
          continue;
        }
        if (f.restricted) restrictedIds.push(f.id);
        const s = c.put(f, actorOf);
        if (!many && c.live[s]) this.order.insert(orderKey(c.dateFrom[s]!, seq), s);
      }
    }
    await this.fillActors(pending);
    if (many) this.resort();
    await this.text.changed(ch.seqs);
    this.stamps = { incidentStamp: ch.incidentStamp, actorStamp: ch.actorStamp };
  }

  /** What every scan needs, brought up to date: the words' incidents (none without words) and the viewer's shared set. */
  private async prepare(q: string | undefined, viewer: Viewer): Promise<{ words: string[]; text?: Bitset; shared: Bitset }> {
    await this.refresh();
    const words = searchTerms(q);
    const text = words.length ? await this.text.match(words) : undefined;
    return { words, ...(text ? { text } : {}), shared: await this.sharedWith(viewer) };
  }

  /** Total, page (in list order; none for relevance or last-updated order) and facet counts. */
  search(q: SearchQuery, viewer: Viewer): Promise<ScanResult> {
    return this.exclusive(async () => {
      const { words, text, shared } = await this.prepare(q.q, viewer);
      const byDate = q.sort === 'date_desc' || q.sort === 'date_asc';
      const ranked = q.sort === 'relevance' && words.length > 0;
      const matched = ranked ? new Bitset(this.cols.count) : undefined;
      const r = scan({ cols: this.cols, order: this.order, q, ...(text ? { text } : {}), shared, page: byDate, ...(matched ? { matched } : {}) });
      if (ranked) r.pageSeqs = await this.rankedPage(words, matched!, (q.page - 1) * q.pageSize, q.pageSize, r.total);
      return r;
    });
  }

  /**
   * Relevance order: FTS5 ranks the incidents holding the words (bm25, as the SQL search, ties by
   * newest seq) and the page takes the matching ones in that order. Ranked rows are read in
   * growing slices, so a page of a search without filters reads one slice.
   */
  private async rankedPage(words: string[], matched: Bitset, offset: number, size: number, total: number): Promise<number[]> {
    const want = Math.min(offset + size, total);
    if (want <= offset) return [];
    const out: number[] = [];
    for (let limit = Math.max(256, want * 4); ; limit *= 16) {
      const rows = await rankedSeqs(this.db, words, limit);
      out.length = 0;
      let seen = 0;
      for (const seq of rows) {
        const s = this.cols.slot(seq);
        if (s < 0 || !matched.has(s)) continue;
        if (seen++ >= offset) out.push(seq);
        if (out.length >= size) return out;
      }
      if (rows.length < limit) return out;
    }
  }

  /** Counts per period and dimension value of the incidents matching a search's words and filters. */
  breakdown(q: BreakdownQuery, viewer: Viewer): Promise<Breakdown> {
    return this.exclusive(async () => {
      const { text, shared } = await this.prepare(q.q, viewer);
      const matched = new Bitset(this.cols.count);
      const filters: SearchQuery = { ...q, sort: 'date_desc', page: 1, pageSize: 1, facets: false };
      scan({ cols: this.cols, order: this.order, q: filters, ...(text ? { text } : {}), shared, page: false, matched });
      return breakdownScan(this.cols, q, matched.words);
    });
  }

  /** The offline map's counts per country, state and gazetteer point of the incidents matching a search. */
  map(q: MapQuery, viewer: Viewer): Promise<MapCounts> {
    return this.exclusive(async () => {
      const { text, shared } = await this.prepare(q.q, viewer);
      const matched = new Bitset(this.cols.count);
      const filters: SearchQuery = { ...q, sort: 'date_desc', page: 1, pageSize: 1, facets: false };
      scan({ cols: this.cols, order: this.order, q: filters, ...(text ? { text } : {}), shared, page: false, matched });
      return mapScan(this.cols, matched.words);
    });
  }

  dashboard(range: DashboardRange, viewer: Viewer): Promise<DashboardAggregates> {
    return this.exclusive(async () => {
      await this.refresh();
      return dashboardScan(this.cols, range, await this.sharedWith(viewer));
    });
  }

  /** The restricted incidents shared with the viewer, by slot (kept between searches: shared-sets.ts). */
  private sharedWith(viewer: Viewer): Promise<Bitset> {
    return this.shared.of(viewer, this.cols.count);
  }

  /** Loads (or catches up) now, e.g. right after unsealing, so the first search does not wait. */
  warm(): Promise<void> {
    return this.exclusive(() => this.refresh());
  }

  stats(): MemoryIndexStats {
    return { incidents: this.order.size, bytes: this.cols.bytes() + this.order.bytes() + this.text.bytes() + this.shared.bytes(), loadedInMs: this.loadedInMs };
  }

  /** Forgets everything (the store closes: the vault seals). */
  clear(): void {
    this.cols = new IncidentColumns();
    this.order = new DateOrder();
    this.text.clear();
    this.shared.clear();
    this.loaded = false;
  }
}
