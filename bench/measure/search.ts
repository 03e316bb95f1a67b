/**
 * Search with facets: the use case (findIncidents: validation, count, page of 25, ten facet
 * counts, hits mapped to JSON) vs the very same compiled statements run straight on the database.
 * Each statement is also timed alone on the floor, to show which one dominates.
 */
import { performance } from 'node:perf_hooks';
import { searchStatements } from '../../src/store/search/incident-search.js';
import { searchQuerySchema } from '../../src/domain/incident/search-query.js';
import { findIncidents } from '../../src/services/incidents/read-incidents.js';
import type { Dataset } from '../lib/dataset.js';
import type { RawDb } from '../lib/raw-db.js';
import { paired, summarise, type Timing } from '../lib/stats.js';

export const SEARCHES: [string, Record<string, unknown>][] = [
  ['common word "albergue"', { q: 'albergue' }],
  ['common word "amenaza"', { q: 'amenaza' }],
  ['two words "border patrol"', { q: 'border patrol' }],
  ['rare word "secuestro"', { q: 'secuestro' }],
  ['filters only: MX + state actors + 2019–2022', { country: ['MX'], perpetrator: ['state'], from: '2019', to: '2022' }],
  ['empty (first page, all facets)', {}],
];

export interface SearchResultRow { name: string; matches: number; ours: Timing; floor: Timing; statements: { name: string; ms: number }[] }

export async function measureSearch(d: Dataset, raw: RawDb, log: (l: string) => void): Promise<SearchResultRow[]> {
  const viewer = { userId: d.ctx.user.id };
  const out: SearchResultRow[] = [];
  for (const [name, body] of SEARCHES) {
    const q = searchQuerySchema.parse(body);
    const st = searchStatements(q, viewer, d.backend);
    const named: [string, { sql: string; parameters: readonly unknown[] }][] = [['count', st.count.compile(d.ctx.store.db)], ['page', st.page.compile(d.ctx.store.db)], ...st.facets.map(([f, s]) => [`facet ${f}`, s.compile(d.ctx.store.db)] as [string, { sql: string; parameters: readonly unknown[] }])];
    let matches = 0;
    const timeStatements = async () => {
      const list: { name: string; ms: number }[] = [];
      for (const [n, c] of named) {
        const a = performance.now();
        await raw.all(c.sql, c.parameters);
        list.push({ name: n, ms: performance.now() - a });
      }
      return list;
    };
    // one probe decides how many rounds fit: a search of seconds gets a few rounds, one of tens of
    // seconds a single pass each (ours: the probe; floor: the statements timed one by one)
    const probe = performance.now();
    matches = (await findIncidents(d.ctx, q)).total;
    const probeMs = performance.now() - probe;
    let r: { ours: Timing; floor: Timing };
    let statements: { name: string; ms: number }[];
    if (probeMs > 10_000) {
      statements = await timeStatements();
      r = { ours: summarise([probeMs]), floor: summarise([statements.reduce((a, b) => a + b.ms, 0)]) };
    } else {
      const slow = probeMs > 1000;
      r = await paired({
        ours: async () => { matches = (await findIncidents(d.ctx, q)).total; },
        floor: async () => { for (const [, c] of named) await raw.all(c.sql, c.parameters); },
        rounds: 30, minRounds: slow ? 3 : 10, warmup: slow ? 0 : 2, budgetMs: slow ? 0 : 20_000,
      });
      statements = await timeStatements();
    }
    out.push({ name, matches, ...r, statements });
    log(`  search ${name}: ${matches} matches, ours p95 ${r.ours.p95.toFixed(1)} ms, floor p95 ${r.floor.p95.toFixed(1)} ms`);
  }
  return out;
}
