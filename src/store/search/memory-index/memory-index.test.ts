/**
 * On both backends (the test matrix): the memory index against its oracle, the SQL search (searchIncidentsSql) and the SQL dashboard:
 * random searches (words, every filter, dates, orders, pages) and ranges over a demo workspace
 * with restricted incidents shared or not, must give the same totals, pages and facet counts —
 * and still after writes by other hands (inserts, updates, deletions, a person's attributes
 * changed, a row removed outright), which the index learns through migration 0008's triggers.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { newWorkspace, type TestWorkspace } from '../../../../test/helpers/api.js';
import type { ServiceContext } from '../../../services/context.js';
import { isRole } from '../../../domain/user/roles.js';
import { generateDemoBulk } from '../../../services/demo/generate-demo-bulk.js';
import { searchQuerySchema, type SearchQuery, type SearchResult } from '../../../domain/incident/search-query.js';
import { searchIncidents, searchIncidentsSql, indexIncident, unindexIncident } from '../incident-search.js';
import { dashboardAggregates } from '../../stats/dashboard-aggregates.js';
import type { Viewer } from '../../repositories/visibility.js';
import { MemoryIndex } from './memory-index.js';

let ws: TestWorkspace;
let ctx: ServiceContext;
let index: MemoryIndex;
let admin: Viewer;
const values: Record<string, string[]> = {};

async function distinct(expr: string, from: string): Promise<string[]> {
  return (await sql<{ v: string }>`SELECT DISTINCT ${sql.raw(expr)} AS v FROM ${sql.raw(from)} WHERE ${sql.raw(expr)} IS NOT NULL`.execute(ctx.store.db)).rows.map((r) => String(r.v)).sort();
}
/** codes and their parents ("threat.death" → "threat") */
const withParents = (codes: string[]) => [...new Set(codes.flatMap((c) => c.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))))].sort();

beforeAll(async () => {
  ws = await newWorkspace();
  const rt = ws.vault.runtime();
  const u = (await rt.store.users.list()).find((x) => x.role === 'admin')!;
  if (!isRole(u.role)) throw new Error('no admin');
  ctx = { store: rt.store, vocab: rt.vocab, user: { id: u.id, role: u.role, orgId: u.org_id, displayName: u.display_name }, now: () => new Date().toISOString() };
  admin = { userId: u.id };
  await generateDemoBulk(ctx, { incidents: 360, seed: 41, batchSize: 90 });
  // restricted incidents, half of them shared with the admin
  await sql`UPDATE incidents SET confidentiality = 'restricted' WHERE seq % 5 = 0`.execute(ctx.store.db);
  await sql`INSERT INTO incident_shares (incident_id, principal_type, principal_id, identifying, granted_by, granted_at)
    SELECT id, 'user', ${u.id}, 0, ${u.id}, '2026-01-01' FROM incidents WHERE seq % 10 = 0 ON CONFLICT DO NOTHING`.execute(ctx.store.db);
  index = new MemoryIndex(ctx.store.db, { keepWordsOver: 5 });
  values['country'] = await distinct('country', 'incidents');
  values['state'] = await distinct('state', 'incidents');
  values['status'] = await distinct('status', 'incidents');
  values['year'] = await distinct('substr(date_from, 1, 4)', 'incidents');
  values['act'] = withParents(await distinct('kind', 'acts'));
  values['perpetrator'] = withParents(await distinct('perpetrator', 'involvements'));
  values['role'] = withParents(await distinct('role', 'actors'));
  values['gender'] = await distinct('gender_identity', 'actors');
  values['lgbti'] = await distinct('lgbti', 'actors');
  values['migrationStatus'] = withParents(await distinct('migration_status', 'actors'));
}, 120_000);
afterAll(async () => {
  await ws?.close();
});

const WORDS = ['albergue', 'amenaza', 'amenazó', 'ALBERGUE', 'border', 'patrol', 'tapachula', 'secuestro', 'migrante', 'al', 'a', 'de', 'inm', 'guardia', 'zzzz', 'níñó'];

