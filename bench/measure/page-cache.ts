/**
 * Why full scans are slow on the encrypted file: SQLCipher keeps decrypted pages in SQLite's page
 * cache (64 MiB as the store opens it); a table larger than that is read and decrypted again on
 * every scan. Measured on the floor connection: the same statements (the empty search's and the
 * dashboard's) with the store's cache, then with a cache that holds the whole working set.
 */
import { performance } from 'node:perf_hooks';
import { searchStatements } from '../../src/store/search/incident-search.js';
import { searchQuerySchema } from '../../src/domain/incident/search-query.js';
import { dashboardStatements } from '../../src/store/stats/dashboard-aggregates.js';
import type { Dataset } from '../lib/dataset.js';
import type { RawDb } from '../lib/raw-db.js';

export interface PageCacheRow { name: string; storeCacheMs: number; largeCacheMs: number; largeCacheMiB: number }

const LARGE_MIB = 2048;

export async function measurePageCache(d: Dataset, raw: RawDb, log: (l: string) => void): Promise<PageCacheRow[]> {
  const viewer = { userId: d.ctx.user.id };
  const st = searchStatements(searchQuerySchema.parse({}), viewer, 'sqlite');
  const sets: [string, { sql: string; parameters: readonly unknown[] }[]][] = [
    ['empty search (count, page, 10 facets)', [st.count, st.page, ...st.facets.map(([, s]) => s)].map((s) => s.compile(d.ctx.store.db))],
    ['dashboard, all incidents (4 aggregates)', Object.values(dashboardStatements({}, viewer)).map((s) => s.compile(d.ctx.store.db))],
  ];
  const run = async (list: { sql: string; parameters: readonly unknown[] }[]) => {
    const a = performance.now();
    for (const c of list) await raw.all(c.sql, c.parameters);
    return performance.now() - a;
  };
  const out: PageCacheRow[] = [];
  // best of two after one warm-up, with the cache the store uses
  const store: number[] = [];
  for (const [, list] of sets) { await run(list); store.push(Math.min(await run(list), await run(list))); }
  await raw.run(`PRAGMA cache_size = -${LARGE_MIB * 1024}`);
  for (const [k, [name, list]] of sets.entries()) {
    await run(list);
    out.push({ name, storeCacheMs: store[k]!, largeCacheMs: Math.min(await run(list), await run(list)), largeCacheMiB: LARGE_MIB });
  }
  await raw.run('PRAGMA cache_size = -65536');
  for (const r of out) log(`  page cache: ${r.name}: ${r.storeCacheMs.toFixed(0)} ms with the store's cache, ${r.largeCacheMs.toFixed(0)} ms with ${r.largeCacheMiB} MiB`);
  return out;
}
