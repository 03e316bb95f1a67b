/**
 * The check-in API under generated input: a valid plan with one field replaced by junk, a check-in
 * with a junk body or a junk plan id, a duress code with a junk code, and arbitrary JSON on every
 * route never give a 5xx; an accepted plan reads back as sent (instants as UTC, text trimmed).
 * Clients are replaced every few requests: the routes' rate limits count per address.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';

let ws: TestWorkspace;
let admin: Client;
let contact = '';
let planId = '';
let sent = 0;
let client: Client;
const PASSWORD = 'definitiva-12345';

/** A signed-in client for the defender, a fresh one (own address) every 20 requests. */
async function c(): Promise<Client> {
  if (sent++ % 20 === 0) {
    client = new Client(ws.app);
    expect((await client.login('defensora@example.org', PASSWORD)).statusCode).toBe(200);
  }
  return client;
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  await userWithRole(ws, admin, 'documenter', 'defensora@example.org');
  const other = await admin.req('POST', '/api/v1/users', { email: 'contacto@example.org', displayName: 'Contacto', role: 'viewer', password: 'temporal-12345' });
  contact = (other.json() as { id: string }).id;
  const p = await (await c()).req('POST', '/api/v1/checkins', { firstDueAt: new Date(Date.now() + 3600_000).toISOString(), everyMinutes: 15, contacts: [contact] });
  expect(p.statusCode, p.body).toBe(201);
  planId = (p.json() as { id: string }).id;
}, 60_000);
afterAll(async () => { await ws.close(); });

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', 'a'.repeat(6000), -1, 0, 14, 15, 10_081, 1441, 2.5, 1e308, null, true, [], {}, '__proto__',
    '2026-02-30T10:00:00Z', '2999-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2026-05-01T10:00', '00000000-0000-4000-8000-000000000000'),
);
const valid = () => ({
  purpose: '  Caravana al norte ', firstDueAt: new Date(Date.now() + 2 * 3600_000).toISOString(), everyMinutes: 120,
  endsAt: new Date(Date.now() + 48 * 3600_000).toISOString(), graceMinutes: 20, contacts: [contact],
});
const PATHS: (string | number)[][] = [['purpose'], ['firstDueAt'], ['everyMinutes'], ['endsAt'], ['graceMinutes'], ['contacts'], ['contacts', 0], ['contacts', 1], ['extra']];
function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head!] = setAt(copy[head!] ?? {}, rest, value);
  return copy;
}
interface Plan { id: string; purpose?: string; firstDueAt: string; everyMinutes?: number; endsAt?: string; graceMinutes: number; contacts: { id: string }[] }
const plans = async () => ((await (await c()).req('GET', '/api/v1/checkins')).json() as { items: Plan[] }).items;

describe('check-in API under generated input', () => {
  it('never answers 5xx to a plan with one field replaced, and reads back what it accepts', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), junk, async (path, value) => {
        const before = (await plans()).length;
        const body = setAt(valid(), path, value) as ReturnType<typeof valid>;
        const r = await (await c()).req('POST', '/api/v1/checkins', body);
        expect(r.statusCode, `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 100)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode === 400) expect(r.json().problems.length).toBeGreaterThan(0);
        const after = await plans();
        if (r.statusCode === 201) {
          accepted++;
          expect(after).toHaveLength(before + 1);
          const back = after.find((p) => p.id === (r.json() as { id: string }).id)!;
          const iso = (v: unknown) => (typeof v === 'string' ? new Date(v).toISOString() : undefined);
          expect(back.firstDueAt).toBe(iso(body.firstDueAt));
          expect(back.endsAt).toBe(iso(body.endsAt));
          expect(back.purpose).toBe(typeof body.purpose === 'string' && body.purpose.trim() ? body.purpose.trim() : undefined);
          expect(back.everyMinutes).toBe(body.everyMinutes);
          expect(back.graceMinutes).toBe(body.graceMinutes ?? 30);
          expect(back.contacts.map((x) => x.id)).toEqual([contact]);
        } else expect(after).toHaveLength(before);
      }),
      { numRuns: 200 },
    );
    // some junk is still a valid plan (a purpose, a contact list with the contact): the read-back was exercised
    expect(accepted).toBeGreaterThan(0);
  });

  it('never answers 5xx to check-ins with junk bodies or junk plan ids', async () => {
    await fc.assert(
      fc.asyncProperty(junk, fc.oneof(fc.constant(planId), fc.string({ maxLength: 40 }), fc.uuid()), async (body, id) => {
        const r = await (await c()).req('POST', `/api/v1/checkins/${encodeURIComponent(id)}/check-in`, { code: body });
        expect(r.statusCode, r.body).toBeLessThan(500);
        if (r.statusCode === 200) expect(Object.keys(r.json() as object).sort()).toEqual(['at', 'nextDueAt', 'status']);
        const raw = await (await c()).req('POST', `/api/v1/checkins/${planId}/check-in`, body === undefined ? null : body);
        expect(raw.statusCode, raw.body).toBeLessThan(500);
        const end = await (await c()).req('POST', `/api/v1/checkins/${encodeURIComponent(id)}/end`, body === undefined ? null : body);
        expect(end.statusCode, end.body).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('never answers 5xx to duress codes with junk, or arbitrary bodies', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(junk, junk, async (code, body) => {
        const r = await (await c()).req('PUT', '/api/v1/checkins/duress-code', { code, password: PASSWORD });
        statuses.add(r.statusCode);
        expect(r.statusCode, r.body).toBeLessThan(500);
        if (r.statusCode === 400) expect(r.json().problems[0].path).toBe('code');
        for (const method of ['PUT', 'DELETE', 'POST'] as const) {
          const x = await (await c()).req(method, method === 'POST' ? '/api/v1/checkins' : '/api/v1/checkins/duress-code', body === undefined ? null : body);
          expect(x.statusCode, x.body).toBeLessThan(500);
        }
      }),
      { numRuns: 40 },
    );
    expect([...statuses].sort()).toEqual([200, 400]);
  });
});
