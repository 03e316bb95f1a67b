/** Dashboard aggregates: the store module (embedded: one pass over the memory index) vs the same question as four SQL statements straight on the database. */
import { dashboardAggregates, dashboardStatements, type DashboardRange } from '../../src/store/stats/dashboard-aggregates.js';
import type { Dataset } from '../lib/dataset.js';
import type { RawDb } from '../lib/raw-db.js';
import { paired, type Timing } from '../lib/stats.js';

export const RANGES: [string, DashboardRange][] = [['all incidents', {}], ['2019–2022', { from: '2019', to: '2022' }]];

export interface DashboardRow { name: string; ours: Timing; floor: Timing }

export async function measureDashboard(d: Dataset, raw: RawDb, log: (l: string) => void): Promise<DashboardRow[]> {
  const viewer = { userId: d.ctx.user.id };
  const out: DashboardRow[] = [];
  for (const [name, range] of RANGES) {
    const compiled = Object.values(dashboardStatements(range, viewer)).map((s) => s.compile(d.ctx.store.db));
    const r = await paired({
      ours: () => dashboardAggregates(d.ctx.store.db, range, viewer, d.ctx.store.memoryIndex),
      floor: async () => { for (const c of compiled) await raw.all(c.sql, c.parameters); },
      rounds: 20, minRounds: 3, warmup: 1, budgetMs: 30_000,
    });
    out.push({ name, ...r });
    log(`  dashboard ${name}: ours p95 ${r.ours.p95.toFixed(1)} ms, floor p95 ${r.floor.p95.toFixed(1)} ms`);
  }
  return out;
}