const pick = (key: string) => fc.subarray(values[key]!, { minLength: 1, maxLength: 3 });
const day = fc.tuple(fc.integer({ min: 2013, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom(4, 7, 10))
  .map(([y, m, d, len]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`.slice(0, len));

const queryArb = fc.record({
  q: fc.option(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')), { nil: undefined }),
  from: fc.option(day, { nil: undefined }),
  to: fc.option(day, { nil: undefined }),
  country: fc.option(fc.constant('country'), { nil: undefined }),
  state: fc.option(fc.constant('state'), { nil: undefined }),
  status: fc.option(fc.constant('status'), { nil: undefined }),
  year: fc.option(fc.constant('year'), { nil: undefined }),
  act: fc.option(fc.constant('act'), { nil: undefined }),
  perpetrator: fc.option(fc.constant('perpetrator'), { nil: undefined }),
  role: fc.option(fc.constant('role'), { nil: undefined }),
  gender: fc.option(fc.constant('gender'), { nil: undefined }),
  lgbti: fc.option(fc.constant('lgbti'), { nil: undefined }),
  migrationStatus: fc.option(fc.constant('migrationStatus'), { nil: undefined }),
  sort: fc.constantFrom('date_desc', 'date_asc', 'relevance', 'updated_desc'),
  page: fc.integer({ min: 1, max: 4 }),
  pageSize: fc.integer({ min: 1, max: 40 }),
  facets: fc.boolean(),
  seed: fc.integer(),
});

/** Filters drawn from the workspace's own values (a filter key in the record means "pick some"). */
function toQuery(r: Record<string, unknown>, rnd: () => number): SearchQuery | null {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (v === undefined || k === 'seed') continue;
    if (typeof v === 'string' && v === k && values[k]) {
      const list = values[k]!;
      out[k] = [...new Set([list[Math.floor(rnd() * list.length)]!, list[Math.floor(rnd() * list.length)]!])];
    } else out[k] = v;
  }
  const parsed = searchQuerySchema.safeParse(out);
  return parsed.success ? parsed.data : null;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Facet values with equal counts in byte order (PostgreSQL's SQL sorts ties by the database's collation). */
function byteOrder(f: SearchResult['facets']): SearchResult['facets'] {
  return Object.fromEntries(Object.entries(f).map(([k, list]) => [k, [...list].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))]));
}

async function same(q: SearchQuery, viewer: Viewer): Promise<void> {
  const mem = await searchIncidents(ctx.store.db, q, viewer, index);
  const oracle = await searchIncidentsSql(ctx.store.db, q, viewer);
  expect(mem.total).toBe(oracle.total);
  expect(mem.facets).toEqual(byteOrder(oracle.facets));
  expect(mem.hits.map((h) => h.id)).toEqual(oracle.hits.map((h) => h.id));
  expect(mem.hits).toEqual(oracle.hits);
}

const property = (viewer: () => Viewer, runs: number) =>
  fc.assert(fc.asyncProperty(queryArb, async (r) => {
    const q = toQuery(r as never, rng(r.seed));
    if (q) await same(q, viewer());
  }), { numRuns: runs });

describe('memory index', () => {
  it('gives the SQL search’s totals, pages and facets for random searches', async () => {
    await property(() => admin, 120);
    expect(index.stats().incidents).toBe(360);
  }, 120_000);

  it('hides restricted incidents not shared with the viewer, as SQL does', async () => {
    await property(() => ({ userId: 'someone-else' }), 40);
    const all = searchQuerySchema.parse({});
    const mine = await searchIncidents(ctx.store.db, all, admin, index);
    const other = await searchIncidents(ctx.store.db, all, { userId: 'someone-else' }, index);
    const shared = await sql<{ n: number }>`SELECT count(*) AS n FROM incidents i WHERE i.confidentiality = 'restricted' AND i.deleted_at IS NULL AND i.id IN (SELECT incident_id FROM incident_shares WHERE principal_id = ${admin.userId})`.execute(ctx.store.db);
    expect(mine.total - other.total).toBe(Number(shared.rows[0]!.n));
    expect(mine.total - other.total).toBeGreaterThan(30);
  }, 60_000);

  it('gives the SQL dashboard for random ranges and viewers', async () => {
    await fc.assert(fc.asyncProperty(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), fc.boolean(), async (from, to, mine) => {
      const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const viewer = mine ? admin : { userId: 'someone-else' };
      const sqlRows = await dashboardAggregates(ctx.store.db, range, viewer);
      const ties = (list: { key: string; count: number }[]) => [...list].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      expect(await dashboardAggregates(ctx.store.db, range, viewer, index)).toEqual({ ...sqlRows, perCountry: ties(sqlRows.perCountry), perKind: ties(sqlRows.perKind), perPerpetrator: ties(sqlRows.perPerpetrator) });
    }), { numRuns: 40 });
  }, 60_000);

  it('follows writes made by others: new incidents, changes, deletions, a person’s attributes', async () => {
    const db = ctx.store.db;
    await searchIncidents(db, searchQuerySchema.parse({}), admin, index);
    await generateDemoBulk(ctx, { incidents: 40, seed: 42, batchSize: 40 });
    await sql`UPDATE incidents SET country = 'GT', state = NULL, status = 'disputed', date_from = '2015-03-01', date_start = '2015-03', version = version + 1 WHERE seq % 7 = 1`.execute(db);
    await sql`UPDATE incidents SET deleted_at = '2026-01-01' WHERE seq % 11 = 2`.execute(db);
    // restricted after the index loaded (some shared with the admin), and restricted ones opened up
    await sql`UPDATE incidents SET confidentiality = 'restricted', version = version + 1 WHERE seq % 9 = 4`.execute(db);
    await sql`INSERT INTO incident_shares (incident_id, principal_type, principal_id, identifying, granted_by, granted_at)
      SELECT id, 'user', ${admin.userId}, 0, ${admin.userId}, '2026-01-01' FROM incidents WHERE seq % 18 = 4 ON CONFLICT DO NOTHING`.execute(db);
    await sql`UPDATE incidents SET confidentiality = 'organisation', version = version + 1 WHERE seq % 25 = 0`.execute(db);
    await sql`DELETE FROM acts WHERE incident_id IN (SELECT id FROM incidents WHERE seq % 13 = 3)`.execute(db);
    await sql`UPDATE incidents SET version = version + 1 WHERE seq % 13 = 3`.execute(db);
    await sql`UPDATE actors SET role = NULL, lgbti = 'lgbti.trans' WHERE pseudonym < 'M'`.execute(db);
    const gone = (await sql<{ id: string }>`SELECT id FROM incidents WHERE seq = 17`.execute(db)).rows[0]!.id;
    for (const t of ['incident_context', 'incident_victims', 'involvements', 'acts', 'sources', 'interventions', 'incident_revisions', 'incident_shares']) await sql`DELETE FROM ${sql.raw(t)} WHERE incident_id = ${gone}`.execute(db);
    await sql`DELETE FROM incidents WHERE seq = 17`.execute(db);
    await unindexIncident(db, 17);
    values['lgbti'] = [...new Set([...values['lgbti']!, 'lgbti.trans'])];
    await property(() => admin, 60);
    const live = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM incidents WHERE deleted_at IS NULL`.execute(db)).rows[0]!.n);
    expect(index.stats().incidents).toBe(live);
  }, 120_000);

  it('keeps the sets of common words true when incidents change', async () => {
    const db = ctx.store.db;
    const q = searchQuerySchema.parse({ q: 'albergue', facets: false });
    await same(q, admin);
    const some = (await searchIncidentsSql(db, q, admin)).hits.slice(0, 3).map((h) => Number(h.ref.replace(/\D/g, '')));
    expect(some).toHaveLength(3);
    for (const seq of some) {
      await indexIncident(db, seq, 'otra cosa', 'nada');
      await sql`UPDATE incidents SET version = version + 1 WHERE seq = ${seq}`.execute(db);
    }
    await same(q, admin);
    await same(searchQuerySchema.parse({ q: 'otra cosa' }), admin);
  }, 60_000);

  it('follows shares and group memberships changed between searches (the viewer sets kept between searches)', async () => {
    const db = ctx.store.db;
    const all = searchQuerySchema.parse({});
    const check = async () => {
      for (const viewer of [admin, { userId: 'someone-else' }]) {
        await same(all, viewer);
        await same(searchQuerySchema.parse({ q: 'albergue', sort: 'date_asc' }), viewer);
      }
    };
    await check();
    const restricted = (await sql<{ id: string }>`SELECT id FROM incidents WHERE confidentiality = 'restricted' AND deleted_at IS NULL ORDER BY seq`.execute(db)).rows.map((r) => r.id);
    const share = (ids: string[], type: string, id: string) => sql`INSERT INTO incident_shares (incident_id, principal_type, principal_id, identifying, granted_by, granted_at)
      SELECT id, ${type}, ${id}, 0, ${admin.userId}, '2026-01-01' FROM incidents WHERE id IN (${sql.join(ids)}) ON CONFLICT DO NOTHING`.execute(db);
    // a group the admin is not in yet gets some restricted incidents
    await sql`INSERT INTO user_groups (id, name, created_at, created_by) VALUES ('g-mem', 'g-mem', '2026-01-01', ${admin.userId})`.execute(db);
    await share(restricted.slice(0, 12), 'group', 'g-mem');
    await check();
    await sql`INSERT INTO group_members (group_id, user_id) VALUES ('g-mem', ${admin.userId})`.execute(db);
    const before = (await searchIncidents(db, all, admin, index)).total;
    await check();
    // some of the admin's own shares taken away, one by one
    const mine = (await sql<{ incident_id: string }>`SELECT incident_id FROM incident_shares WHERE principal_type = 'user' AND principal_id = ${admin.userId} ORDER BY incident_id LIMIT 5`.execute(db)).rows;
    for (const r of mine) await sql`DELETE FROM incident_shares WHERE incident_id = ${r.incident_id} AND principal_type = 'user'`.execute(db);
    await check();
    // shared while open, then restricted: seen
    const open = (await sql<{ id: string }>`SELECT id FROM incidents WHERE confidentiality <> 'restricted' AND deleted_at IS NULL ORDER BY seq LIMIT 4`.execute(db)).rows.map((r) => r.id);
    await share(open, 'user', admin.userId);
    await check();
    await sql`UPDATE incidents SET confidentiality = 'restricted', version = version + 1 WHERE id IN (${sql.join(open)})`.execute(db);
    await check();
    // the group removed (its memberships go with it) and its shares
    await sql`DELETE FROM incident_shares WHERE principal_type = 'group' AND principal_id = 'g-mem'`.execute(db);
    await sql`DELETE FROM user_groups WHERE id = 'g-mem'`.execute(db);
    await check();
    expect((await searchIncidents(db, all, admin, index)).total).toBeLessThan(before);
  }, 60_000);

  it('is forgotten when cleared and loads again', async () => {
    index.clear();
    expect(index.stats().incidents).toBe(0);
    await same(searchQuerySchema.parse({ q: 'amenaza', country: ['MX'] }), admin);
    expect(index.stats().incidents).toBeGreaterThan(300);
  }, 60_000);
});
