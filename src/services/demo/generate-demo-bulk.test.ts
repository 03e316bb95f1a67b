import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, adminContext, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { searchIncidents } from '../../store/search/incident-search.js';
import { searchQuerySchema } from '../../domain/incident/search-query.js';
import { getIncident, incidentHistory } from '../incidents/read-incidents.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { isSealedValue } from '../../crypto/envelope.js';
import { generateDemoBulk, peoplePoolSize } from './generate-demo-bulk.js';
import { monthlyCounts } from './demo-date-stream.js';

const COUNT = 300;
const SEED = 20260102;


const count = async (ctx: ServiceContext, table: 'incidents' | 'actors' | 'incident_revisions') =>
  Number((await ctx.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('generateDemoBulk', () => {
  let ws: TestWorkspace;
  let ctx: ServiceContext;
  let result: Awaited<ReturnType<typeof generateDemoBulk>>;
  const batches: number[] = [];

  beforeAll(async () => {
    ws = await newWorkspace();
    ctx = await adminContext(ws);
    result = await generateDemoBulk(ctx, { incidents: COUNT, seed: SEED, batchSize: 64, onProgress: (done) => batches.push(done) });
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('records every incident in batches, each with its history entry and a chained audit event', async () => {
    expect(result.incidents).toBe(COUNT);
    expect(await count(ctx, 'incidents')).toBe(COUNT);
    expect(await count(ctx, 'incident_revisions')).toBe(COUNT);
    expect(batches.at(-1)).toBe(COUNT);
    expect(batches.length).toBeGreaterThan(COUNT / 64);
    const audited = await ctx.store.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'incident.created').executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(COUNT);
    expect((await verifyAuditChain(ctx.store)).ok).toBe(true);
  });

  it('reuses victims: each person or organisation is recorded once and appears in several incidents', async () => {
    expect(await count(ctx, 'actors')).toBe(result.people + result.organisations);
    expect(result.people).toBeLessThanOrEqual(peoplePoolSize(COUNT));
    const pseudonyms = await ctx.store.db.selectFrom('actors').select('pseudonym').execute();
    expect(new Set(pseudonyms.map((p) => p.pseudonym)).size).toBe(pseudonyms.length);
    const perActor = await ctx.store.db.selectFrom('incident_victims').select(['actor_id', (eb) => eb.fn.count<number>('incident_id').as('n')]).groupBy('actor_id').execute();
    expect(Math.max(...perActor.map((r) => Number(r.n)))).toBeGreaterThanOrEqual(3);
  });

  it('seals identifying values as the app does', async () => {
    const named = await ctx.store.db.selectFrom('actors').select('real_name').where('real_name', 'is not', null).execute();
    expect(named.length).toBeGreaterThan(0);
    for (const r of named) expect(isSealedValue(r.real_name!)).toBe(true);
  });

  it('has skewed kinds, both languages and a rise from late 2018', async () => {
    const acts = await ctx.store.db.selectFrom('acts').select('kind_root').execute();
    const byRoot = new Map<string, number>();
    for (const a of acts) byRoot.set(a.kind_root, (byRoot.get(a.kind_root) ?? 0) + 1);
    const common = (byRoot.get('threat') ?? 0) + (byRoot.get('surveillance') ?? 0) + (byRoot.get('harassment') ?? 0);
    expect(common).toBeGreaterThan(3 * ((byRoot.get('killing') ?? 0) + (byRoot.get('disappearance') ?? 0)));
    const rows = await ctx.store.db.selectFrom('incidents').select(['title', 'summary', 'date_from', 'country']).execute();
    const text = (r: (typeof rows)[number]) => `${r.title} ${r.summary ?? ''}`;
    expect(rows.filter((r) => /\b(del|los|las|que)\b/.test(text(r))).length).toBeGreaterThan(COUNT * 0.5);
    expect(rows.filter((r) => /\b(the|and|against)\b/.test(text(r)) && !/\b(del|los|las|que)\b/.test(text(r))).length).toBeGreaterThan(COUNT * 0.1);
    const years = rows.map((r) => Number(r.date_from!.slice(0, 4)));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2014);
    expect(Math.max(...years)).toBeLessThanOrEqual(2026);
    expect(years.filter((y) => y >= 2021 && y <= 2023).length).toBeGreaterThan(2 * years.filter((y) => y >= 2015 && y <= 2017).length);
    expect(rows.filter((r) => r.country === 'MX').length).toBeGreaterThan(COUNT * 0.4);
  });

  it('is found by search and reads back through the read use case', async () => {
    const found = await searchIncidents(ctx.store.db, searchQuerySchema.parse({ q: 'albergue' }), { userId: ctx.user.id });
    expect(found.total).toBeGreaterThan(20);
    expect(found.facets['act']?.length).toBeGreaterThan(0);
    for (const hit of found.hits.slice(0, 5)) {
      const inc = await getIncident(ctx, hit.id);
      expect(inc.title).toBe(hit.title);
      expect(inc.acts.length).toBeGreaterThan(0);
      const history = await incidentHistory(ctx, hit.id);
      expect(history.length).toBe(1);
    }
  });

  it('spreads dates over the months exactly, rising over time', () => {
    const counts = monthlyCounts(1_000_000);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(counts.at(-1)!).toBeGreaterThan(3 * counts[0]!);
  });

  it('is deterministic for a seed and batch size', async () => {
    const ws2 = await newWorkspace();
    try {
      const ctx2 = await adminContext(ws2);
      await generateDemoBulk(ctx2, { incidents: 60, seed: SEED, batchSize: 64 });
      const titles = async (c: ServiceContext) => (await c.store.db.selectFrom('incidents').select('title').orderBy('seq').limit(60).execute()).map((r) => r.title);
      const ws3 = await newWorkspace();
      try {
        const ctx3 = await adminContext(ws3);
        await generateDemoBulk(ctx3, { incidents: 60, seed: SEED, batchSize: 64 });
        expect(await titles(ctx3)).toEqual(await titles(ctx2));
      } finally {
        await ws3.close();
      }
    } finally {
      await ws2.close();
    }
  });
});
