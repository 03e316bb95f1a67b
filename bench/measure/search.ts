/**
 * Search with facets: the use case (findIncidents: validation, total, page of 25, ten facet
 * counts, hits mapped to JSON; embedded, from the memory index) vs the floor: the SQL search's
 * compiled statements (count, page, one per facet) run straight on the database. Each statement
 * is timed alone, to show which one dominates.
 */
import { performance } from 'node:perf_hooks';
import { searchStatements } from '../../src/store/search/incident-search.js';
import { searchQuerySchema } from '../../src/domain/incident/search-query.js';
import { findIncidents } from '../../src/services/incidents/read-incidents.js';
import type { Dataset } from '../lib/dataset.js';
import { FloorStopped, type RawDb } from '../lib/raw-db.js';
import { summarise, timeOnce, type Timing } from '../lib/stats.js';

export const SEARCHES: [string, Record<string, unknown>][] = [
  ['common word "albergue"', { q: 'albergue' }],
  ['common word "amenaza"', { q: 'amenaza' }],
  ['two words "border patrol"', { q: 'border patrol' }],
  ['rare word "secuestro"', { q: 'secuestro' }],
  ['filters only: MX + state actors + 2019–2022', { country: ['MX'], perpetrator: ['state'], from: '2019', to: '2022' }],
  ['empty (first page, all facets)', {}],
];

/** `coldMs`: the first search of its words (embedded: their incidents not yet kept in memory). */
export interface SearchResultRow { name: string; matches: number; ours: Timing; floor: Timing; coldMs?: number; statements: { name: string; ms: number; stopped?: boolean }[]; /** the floor ran into the run's time limit: it takes at least floor.p95 */ floorStopped?: boolean; /** the floor comes from the run at this time (--reuse-floors) */ floorFrom?: string }

export interface MemoryIndexFigures { loadMs: number; incidents: number; mib: number }

/** Embedded: reads every incident into the memory index (as the server does right after unsealing). */
export async function warmMemoryIndex(d: Dataset, log: (l: string) => void): Promise<MemoryIndexFigures | undefined> {
  const index = d.ctx.store.memoryIndex;
  if (!index) return undefined;
  const loadMs = await timeOnce(() => index.warm());
  const s = index.stats();
  log(`  memory index: ${s.incidents} incidents read in ${loadMs.toFixed(0)} ms, ${(s.bytes / 2 ** 20).toFixed(1)} MiB`);
  return { loadMs, incidents: s.incidents, mib: s.bytes / 2 ** 20 };
}

/**
 * `reuse`: floors measured by an earlier run on the same dataset (the SQL floor of a search over a
 * million incidents takes minutes and does not depend on our code); each reused row says when.
 */
export async function measureSearch(d: Dataset, raw: RawDb, log: (l: string) => void, reuse?: { at: string; rows: SearchResultRow[] }): Promise<SearchResultRow[]> {
  const viewer = { userId: d.ctx.user.id };
  const out: SearchResultRow[] = [];
  for (const [name, body] of SEARCHES) {
    const q = searchQuerySchema.parse(body);
    const st = searchStatements(q, viewer, d.backend);
    const named: [string, { sql: string; parameters: readonly unknown[] }][] = [['count', st.count.compile(d.ctx.store.db)], ['page', st.page.compile(d.ctx.store.db)], ...st.facets.map(([f, s]) => [`facet ${f}`, s.compile(d.ctx.store.db)] as [string, { sql: string; parameters: readonly unknown[] }])];
    let matches = 0;
    // a statement stopped at the time limit ends this floor: the rest would not make it shorter
    const timeStatements = async () => {
      const list: { name: string; ms: number; stopped?: boolean }[] = [];
      for (const [n, c] of named) {
        const a = performance.now();
        try {
          await raw.all(c.sql, c.parameters);
        } catch (e) {
          if (!(e instanceof FloorStopped)) throw e;
          list.push({ name: n, ms: e.limitMs, stopped: true });
          break;
        }
        list.push({ name: n, ms: performance.now() - a });
      }
      return list;
    };
    // the first search of its words: their incidents are not kept yet (a cold start)
    const cold = await timeOnce(async () => { matches = (await findIncidents(d.ctx, q)).total; });
    // the floor once, statement by statement; a floor of seconds is not repeated (at a million
    // incidents one pass of the SQL search can take a minute), a quick one runs beside ours
    const earlier = reuse?.rows.find((x) => x.name === name);
    const statements = earlier ? earlier.statements : await timeStatements();
    const floorOnce = statements.reduce((a, b) => a + b.ms, 0);
    const ours: number[] = [];
    const floor: number[] = earlier && floorOnce >= 2_000 ? [] : [floorOnce];
    const start = performance.now();
    while (ours.length < 30 && (ours.length < 5 || performance.now() - start < 20_000)) {
      ours.push(await timeOnce(async () => { matches = (await findIncidents(d.ctx, q)).total; }));
      if (floorOnce < 2_000 && floor.length < 10 && !earlier) floor.push(await timeOnce(async () => { for (const [, c] of named) await raw.all(c.sql, c.parameters); }));
    }
    const r = { ours: summarise(ours), floor: summarise(floor), coldMs: cold };
    if (earlier && floor.length === 0) r.floor = earlier.floor;
    const stopped = statements.some((x) => x.stopped);
    out.push({ name, matches, ...r, statements, ...(stopped ? { floorStopped: true } : {}), ...(earlier ? { floorFrom: reuse!.at } : {}) });
    log(`  search ${name}: ${matches} matches, ours p95 ${r.ours.p95.toFixed(1)} ms, floor p95 ${r.floor.p95.toFixed(1)} ms`);
  }
  return out;
}
