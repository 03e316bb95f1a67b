import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, adminContext, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { searchIncidents } from '../../store/search/incident-search.js';
import { searchQuerySchema } from '../../domain/incident/search-query.js';
import { generateDemo, fillTemplate } from './generate-demo.js';
import * as T from './demo-texts.js';

const COUNT = 300;
const SEED = 20260101;


async function titles(ctx: ServiceContext): Promise<string[]> {
  return (await ctx.store.db.selectFrom('incidents').select(['seq', 'title']).orderBy('seq').execute()).map((r) => r.title);
}

describe('generateDemo', () => {
  let ws: TestWorkspace;
  let ctx: ServiceContext;
  let result: Awaited<ReturnType<typeof generateDemo>>;
  const progress: number[] = [];

  beforeAll(async () => {
    ws = await newWorkspace();
    ctx = await adminContext(ws);
    result = await generateDemo(ctx, { incidents: COUNT, seed: SEED, onProgress: (done) => progress.push(done) });
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('records the requested number of incidents through the real use case', async () => {
    const n = await ctx.store.db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(COUNT);
    expect(result.incidents).toBe(COUNT);
    expect(progress.at(-1)).toBe(COUNT);
    // every incident was audited like one made in the web app
    const audited = await ctx.store.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'incident.created').executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(COUNT);
  });

  it('creates a pool of people and organisations and reuses them', async () => {
    expect(result.people).toBeGreaterThan(20);
    expect(result.organisations).toBeGreaterThan(20);
    expect(result.organisations).toBeLessThanOrEqual(60);
    const actors = await ctx.store.db.selectFrom('actors').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(actors.n)).toBe(result.people + result.organisations);
    const perActor = await ctx.store.db
      .selectFrom('incident_victims')
      .select(['actor_id', (eb) => eb.fn.count<number>('incident_id').distinct().as('n')])
      .groupBy('actor_id')
      .execute();
    expect(Math.max(...perActor.map((r) => Number(r.n)))).toBeGreaterThanOrEqual(3);
    // every link points at a recorded actor (the second appearance used actorId)
    const links = perActor.reduce((s, r) => s + Number(r.n), 0);
    expect(links).toBeGreaterThan(COUNT);
  });

  it('has skewed act kinds, like real data', async () => {
    const rows = await ctx.store.db.selectFrom('acts').select(['kind']).execute();
    const byRoot = new Map<string, number>();
    for (const r of rows) {
      const root = r.kind.split('.')[0]!;
      byRoot.set(root, (byRoot.get(root) ?? 0) + 1);
    }
    const top = Math.max(...byRoot.values());
    const rare = (byRoot.get('killing') ?? 0) + (byRoot.get('disappearance') ?? 0);
    expect(top).toBeGreaterThanOrEqual(3 * Math.max(1, rare));
    expect((byRoot.get('threat') ?? 0) + (byRoot.get('surveillance') ?? 0)).toBeGreaterThan(byRoot.get('kidnapping') ?? 0);
  });

  it('writes in Spanish and English, over many years with a rise from late 2018', async () => {
    const all = await ctx.store.db.selectFrom('incidents').select(['title', 'summary', 'date_from']).execute();
    const spanish = all.filter((r) => /\b(en|del|los|las|contra|que)\b/.test(`${r.title} ${r.summary ?? ''}`)).length;
    const english = all.filter((r) => /\b(the|and|of|at|against)\b/.test(`${r.title} ${r.summary ?? ''}`) && !/\b(del|los|las|que)\b/.test(`${r.title} ${r.summary ?? ''}`)).length;
    expect(spanish).toBeGreaterThan(COUNT * 0.5);
    expect(english).toBeGreaterThan(COUNT * 0.15);
    const years = all.map((r) => Number(r.date_from!.slice(0, 4)));
    expect(new Set(years).size).toBeGreaterThanOrEqual(8);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2014);
    expect(Math.max(...years)).toBeLessThanOrEqual(2026);
    const before = years.filter((y) => y >= 2015 && y <= 2017).length;
    const after = years.filter((y) => y >= 2021 && y <= 2023).length;
    expect(after).toBeGreaterThan(2 * before);
  });

  it('places incidents along the routes with consistent country and state', async () => {
    const rows = await ctx.store.db.selectFrom('incidents').select(['country', 'state', 'place_precision']).execute();
    const byCountry = new Map<string, number>();
    for (const r of rows) byCountry.set(r.country ?? '-', (byCountry.get(r.country ?? '-') ?? 0) + 1);
    expect(byCountry.get('MX') ?? 0).toBeGreaterThan(COUNT * 0.4);
    expect(byCountry.get('US') ?? 0).toBeGreaterThan(0);
    for (const r of rows) if (r.state) expect(r.state.startsWith(`${r.country}-`)).toBe(true);
    expect(new Set(rows.map((r) => r.place_precision))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect(rows.some((r) => r.place_precision === 'crossing')).toBe(true);
  });

  it('is found by full-text search', async () => {
    const q = (text: string) => searchIncidents(ctx.store.db, searchQuerySchema.parse({ q: text, facets: false }), { userId: ctx.user.id });
    expect((await q('albergue')).total).toBeGreaterThan(30);
    expect((await q('amenaza')).total).toBeGreaterThan(20);
    expect((await q('Border Patrol')).total).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same titles in a fresh workspace', async () => {
    const ws2 = await newWorkspace();
    try {
      const ctx2 = await adminContext(ws2);
      await generateDemo(ctx2, { incidents: COUNT, seed: SEED });
      expect(await titles(ctx2)).toEqual(await titles(ctx));
    } finally {
      await ws2.close();
    }
  });
});

describe('demo texts', () => {
  it('has enough variety for the common act families', () => {
    for (const lang of ['es', 'en'] as const) {
      for (const fam of ['shelter_entry', 'surveillance', 'threat', 'harassment', 'detention', 'border', 'defamation', 'criminalisation']) {
        const t = T.FAMILY_TEXTS[lang][fam]!;
        expect(t.titles.length, `${lang} ${fam} titles`).toBeGreaterThanOrEqual(8);
        expect(t.openings.length, `${lang} ${fam} openings`).toBeGreaterThanOrEqual(8);
      }
    }
  });

  it('fills placeholders, capitalises and contracts Spanish articles', () => {
    expect(fillTemplate('{Perp} {what} {where}', { perp: 'elementos del INM', what: 'intentaron ingresar sin orden judicial a {shelter}', shelter: 'el albergue', where: 'en Tenosique' }))
      .toBe('Elementos del INM intentaron ingresar sin orden judicial al albergue en Tenosique');
    expect(() => fillTemplate('{nope}', {})).toThrow();
  });
});
