/**
 * On both backends (the test matrix): the offline map's counts from the memory index against their
 * oracle, the SQL (mapCountsSql), for random words and filters and two viewers (restricted
 * incidents shared with one of them), before and after writes; one answer checked by hand against
 * the rows; and no point finer than the incident's public precision, however the private point is set.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { TestWorkspace } from '../../../test/helpers/api.js';
import { parityWorkspace } from '../../../test/helpers/parity-workspace.js';
import type { ServiceContext } from '../../services/context.js';
import { mapQuerySchema } from '../../domain/map/map-counts.js';
import { mapPlaceOf, pointRank, precisionRank } from '../../domain/map/map-place.js';
import { mapCounts, mapCountsSql } from './map-counts.js';
import type { Viewer } from '../repositories/visibility.js';
import type { MemoryIndex } from '../search/memory-index/memory-index.js';

let ws: TestWorkspace;
let ctx: ServiceContext;
let index: MemoryIndex;
let admin: Viewer;
const other: Viewer = { userId: 'someone-else' };

beforeAll(async () => {
  ({ ws, ctx, index, admin } = await parityWorkspace(47));
}, 120_000);
afterAll(async () => {
  await ws?.close();
});

const queryArb = fc.record({
  q: fc.option(fc.constantFrom('albergue', 'amenaza', 'border', 'migrante', 'zzzz'), { nil: undefined }),
  from: fc.option(fc.constantFrom('2015', '2018-06', '2020-02-10'), { nil: undefined }),
  to: fc.option(fc.constantFrom('2019', '2022-11', '2026-01-01'), { nil: undefined }),
  country: fc.option(fc.subarray(['MX', 'US', 'GT', 'HN', 'SV'], { minLength: 1 }), { nil: undefined }),
  state: fc.option(fc.subarray(['MX-CHP', 'MX-BCN', 'MX-TAM', 'US-TX', 'GT-13'], { minLength: 1 }), { nil: undefined }),
  act: fc.option(fc.subarray(['threat', 'surveillance', 'detention.arrest'], { minLength: 1 }), { nil: undefined }),
  perpetrator: fc.option(fc.subarray(['state', 'state.mx', 'non_state'], { minLength: 1 }), { nil: undefined }),
}, { requiredKeys: [] });

let compared = 0;
async function same(raw: unknown, viewer: Viewer): Promise<void> {
  const parsed = mapQuerySchema.safeParse(JSON.parse(JSON.stringify(raw)));
  if (!parsed.success) return;
  compared++;
  expect(await mapCounts(ctx.store.db, parsed.data, viewer, index)).toEqual(await mapCountsSql(ctx.store.db, parsed.data, viewer));
}

describe('map counts', () => {
  it('from the memory index equal the SQL for random searches and viewers', async () => {
    await fc.assert(fc.asyncProperty(queryArb, fc.boolean(), async (r, mine) => same(r, mine ? admin : other)), { numRuns: 60 });
    expect(compared).toBeGreaterThan(40);
  }, 120_000);

  it('count what the rows say, at public precision only (by hand, for the admin)', async () => {
    const rows = (await sql<{ place_precision: string; country: string | null; state: string | null; locality: string | null; crossing: string | null; confidentiality: string; shared: number }>`
      SELECT i.place_precision, i.country, i.state, i.locality, i.crossing, i.confidentiality,
        (SELECT count(*) FROM incident_shares s WHERE s.incident_id = i.id AND s.principal_id = ${admin.userId}) AS shared
      FROM incidents i WHERE i.deleted_at IS NULL`.execute(ctx.store.db)).rows;
    const visible = rows.filter((r) => r.confidentiality !== 'restricted' || Number(r.shared) > 0);
    const r = await mapCounts(ctx.store.db, mapQuerySchema.parse({}), admin, index);
    expect(r.total).toBe(visible.length);
    const perState = new Map<string, number>();
    for (const v of visible) if ((v.place_precision === 'state' || v.place_precision === 'locality' || v.place_precision === 'route' || v.place_precision === 'crossing') && v.state) perState.set(v.state, (perState.get(v.state) ?? 0) + 1);
    for (const s of r.states) expect(s.count).toBe(perState.get(s.code));
    expect(r.points.reduce((a, p) => a + p.count, 0)).toBe(r.total - r.unplaced);
    expect(r.points.some((p) => p.kind === 'town')).toBe(true);
    expect(r.points.some((p) => p.kind === 'crossing')).toBe(true);
    expect(r.points.some((p) => p.kind === 'state')).toBe(true);
    expect(r.points.some((p) => p.kind === 'country')).toBe(true);
    // every incident's point is no finer than its public precision
    for (const v of visible) expect(pointRank(mapPlaceOf({ precision: v.place_precision, country: v.country, state: v.state, locality: v.locality, crossing: v.crossing }).point)).toBeLessThanOrEqual(precisionRank(v.place_precision));
  }, 60_000);

  it('never use a private point, and follow writes made meanwhile', async () => {
    const q = mapQuerySchema.parse({});
    const before = await mapCounts(ctx.store.db, q, admin, index);
    // a precise private point and a typed town on state-precision incidents change nothing
    await sql`UPDATE incidents SET private_lat = 14.9, private_lon = -92.26, version = version + 1 WHERE place_precision IN ('state', 'country')`.execute(ctx.store.db);
    await sql`UPDATE incidents SET locality = 'Tapachula', version = version + 1 WHERE place_precision = 'state' AND state = 'MX-CHP'`.execute(ctx.store.db);
    expect(await mapCounts(ctx.store.db, q, admin, index)).toEqual(before);
    await sql`UPDATE incidents SET country = 'SV', state = NULL, place_precision = 'country', version = version + 1 WHERE seq % 7 = 1`.execute(ctx.store.db);
    await sql`UPDATE incidents SET deleted_at = '2026-01-01' WHERE seq % 9 = 2`.execute(ctx.store.db);
    await same(q, admin);
    await fc.assert(fc.asyncProperty(queryArb, async (r) => same(r, admin)), { numRuns: 20 });
  }, 60_000);
});
