/**
 * The offline map's counts (POST /api/v1/stats/map: src/store/stats/map-counts.ts): ours from the
 * memory index (the search's pass and one more over its matches, ADR 0013 and 0016) vs the floor:
 * the same aggregation as one SQL statement (incidents per public place fields, with the search's
 * conditions) straight on the database. A floor of seconds is timed once, or taken from an earlier
 * run on the same dataset (--reuse-floors), as the dashboard measure does.
 */
import { performance } from 'node:perf_hooks';
import type { Dataset } from '../lib/dataset.js';
import { FloorStopped, type RawDb } from '../lib/raw-db.js';
import { summarise, timeOnce } from '../lib/stats.js';
import { mapCounts, mapCountsStatement } from '../../src/store/stats/map-counts.js';
import { mapQuerySchema, type MapQuery } from '../../src/domain/map/map-counts.js';
import type { DashboardRow } from './dashboard.js';

export const MAPS: [string, MapQuery][] = [
  ['map: all incidents', mapQuerySchema.parse({})],
  ['map: MX, 2019–2022', mapQuerySchema.parse({ country: ['MX'], from: '2019', to: '2022' })],
  ['map: "albergue", kind of act threat', mapQuerySchema.parse({ q: 'albergue', act: ['threat'] })],
];

export type MapRow = DashboardRow;

export async function measureMap(d: Dataset, raw: RawDb, log: (l: string) => void, reuse?: { at: string; rows: MapRow[] }): Promise<MapRow[]> {
  const viewer = { userId: d.ctx.user.id };
  const db = d.ctx.store.db;
  const out: MapRow[] = [];
  for (const [name, q] of MAPS) {
    const ours = () => mapCounts(db, q, viewer, d.ctx.store.memoryIndex);
    const compiled = mapCountsStatement(q, viewer, db).compile(db);
    const floorOnce = () => raw.all(compiled.sql, compiled.parameters);
    await ours();
    const rounds = async (): Promise<number[]> => {
      const mine: number[] = [];
      const start = performance.now();
      while (mine.length < 20 && (mine.length < 5 || performance.now() - start < 20_000)) mine.push(await timeOnce(ours));
      return mine;
    };
    const earlier = reuse?.rows.find((x) => x.name === name);
    if (earlier && earlier.floor.p95 >= 2_000) {
      out.push({ name, ours: summarise(await rounds()), floor: earlier.floor, floorFrom: earlier.floorFrom ?? reuse!.at });
      log(`  ${name}: ours p95 ${out.at(-1)!.ours.p95.toFixed(1)} ms, floor (earlier run) p95 ${earlier.floor.p95.toFixed(1)} ms`);
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
    const mine = await rounds();
    while (!stopped && floor[0]! < 2_000 && floor.length < Math.min(10, mine.length)) floor.push(await timeOnce(floorOnce));
    const r = { ours: summarise(mine), floor: summarise(floor) };
    out.push({ name, ...r, ...(stopped ? { floorStopped: true } : {}) });
    log(`  ${name}: ours p95 ${r.ours.p95.toFixed(1)} ms, floor p95 ${r.floor.p95.toFixed(1)} ms`);
  }
  return out;
}
