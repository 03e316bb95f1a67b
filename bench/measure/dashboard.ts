/**
 * Dashboard aggregates: the store module (embedded and server: one pass over the memory index,
 * ADR 0013) vs the floor: the same question as four SQL statements straight on the database; and
 * the dashboard page's breakdowns (a search per period and dimension: incidentBreakdown) vs their
 * three SQL statements. A floor of seconds is timed once (at a million incidents one pass of it
 * takes a minute), or taken from an earlier run on the same dataset (--reuse-floors).
 */
import { performance } from 'node:perf_hooks';
import { dashboardAggregates, dashboardStatements, type DashboardRange } from '../../src/store/stats/dashboard-aggregates.js';
import type { Dataset } from '../lib/dataset.js';
import { FloorStopped, type RawDb } from '../lib/raw-db.js';
import { summarise, timeOnce, type Timing } from '../lib/stats.js';
import { breakdownStatements, incidentBreakdown } from '../../src/store/stats/incident-breakdown.js';
import { breakdownQuerySchema, type BreakdownQuery } from '../../src/domain/stats/breakdown.js';

export const RANGES: [string, DashboardRange][] = [['all incidents', {}], ['2019–2022', { from: '2019', to: '2022' }]];

export const BREAKDOWNS: [string, BreakdownQuery][] = [
  ['breakdown: kind of act per month, all incidents', breakdownQuerySchema.parse({ dimension: 'act', granularity: 'month' })],
  ['breakdown: institution per quarter, MX, "albergue"', breakdownQuerySchema.parse({ dimension: 'perpetrator', granularity: 'quarter', country: ['MX'], q: 'albergue' })],
];

export interface DashboardRow { name: string; ours: Timing; floor: Timing; /** the floor comes from the run at this time (--reuse-floors) */ floorFrom?: string; /** the floor ran into the run's time limit: it takes at least floor.p95 */ floorStopped?: boolean }

export async function measureDashboard(d: Dataset, raw: RawDb, log: (l: string) => void, reuse?: { at: string; rows: DashboardRow[] }): Promise<DashboardRow[]> {
  const viewer = { userId: d.ctx.user.id };
  const out: DashboardRow[] = [];
  const db = d.ctx.store.db;
  const cases: [string, () => Promise<unknown>, { sql: string; parameters: readonly unknown[] }[]][] = [
    ...RANGES.map(([name, range]) => [name, () => dashboardAggregates(db, range, viewer, d.ctx.store.memoryIndex), Object.values(dashboardStatements(range, viewer)).map((s) => s.compile(db))] as [string, () => Promise<unknown>, { sql: string; parameters: readonly unknown[] }[]]),
    ...BREAKDOWNS.map(([name, q]) => [name, () => incidentBreakdown(db, q, viewer, d.ctx.store.memoryIndex), Object.values(breakdownStatements(q, viewer, db)).map((s) => s.compile(db))] as [string, () => Promise<unknown>, { sql: string; parameters: readonly unknown[] }[]]),
  ];
  for (const [name, ours, compiled] of cases) {
    const floorOnce = async () => { for (const c of compiled) await raw.all(c.sql, c.parameters); };
    await ours();
    const earlier = reuse?.rows.find((x) => x.name === name);
    if (earlier && earlier.floor.p95 >= 2_000) {
      const mine: number[] = [];
      const start = performance.now();
      while (mine.length < 20 && (mine.length < 5 || performance.now() - start < 20_000)) mine.push(await timeOnce(ours));
      out.push({ name, ours: summarise(mine), floor: earlier.floor, floorFrom: earlier.floorFrom ?? reuse!.at });
      log(`  dashboard ${name}: ours p95 ${out.at(-1)!.ours.p95.toFixed(1)} ms, floor (earlier run) p95 ${earlier.floor.p95.toFixed(1)} ms`);
      continue;
    }
    let stopped = false;
    const floor: number[] = [];
    try {
      floor.push(await timeOnce(floorOnce));
    } catch (e) {
      if (!(e instanceof FloorStopped)) throw e;
      floor.push(e.limitMs);
      stopped = true;
    }
    const mine: number[] = [];
    const start = performance.now();
    while (mine.length < 20 && (mine.length < 5 || performance.now() - start < 20_000)) {
      mine.push(await timeOnce(ours));
      if (!stopped && floor[0]! < 2_000 && floor.length < 10) floor.push(await timeOnce(floorOnce));
    }
    const r = { ours: summarise(mine), floor: summarise(floor) };
    out.push({ name, ...r, ...(stopped ? { floorStopped: true } : {}) });
    log(`  dashboard ${name}: ours p95 ${r.ours.p95.toFixed(1)} ms, floor p95 ${r.floor.p95.toFixed(1)} ms`);
  }
  return out;
}
