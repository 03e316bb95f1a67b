/**
 * On both backends (the test matrix): breakdowns from the memory index against their oracle, the
 * SQL breakdown (incidentBreakdownSql), for random words, filters, dimensions and granularities
 * and two viewers (restricted incidents shared with one of them), before and after writes. And
 * one breakdown checked against counts made by hand from the rows themselves.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { TestWorkspace } from '../../../../test/helpers/api.js';
import { parityWorkspace } from '../../../../test/helpers/parity-workspace.js';
import type { ServiceContext } from '../../../services/context.js';
import { BREAKDOWN_DIMENSIONS, GRANULARITIES, breakdownQuerySchema, bucketOf, type BreakdownQuery } from '../../../domain/stats/breakdown.js';
import { incidentBreakdown, incidentBreakdownSql } from '../../stats/incident-breakdown.js';
import type { Viewer } from '../../repositories/visibility.js';
import type { MemoryIndex } from './memory-index.js';

let ws: TestWorkspace;
let ctx: ServiceContext;
let index: MemoryIndex;
let admin: Viewer;
const other: Viewer = { userId: 'someone-else' };

beforeAll(async () => {
  ({ ws, ctx, index, admin } = await parityWorkspace(43));
}, 120_000);
afterAll(async () => {
  await ws?.close();
});

const WORDS = ['albergue', 'amenaza', 'border', 'patrol', 'migrante', 'de', 'zzzz'];
const queryArb = fc.record({
  dimension: fc.constantFrom(...BREAKDOWN_DIMENSIONS),
  granularity: fc.constantFrom(...GRANULARITIES),
  q: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  from: fc.option(fc.constantFrom('2015', '2018-06', '2020-02-10'), { nil: undefined }),
  to: fc.option(fc.constantFrom('2019', '2022-11', '2026-01-01'), { nil: undefined }),
  country: fc.option(fc.subarray(['MX', 'US', 'GT', 'HN', 'SV'], { minLength: 1 }), { nil: undefined }),
  act: fc.option(fc.subarray(['threat', 'surveillance', 'detention.arrest', 'shelter_entry'], { minLength: 1 }), { nil: undefined }),
  perpetrator: fc.option(fc.subarray(['state', 'state.mx', 'state.us.cbp', 'non_state'], { minLength: 1 }), { nil: undefined }),
  role: fc.option(fc.subarray(['shelter_director', 'migrant', 'lawyer'], { minLength: 1 }), { nil: undefined }),
}, { requiredKeys: ['dimension', 'granularity'] });

let compared = 0;
async function same(raw: unknown, viewer: Viewer): Promise<void> {
  const parsed = breakdownQuerySchema.safeParse(JSON.parse(JSON.stringify(raw)));
  if (!parsed.success) return;
  compared++;
  const q: BreakdownQuery = parsed.data;
  expect(await incidentBreakdown(ctx.store.db, q, viewer, index)).toEqual(await incidentBreakdownSql(ctx.store.db, q, viewer));
}

describe('breakdowns', () => {
  it('from the memory index equal the SQL for random searches, dimensions and periods', async () => {
    await fc.assert(fc.asyncProperty(queryArb, fc.boolean(), async (r, mine) => same(r, mine ? admin : other)), { numRuns: 80 });
    // only "to before from" is refused: most runs compare
    expect(compared).toBeGreaterThan(60);
  }, 120_000);

  it('count what the rows say (by hand: incidents per year and kind of act, for the admin)', async () => {
    const rows = (await sql<{ seq: number; date_start: string | null; kind_root: string | null; confidentiality: string; shared: number }>`
      SELECT i.seq, i.date_start, a.kind_root, i.confidentiality,
        (SELECT count(*) FROM incident_shares s WHERE s.incident_id = i.id AND s.principal_id = ${admin.userId}) AS shared
      FROM incidents i LEFT JOIN acts a ON a.incident_id = i.id WHERE i.deleted_at IS NULL`.execute(ctx.store.db)).rows;
    const visible = rows.filter((r) => r.confidentiality !== 'restricted' || Number(r.shared) > 0);
    const perKey = new Map<string, Set<number>>();
    const perYear = new Map<string, Set<number>>();
    const undated = new Set<number>();
    for (const r of visible) {
      const y = bucketOf(r.date_start, 'year');
      if (!y) { undated.add(Number(r.seq)); continue; }
      if (!perYear.has(y)) perYear.set(y, new Set());
      perYear.get(y)!.add(Number(r.seq));
      if (r.kind_root) {
        const k = `${y}|${r.kind_root}`;
        if (!perKey.has(k)) perKey.set(k, new Set());
        perKey.get(k)!.add(Number(r.seq));
      }
    }
    const b = await incidentBreakdown(ctx.store.db, breakdownQuerySchema.parse({ dimension: 'act', granularity: 'year' }), admin, index);
    expect(b.undated).toBe(undated.size);
    for (const [i, y] of b.buckets.entries()) expect(b.totals[i]).toBe(perYear.get(y)?.size ?? 0);
    for (const s of b.series) for (const [i, y] of b.buckets.entries()) expect(s.counts[i]).toBe(perKey.get(`${y}|${s.key}`)?.size ?? 0);
    expect(b.series.reduce((n, s) => n + s.total, 0)).toBe([...perKey.values()].reduce((n, set) => n + set.size, 0));
    expect(b.buckets.length).toBeGreaterThan(5);
  }, 60_000);

  it('follow writes made meanwhile', async () => {
    const q = breakdownQuerySchema.parse({ dimension: 'country', granularity: 'quarter' });
    await same(q, admin);
    await sql`UPDATE incidents SET country = 'SV', date_start = '2016-02', date_from = '2016-02-01', date_to = '2016-02-29', version = version + 1 WHERE seq % 7 = 1`.execute(ctx.store.db);
    await sql`UPDATE incidents SET deleted_at = '2026-01-01' WHERE seq % 9 = 2`.execute(ctx.store.db);
    await same(q, admin);
    await fc.assert(fc.asyncProperty(queryArb, async (r) => same(r, admin)), { numRuns: 20 });
  }, 60_000);
});
