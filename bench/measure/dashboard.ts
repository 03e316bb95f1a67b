/**
 * Dashboard aggregates: the store module (embedded and server: one pass over the memory index,
 * ADR 0013) vs the floor: the same question as four SQL statements straight on the database. A
 * floor of seconds is timed once (at a million incidents one pass of it takes a minute).
 */
import { performance } from 'node:perf_hooks';
import { dashboardAggregates, dashboardStatements, type DashboardRange } from '../../src/store/stats/dashboard-aggregates.js';
import type { Dataset } from '../lib/dataset.js';
import type { RawDb } from '../lib/raw-db.js';
import { summarise, timeOnce, type Timing } from '../lib/stats.js';

export const RANGES: [string, DashboardRange][] = [['all incidents', {}], ['2019–2022', { from: '2019', to: '2022' }]];

export interface DashboardRow { name: string; ours: Timing; floor: Timing }

export async function measureDashboard(d: Dataset, raw: RawDb, log: (l: string) => void): Promise<DashboardRow[]> {
  const viewer = { userId: d.ctx.user.id };
  const out: DashboardRow[] = [];
  for (const [name, range] of RANGES) {
    const compiled = Object.values(dashboardStatements(range, viewer)).map((s) => s.compile(d.ctx.store.db));
    const floorOnce = async () => { for (const c of compiled) await raw.all(c.sql, c.parameters); };
    const ours = () => dashboardAggregates(d.ctx.store.db, range, viewer, d.ctx.store.memoryIndex);
    await ours();
    const floor = [await timeOnce(floorOnce)];
    const mine: number[] = [];
    const start = performance.now();
    while (mine.length < 20 && (mine.length < 5 || performance.now() - start < 20_000)) {
      mine.push(await timeOnce(ours));
      if (floor[0]! < 2_000 && floor.length < 10) floor.push(await timeOnce(floorOnce));
    }
    const r = { ours: summarise(mine), floor: summarise(floor) };
    out.push({ name, ...r });
    log(`  dashboard ${name}: ours p95 ${r.ours.p95.toFixed(1)} ms, floor p95 ${r.floor.p95.toFixed(1)} ms`);
  }
  return out;
}
