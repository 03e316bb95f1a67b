/**
 * Property tests over the API: thousands of generated requests — arbitrary JSON, valid incidents
 * with one field replaced by junk, and raw bytes — must never produce a 5xx, and whatever is
 * accepted must read back.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';

let ws: TestWorkspace;
let c: Client;
let existingId = '';
beforeAll(async () => {
  ws = await newWorkspace();
  c = new Client(ws.app);
  await c.login();
  existingId = (await c.req('POST', '/api/v1/incidents', fullIncident())).json().id;
});
afterAll(async () => { await ws.close(); });

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('2019-02-30', '9999-99-99', '', ' ', 'state.zz', 'threat', '__proto__', 'constructor', '\u0000', '\uD800', 'a'.repeat(400), -1, 1e308, null, true, [], {}),
);

type Json = Record<string, unknown> | unknown[];
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [prefix];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return [prefix, ...entries.flatMap(([k, x]) => paths(x, [...prefix, k]))];
}
function setAt(root: Json, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy: Json = Array.isArray(root) ? [...root] : { ...root };
  const [head, ...rest] = path;
  (copy as Record<string | number, unknown>)[head!] = setAt(((root as Record<string | number, unknown>)[head!] ?? {}) as Json, rest, value);
  return copy;
}

const valid = fullIncident('FUZZ');
const validPaths = paths(valid);
const endpoints = ['POST /api/v1/incidents', 'PUT /api/v1/incidents/:id', 'POST /api/v1/incidents/search', 'POST /api/v1/actors', 'POST /api/v1/actors/search', 'PUT /api/v1/drafts/:draft', 'POST /api/v1/users', 'PATCH /api/v1/users/:id', 'POST /api/v1/vocabularies/act/terms', 'POST /api/v1/auth/login', 'POST /api/v1/unseal', 'POST /api/v1/me/password',
  'PUT /api/v1/incidents/:id/shares', 'POST /api/v1/incidents/:id/reveal', 'POST /api/v1/incidents/scan-identifying', 'POST /api/v1/groups', 'PUT /api/v1/settings/identifying-fields',
  'POST /api/v1/stats/breakdown', 'POST /api/v1/stats/compare', 'POST /api/v1/stats/map', 'POST /api/v1/stats/patterns', 'PUT /api/v1/settings/patterns',
  'POST /api/v1/publication/open-data', 'PUT /api/v1/settings/open-data', 'POST /api/v1/reports'];

describe('API under generated input', () => {
  it('never answers 5xx to arbitrary JSON bodies on any endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), junk, async (ep, body) => {
        const [method, path] = ep.split(' ') as ['POST' | 'PUT' | 'PATCH', string];
        const url = path.replace(':id', existingId).replace(':draft', '11111111-2222-4333-8444-555555555555');
        const r = await c.req(method, url, body === undefined ? null : body);
        expect(r.statusCode, `${ep} ${JSON.stringify(body)?.slice(0, 200)} → ${r.body}`).toBeLessThan(500);
      }),
      { numRuns: 1200 },
    );
  });

  it('never answers 5xx to a valid incident with one field replaced by junk, and reads back what it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...validPaths), junk, fc.boolean(), async (path, value, update) => {
        const body = setAt(valid as unknown as Json, path, value);
        const r = update
          ? await c.req('PUT', `/api/v1/incidents/${existingId}`, { ...(body as object), version: (await c.req('GET', `/api/v1/incidents/${existingId}`)).json().version })
          : await c.req('POST', '/api/v1/incidents', body);
        expect(r.statusCode, `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 100)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode === 400) expect(r.json().problems?.length ?? 1).toBeGreaterThan(0);
        if (r.statusCode === 200 || r.statusCode === 201) {
          const g = await c.req('GET', `/api/v1/incidents/${r.json().id}`);
          expect(g.statusCode).toBe(200);
          expect(g.json().title).toBe(r.json().title);
        }
      }),
      { numRuns: 1200 },
    );
    // each accepted case is a real write (PostgreSQL, two workers sharing two cores: over a minute)
  }, 240_000);

  it('never answers 5xx to raw bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), fc.uint8Array({ maxLength: 300 }), fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded'), async (ep, bytes, type) => {
        const [method, path] = ep.split(' ') as ['POST' | 'PUT' | 'PATCH', string];
        const url = path.replace(':id', existingId).replace(':draft', '11111111-2222-4333-8444-555555555555');
        const r = await ws.app.inject({ method, url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': type }, payload: Buffer.from(bytes) });
        expect(r.statusCode).toBeLessThan(500);
      }),
      { numRuns: 600 },
    );
  });

  it('never answers 5xx to odd URLs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'DELETE', 'PUT'), fc.constantFrom('/api/v1/incidents/', '/api/v1/actors/', '/api/v1/drafts/', '/api/v1/incidents/x/history/', '/api/v1/vocabularies/act/terms/'), fc.string({ maxLength: 40 }), async (method, prefix, tail) => {
        const r = await c.req(method as 'GET', prefix + encodeURIComponent(tail) + (method === 'DELETE' ? '?version=abc' : ''));
        expect(r.statusCode).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
  });
});
