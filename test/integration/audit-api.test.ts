/** The audit log API against a real encrypted workspace: what gets recorded, browsing it, checking its chain. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import fc from 'fast-check';
import { newWorkspace, Client, userWithRole, PASSPHRASE, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';

interface Entry { seq: number; at: string; user: { id: string; name: string | null } | null; action: string; target: { type: string; id: string | null; name?: string } | null; detail: Record<string, unknown> | null }
interface Page { entries: Entry[]; next: number | null }

let ws: TestWorkspace;
let admin: Client;
let coordinator: Client;
let documenter: Client;
let incidentId: string;
let documenterId: string;

async function page(c: Client, query = ''): Promise<Page> {
  const r = await c.req('GET', `/api/v1/audit${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Page;
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  coordinator = await userWithRole(ws, admin, 'coordinator');
  documenter = await userWithRole(ws, admin, 'documenter');
  documenterId = ((await admin.req('GET', '/api/v1/users')).json() as { users: { id: string; role: string }[] }).users.find((u) => u.role === 'documenter')!.id;

  const inc = await documenter.req('POST', '/api/v1/incidents', fullIncident('SECRETO'));
  expect(inc.statusCode, inc.body).toBe(201);
  incidentId = inc.json().id;
  expect((await documenter.req('POST', `/api/v1/incidents/${incidentId}/reveal`, { paths: ['victims[0].actor.realName'] })).statusCode).toBe(200);
  const draft = '6f1c2b8e-4a57-4e0b-9d3e-2f1a0c9b8d7e';
  expect((await documenter.req('PUT', `/api/v1/drafts/${draft}`, { data: { title: 'Borrador SECRETO' } })).statusCode).toBe(200);
  expect((await documenter.req('PUT', `/api/v1/drafts/${draft}`, { data: { title: 'Borrador SECRETO 2' } })).statusCode).toBe(200);
  expect((await documenter.req('DELETE', `/api/v1/drafts/${draft}`)).statusCode).toBe(204);
  expect((await admin.req('POST', '/api/v1/vocabularies/act/terms', { label: { es: 'Término SECRETO', en: 'SECRETO term' } })).statusCode).toBe(201);
  expect((await new Client(ws.app).login('documenter@example.org', 'contraseña equivocada SECRETO')).statusCode).toBe(401);
});
afterAll(async () => { await ws.close(); });

describe('audit API', () => {
  it('records writes, reads of identifying values, drafts, sign-ins and failures, with names and ids but no values', async () => {
    const { entries } = await page(admin, '?limit=200');
    const actions = entries.map((e) => e.action);
    for (const a of ['vocabulary.synced', 'workspace.setup', 'auth.login', 'auth.login_failed', 'user.created', 'user.password_changed', 'incident.created', 'identifying.revealed', 'draft.created', 'draft.deleted', 'vocabulary.term_added']) expect(actions, a).toContain(a);
    // one entry for the draft being started, none for each autosave
    expect(actions.filter((a) => a === 'draft.created')).toHaveLength(1);
    // newest first, contiguous
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => entries[0]!.seq - i));
    const reveal = entries.find((e) => e.action === 'identifying.revealed')!;
    expect(reveal).toMatchObject({ user: { id: documenterId, name: 'documenter' }, target: { type: 'incident', id: incidentId }, detail: { paths: ['victims[0].actor.realName'] } });
    const created = entries.find((e) => e.action === 'user.created' && e.target?.id === documenterId)!;
    expect(created).toMatchObject({ user: { name: 'Rosa (admin)' }, target: { type: 'user', name: 'documenter' }, detail: { role: 'documenter' } });
    // nothing anyone typed: not in the answer, not in the stored rows
    const stored = await ws.vault.runtime().store.db.selectFrom('audit_events').selectAll().execute();
    expect(JSON.stringify(entries)).not.toMatch(/SECRETO|equivocada/);
    expect(JSON.stringify(stored)).not.toMatch(/SECRETO|equivocada/);
  });

  it('filters by action, family, user, target and time', async () => {
    const logins = await page(admin, '?action=auth.login');
    expect(logins.entries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(logins.entries.map((e) => e.action))).toEqual(new Set(['auth.login']));
    const auth = await page(admin, '?action=auth');
    expect(new Set(auth.entries.map((e) => e.action))).toEqual(new Set(['auth.login', 'auth.login_failed']));
    expect((await page(admin, '?action=auth.*')).entries).toEqual(auth.entries);
    const mine = await page(admin, `?user=${documenterId}`);
    expect(mine.entries.length).toBeGreaterThan(3);
    expect(mine.entries.every((e) => e.user?.id === documenterId)).toBe(true);
    const onIncident = await page(admin, `?targetType=incident&targetId=${incidentId}`);
    expect(onIncident.entries.map((e) => e.action).sort()).toEqual(['identifying.revealed', 'incident.created']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await page(admin, `?from=${today}&to=${today}&action=incident.created`)).entries).toHaveLength(1);
    expect((await page(admin, '?to=2000-01-01')).entries).toEqual([]);
    expect((await page(admin, `?from=${new Date(Date.now() + 86_400_000).toISOString()}`)).entries).toEqual([]);
  });

  it('pages on with a cursor, without gaps or repeats', async () => {
    const all = await page(admin, '?limit=200');
    const seen: number[] = [];
    let next: number | null = null;
    do {
      const p: Page = await page(admin, `?limit=4${next ? `&before=${next}` : ''}`);
      expect(p.entries.length).toBeLessThanOrEqual(4);
      seen.push(...p.entries.map((e) => e.seq));
      next = p.next;
    } while (next);
    expect(seen).toEqual(all.entries.map((e) => e.seq).filter((s) => s <= seen[0]!));
    expect(seen.at(-1)).toBe(1);
  });

  it('rejects bad filters naming the parameter', async () => {
    for (const q of ['?action=DROP%20TABLE', '?user=nadie', '?from=ayer', '?limit=5000', '?targetId=%3Cscript%3E', '?colour=red']) {
      const r = await admin.req('GET', `/api/v1/audit${q}`);
      expect(r.statusCode, q).toBe(400);
    }
    expect((await admin.req('GET', '/api/v1/audit?user=nadie')).json().problems[0].path).toBe('query.user');
  });

  it('never answers 5xx to generated filters or verify bodies', async () => {
    const keys = fc.constantFrom('action', 'user', 'targetType', 'targetId', 'from', 'to', 'before', 'limit', 'colour');
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('auth', 'auth.*', '2026-02-30', '9999-99-99T99:99Z', '-1', '0', '1e308', '__proto__', '%00', 'a'.repeat(300)));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(keys, value, { maxKeys: 4 }), async (q) => {
        const r = await admin.req('GET', `/api/v1/audit?${new URLSearchParams(q).toString()}`);
        expect(r.statusCode, JSON.stringify(q)).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    const other = new Client(ws.app); // its own address: verify is rate-limited per address
    await other.login();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (body) => {
        const r = await other.req('POST', '/api/v1/audit/verify', body);
        expect(r.statusCode, JSON.stringify(body)).toBeLessThan(500);
      }),
      { numRuns: 20 },
    );
  });

  it('lets admins and coordinators read it, and only admins check the chain', async () => {
    const analyst = await userWithRole(ws, admin, 'analyst');
    expect((await coordinator.req('GET', '/api/v1/audit')).statusCode).toBe(200);
    expect((await coordinator.req('POST', '/api/v1/audit/verify')).statusCode).toBe(403);
    for (const c of [documenter, analyst]) {
      expect((await c.req('GET', '/api/v1/audit')).statusCode).toBe(403);
      expect((await c.req('POST', '/api/v1/audit/verify')).statusCode).toBe(403);
    }
    expect((await new Client(ws.app).req('GET', '/api/v1/audit')).statusCode).toBe(401);
  });

  it('checks the chain, records the check, and names an edited entry', async () => {
    const ok = await admin.req('POST', '/api/v1/audit/verify');
    expect(ok.statusCode, ok.body).toBe(200);
    const count = ok.json().count as number;
    expect(ok.json()).toMatchObject({ ok: true, head: { seq: count } });
    const last = (await page(admin, '?limit=1')).entries[0]!;
    expect(last).toMatchObject({ seq: count + 1, action: 'audit.verified', detail: { ok: true, count } });

    // a head written down earlier must still be in the chain; a made-up one is reported
    expect((await admin.req('POST', '/api/v1/audit/verify', { anchor: ok.json().head })).json()).toMatchObject({ ok: true });
    expect((await admin.req('POST', '/api/v1/audit/verify', { anchor: { seq: 1, hash: 'ab'.repeat(32) } })).json()).toMatchObject({ ok: false, problem: { kind: 'edited', seq: 1 } });

    await sql`UPDATE audit_events SET detail = ${JSON.stringify({ paths: ['sources[0].testimony'] })} WHERE action = 'identifying.revealed'`.execute(ws.vault.runtime().store.db);
    const bad = await admin.req('POST', '/api/v1/audit/verify');
    expect(bad.statusCode).toBe(200);
    const seq = (await page(admin, '?action=identifying.revealed')).entries[0]!.seq;
    expect(bad.json()).toMatchObject({ ok: false, problem: { kind: 'edited', seq } });
  });

  it('records sealing and unsealing', async () => {
    expect((await admin.req('POST', '/api/v1/seal')).statusCode).toBe(200);
    expect((await ws.app.inject({ method: 'POST', url: '/api/v1/unseal', payload: { passphrase: PASSPHRASE } })).statusCode).toBe(200);
    const again = new Client(ws.app);
    await again.login();
    const actions = (await page(again, '?action=vault')).entries.map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['vault.unsealed', 'vault.sealed']);
    expect((await page(again, '?action=vault.unsealed')).entries[0]).toMatchObject({ user: null, detail: { with: 'passphrase' } });
  });
});
