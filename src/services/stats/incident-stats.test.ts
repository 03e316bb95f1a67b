/**
 * Dashboard counts on a known dataset: twelve incidents with chosen dates, places, acts and
 * perpetrators; every count, total and percentage below is worked out by hand from that list.
 * Runs on both backends (unit and unit-postgres).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { breakdownQuerySchema } from '../../domain/stats/breakdown.js';
import { comparisonQuerySchema } from '../../domain/stats/comparison.js';
import { breakdownIncidents, compareIncidents } from './incident-stats.js';

let ws: TestWorkspace;
let ctx: ServiceContext;

type Row = [date: string | null, country: string, act: string[], perpetrator: string[]];
// the known dataset
const ROWS: Row[] = [
  ['2023-02-10', 'MX', ['threat.phone'], ['state.mx.inm']],
  ['2023-03-05', 'MX', ['threat.death', 'threat.phone'], ['non_state.organised_crime']],
  ['2023-07', 'US', ['border.device_search'], ['state.us.cbp']],
  ['2023', 'GT', ['detention.arrest'], ['state.gt.pnc']],
  ['2024-01-15', 'MX', ['surveillance.home', 'threat.in_person'], ['state.mx.inm', 'state.mx.guardia_nacional']],
  ['2024-02-20', 'MX', ['shelter_entry.raid'], ['state.mx.inm']],
  ['2024-02-21', 'US', ['detention.arrest'], ['state.us.border_patrol']],
  ['2024-05-01', 'MX', ['threat.public_post'], ['non_state.organised_crime']],
  ['2024-08', 'HN', ['threat.phone'], ['non_state.gang']],
  ['2024-11-30', 'MX', ['killing'], ['non_state.organised_crime', 'state.mx.state_police']],
  ['2024', 'US', ['criminalisation.charges'], ['state.us.doj_courts']],
  [null, 'MX', ['threat.phone'], ['non_state.unknown']],
];

beforeAll(async () => {
  ws = await newWorkspace();
  ctx = await adminContext(ws, '2025-06-30T12:00:00.000Z');
  await recordIncidents(ctx, ROWS.map(([date, country, acts, perps], n) => ({
    title: `Caso ${n + 1}`,
    ...(date ? { date: { start: date } } : {}),
    place: { precision: 'country', country },
    acts: acts.map((kind, k) => ({ kind, perpetrators: k === 0 ? perps.map((perpetrator) => ({ perpetrator })) : [] })),
  })));
}, 60_000);
afterAll(async () => {
  await ws?.close();
});

describe('dashboard counts on a known dataset', () => {
  it('per year and kind of act: an incident counts once per kind; year-only dates count by year; the undated apart', async () => {
    const b = await breakdownIncidents(ctx, breakdownQuerySchema.parse({ dimension: 'act', granularity: 'year' }));
    expect(b.buckets).toEqual(['2023', '2024']);
    expect(b.totals).toEqual([4, 7]);
    expect(b.undated).toBe(1);
    expect(b.series).toEqual([
      { key: 'threat', counts: [2, 3], total: 5 },
      { key: 'detention', counts: [1, 1], total: 2 },
      { key: 'border', counts: [1, 0], total: 1 },
      { key: 'criminalisation', counts: [0, 1], total: 1 },
      { key: 'killing', counts: [0, 1], total: 1 },
      { key: 'shelter_entry', counts: [0, 1], total: 1 },
      { key: 'surveillance', counts: [0, 1], total: 1 },
    ]);
  });

  it('per quarter and institution, Mexico only: every quarter between the first and last, zeros included', async () => {
    const b = await breakdownIncidents(ctx, breakdownQuerySchema.parse({ dimension: 'perpetrator', granularity: 'quarter', country: ['MX'] }));
    expect(b.buckets).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(b.totals).toEqual([2, 0, 0, 0, 2, 1, 0, 1]);
    expect(b.undated).toBe(1);
    expect(b.series).toEqual([
      { key: 'non_state.organised_crime', counts: [1, 0, 0, 0, 0, 1, 0, 1], total: 3 },
      { key: 'state.mx.inm', counts: [1, 0, 0, 0, 2, 0, 0, 0], total: 3 },
      { key: 'state.mx.guardia_nacional', counts: [0, 0, 0, 0, 1, 0, 0, 0], total: 1 },
      { key: 'state.mx.state_police', counts: [0, 0, 0, 0, 0, 0, 0, 1], total: 1 },
    ]);
  });

  it('per month with a filter on the type of perpetrator: month-less dates are undated here', async () => {
    const b = await breakdownIncidents(ctx, breakdownQuerySchema.parse({ dimension: 'country', granularity: 'month', perpetrator: ['state.us'] }));
    // CBP 2023-07, Border Patrol 2024-02-21, courts "2024" (no month)
    expect(b.buckets[0]).toBe('2023-07');
    expect(b.buckets.at(-1)).toBe('2024-02');
    expect(b.buckets).toHaveLength(8);
    expect(b.totals.reduce((a, x) => a + x, 0)).toBe(2);
    expect(b.undated).toBe(1);
    expect(b.series).toEqual([{ key: 'US', counts: [1, 0, 0, 0, 0, 0, 0, 1], total: 2 }]);
  });

  it('compares 2024 with 2023 (the same 366 days before: 2022-12-31 to 2023-12-31)', async () => {
    const c = await compareIncidents(ctx, comparisonQuerySchema.parse({ dimension: 'country', since: '2024', until: '2024' }));
    expect(c.recent).toEqual({ from: '2024-01-01', to: '2024-12-31', total: 7 });
    expect(c.before).toEqual({ from: '2022-12-31', to: '2023-12-31', total: 4 });
    expect(c.changePercent).toBe(75);
    expect(c.rows).toEqual([
      { key: 'MX', before: 2, recent: 4, changePercent: 100 },
      { key: 'US', before: 1, recent: 2, changePercent: 100 },
      { key: 'HN', before: 0, recent: 1, changePercent: null },
      { key: 'GT', before: 1, recent: 0, changePercent: -100 },
    ]);
  });

  it('compares "since 2024-07" with the same number of days before, up to today', async () => {
    // today is 2025-06-30: 2024-07-01..2025-06-30 (365 days) against 2023-07-02..2024-06-30
    const c = await compareIncidents(ctx, comparisonQuerySchema.parse({ dimension: 'act', since: '2024-07' }));
    expect(c.recent).toEqual({ from: '2024-07-01', to: '2025-06-30', total: 3 });
    // before: 2023-07 (July may fall on or after the 2nd), 2023 (the year may), the four dated 2024-01-15..2024-05-01,
    // and "2024" (a year only: it may fall in either period, so it counts in both); recent: 2024-08, 2024-11-30, 2024
    expect(c.before).toEqual({ from: '2023-07-02', to: '2024-06-30', total: 7 });
    // threats: 2024-01-15 and 2024-05-01 before, 2024-08 recently
    expect(c.rows.find((r) => r.key === 'threat')).toEqual({ key: 'threat', before: 2, recent: 1, changePercent: -50 });
    expect(c.rows.find((r) => r.key === 'criminalisation')).toEqual({ key: 'criminalisation', before: 1, recent: 1, changePercent: 0 });
    // (3 - 7) / 7 = -57.14…%
    expect(c.changePercent).toBe(-57.1);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const r = comparisonQuerySchema.safeParse({ dimension: 'act', since: '2024-05', until: '2024-04' });
    expect(r.error?.issues[0]?.path).toEqual(['until']);
  });
});
