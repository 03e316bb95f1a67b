/**
 * Duplicates over HTTP against the real encrypted store: suggestions for one incident and for a
 * period (analysts read them), "not a duplicate" and merging for admins and coordinators only, a
 * stale version refused, the merged incident answered with identifying values masked, the other one
 * gone from reads and saying where it went, restricted incidents hidden from those they are not
 * shared with; bad input a 400 naming the field; nothing typed by users in the logs.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';

let ws: TestWorkspace;
let admin: Client;
let coordinator: Client;
let analyst: Client;
const MARK = 'QZDUPAPIMARK';
const ids: Record<string, string> = {};
const refs: Record<string, string> = {};

const incident = (title: string, pseudonym: string, extra: Record<string, unknown> = {}) => ({
  title, date: { start: '2026-03-10' }, place: { precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' },
  victims: [{ key: 'v', actor: { kind: 'person', pseudonym } }],
  acts: [{ kind: 'detention.arrest', victimKey: 'v', perpetrators: [{ perpetrator: 'state.mx.inm' }] }],
  sources: [{ kind: 'witness', testimony: `Testimonio ${MARK}`, consent: { internal_analysis: 'given' } }],
  ...extra,
});

async function record(c: Client, key: string, body: unknown): Promise<void> {
  const r = await c.req('POST', '/api/v1/incidents', body);
  expect(r.statusCode, r.body).toBe(201);
  ids[key] = (r.json() as { id: string }).id;
  refs[key] = (r.json() as { ref: string }).ref;
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  coordinator = await userWithRole(ws, admin, 'coordinator');
  analyst = await userWithRole(ws, admin, 'analyst');
  await record(admin, 'a', incident('Detienen al coordinador del albergue', 'Coordinador Sol'));
  await record(coordinator, 'b', incident('INM se lleva a un defensor en Tapachula', 'coordinador sol'));
  await record(admin, 'restricted', incident('Detención restringida', 'Coordinador Sol', { confidentiality: 'restricted' }));
  await record(admin, 'other', incident('Amenaza en Saltillo', 'Otra', { date: { start: '2026-03-11' }, place: { precision: 'state', country: 'MX', state: 'MX-COA' } }));
});
afterAll(async () => { await ws?.close(); });

describe('duplicates API', () => {
  it('suggests likely duplicates of an incident to every reader, restricted ones only to those they are shared with', async () => {
    const r = await analyst.req('GET', `/api/v1/incidents/${ids['a']}/duplicates`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as { dated: boolean; items: { incident: { id: string; ref: string; title: string; victims: { pseudonym: string }[] }; score: number; reasons: { kind: string }[] }[] };
    expect(body.dated).toBe(true);
    expect(body.items.map((s) => s.incident.id)).toEqual([ids['b']]);
    expect(body.items[0]!.incident).toMatchObject({ ref: refs['b'], title: 'INM se lleva a un defensor en Tapachula', victims: [{ pseudonym: 'coordinador sol' }] });
    expect(body.items[0]!.reasons.map((x) => x.kind)).toEqual(['date', 'place', 'victims', 'acts', 'perpetrators']);
    expect(r.body).not.toContain(MARK);
    const forAdmin = (await admin.req('GET', `/api/v1/incidents/${ids['a']}/duplicates`)).json() as { items: { incident: { id: string } }[] };
    expect(forAdmin.items.map((s) => s.incident.id).sort()).toEqual([ids['b'], ids['restricted']].sort());
    expect((await coordinator.req('GET', `/api/v1/incidents/${ids['restricted']}/duplicates`)).statusCode).toBe(404);
    expect((await coordinator.req('GET', '/api/v1/incidents/not-an-id/duplicates')).json()).toMatchObject({ problems: [{ path: 'params.id' }] });
  });

  it('lists the pairs of a period, and refuses a bad period naming the field', async () => {
    const r = await analyst.req('POST', '/api/v1/duplicates/search', { from: '2026-03', to: '2026-03' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ total: 1, page: 1, compared: 3, partial: false });
    const pair = (r.json() as { items: { a: { id: string }; b: { id: string } }[] }).items[0]!;
    expect([pair.a.id, pair.b.id].sort()).toEqual([ids['a'], ids['b']].sort());
    for (const [body, path] of [[{ from: '2026-04', to: '2026-03' }, 'to'], [{ to: '2026-03' }, 'from'], [{ from: '2026-03', to: '2026-03', pageSize: 500 }, 'pageSize'], [{ from: '2026-03', to: '2026-03', q: 'x' }, '']] as const) {
      const bad = await analyst.req('POST', '/api/v1/duplicates/search', body);
      expect(bad.statusCode, bad.body).toBe(400);
      expect((bad.json() as { problems: { path: string }[] }).problems[0]!.path).toBe(path);
    }
  });

  it('lets only those who may edit any incident dismiss or merge', async () => {
    expect((await analyst.req('POST', '/api/v1/duplicates/dismiss', { a: ids['a'], b: ids['other'] })).statusCode).toBe(403);
    expect((await analyst.req('POST', `/api/v1/incidents/${ids['a']}/merge`, { other: ids['b'], version: 1, otherVersion: 1 })).statusCode).toBe(403);
    expect((await coordinator.req('POST', '/api/v1/duplicates/dismiss', { a: ids['a'], b: ids['restricted'] })).statusCode).toBe(404);
    const same = await coordinator.req('POST', '/api/v1/duplicates/dismiss', { a: ids['a'], b: ids['a'] });
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({ problems: [{ path: 'b' }] });
    expect((await coordinator.req('POST', '/api/v1/duplicates/dismiss', { a: ids['restricted'], b: ids['other'] })).statusCode).toBe(404);
    expect((await admin.req('POST', '/api/v1/duplicates/dismiss', { a: ids['a'], b: ids['restricted'] })).statusCode).toBe(204);
    const left = (await admin.req('GET', `/api/v1/incidents/${ids['a']}/duplicates`)).json() as { items: { incident: { id: string } }[] };
    expect(left.items.map((s) => s.incident.id)).toEqual([ids['b']]);
  });

  it('merges at the versions seen: the merged incident answered masked, the other gone and saying where it went', async () => {
    const stale = await coordinator.req('POST', `/api/v1/incidents/${ids['a']}/merge`, { other: ids['b'], version: 1, otherVersion: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'conflict', message: expect.stringMatching(/^otherVersion:/) });
    const wide = await admin.req('POST', `/api/v1/incidents/${ids['a']}/merge`, { other: ids['restricted'], version: 1, otherVersion: 1 });
    expect(wide.statusCode).toBe(409);
    expect(wide.json()).toMatchObject({ error: 'merge_would_widen' });
    expect(wide.body).not.toContain(MARK);

    const r = await coordinator.req('POST', `/api/v1/incidents/${ids['a']}/merge`, { other: ids['b'], version: 1, otherVersion: 1 });
    expect(r.statusCode, r.body).toBe(200);
    const merged = r.json() as { incident: { id: string; version: number; sources: { testimony?: string }[]; victims: unknown[]; masked: string[] }; merged: { id: string; ref: string }; moved: { sources: number; victims: number } };
    expect(merged.incident).toMatchObject({ id: ids['a'], version: 2 });
    expect(merged.incident.sources).toHaveLength(2);
    expect(merged.incident.sources.every((s) => s.testimony === undefined)).toBe(true);
    expect(merged.incident.masked).toEqual(expect.arrayContaining(['sources[0].testimony', 'sources[1].testimony']));
    expect(merged.merged).toEqual({ id: ids['b'], ref: refs['b'] });
    expect(merged.moved).toMatchObject({ sources: 1, victims: 1 });
    expect(r.body).not.toContain(MARK);

    expect((await analyst.req('GET', `/api/v1/incidents/${ids['b']}`)).statusCode).toBe(404);
    const where = await analyst.req('GET', `/api/v1/incidents/${ids['b']}/merges`);
    expect(where.statusCode, where.body).toBe(200);
    expect(where.json()).toMatchObject({ ref: refs['b'], mergedInto: { id: ids['a'], ref: refs['a'] }, revisions: [{ version: 2 }, { version: 1 }] });
    expect((await analyst.req('GET', `/api/v1/incidents/${ids['a']}/merges`)).json()).toMatchObject({ mergedInto: null, mergedFrom: [{ id: ids['b'], ref: refs['b'] }] });
    expect((await coordinator.req('GET', `/api/v1/incidents/${ids['restricted']}/merges`)).statusCode).toBe(404);
    const history = (await analyst.req('GET', `/api/v1/incidents/${ids['a']}/history`)).json() as { revisions: { version: number; changes: { path: string; after?: unknown }[] }[] };
    expect(history.revisions[0]!.changes).toContainEqual({ path: 'mergedFrom', after: refs['b'] });
    const search = (await analyst.req('POST', '/api/v1/incidents/search', { q: 'defensor' })).json() as { hits: { id: string }[] };
    expect(search.hits.map((h) => h.id)).not.toContain(ids['b']);
    expect((await coordinator.req('POST', `/api/v1/incidents/${ids['a']}/merge`, { other: ids['b'], version: 2, otherVersion: 2 })).statusCode).toBe(404);
  });

  it('writes nothing users typed to the logs', () => {
    const text = ws.logs.join('\n');
    for (const s of [MARK, 'Tapachula', 'Coordinador Sol', 'defensor']) expect(text).not.toContain(s);
  });
});
