/**
 * The alert and protection-measure API under generated input: valid settings with one field
 * replaced by junk, arbitrary bodies, ids and query strings never give a 5xx; settings that are
 * accepted read back as sent (trimmed), without any secret; a refused change leaves them as they were.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';

let ws: TestWorkspace;
let c: Client;
let me = '';
let hookId = '';
beforeAll(async () => {
  ws = await newWorkspace();
  c = new Client(ws.app);
  await c.login();
  const s = (await c.req('GET', '/api/v1/alerts/settings')).json() as { people: { id: string }[] };
  me = s.people[0]!.id;
  const put = await c.req('PUT', '/api/v1/alerts/settings', valid());
  expect(put.statusCode, put.body).toBe(200);
  hookId = (put.json() as { webhooks: { id: string }[] }).webhooks[0]!.id;
});
afterAll(async () => { await ws.close(); });

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', 'a'.repeat(6000), -1, 0, 1, 65536, 2.5, 1e308, null, true, [], {}, '__proto__', 'javascript:alert(1)', 'http://', 'https://u:p@x.example', 'https://x.example/?q=1', 'http://[::1]:99999/', 'ftp://x', 'none', 'tls', 'a@b', '00000000-0000-4000-8000-000000000000'),
);
const valid = () => ({
  baseUrl: 'https://bitacora.example.org', responders: [me], renewalDays: 30,
  email: { enabled: false, host: 'smtp.example.org', port: 587, tls: 'starttls', user: 'alertas', from: 'alertas@example.org', password: 'contraseña del servidor' },
  webhooks: [{ ...(hookId ? { id: hookId } : {}), name: 'Puente', url: 'https://hook.example.org/x?room=1', enabled: true }],
});
const PATHS: (string | number)[][] = [
  ['baseUrl'], ['responders'], ['responders', 0], ['responders', 1], ['renewalDays'], ['email'], ['email', 'enabled'], ['email', 'host'], ['email', 'port'], ['email', 'tls'],
  ['email', 'user'], ['email', 'from'], ['email', 'password'], ['webhooks'], ['webhooks', 0], ['webhooks', 0, 'id'], ['webhooks', 0, 'name'], ['webhooks', 0, 'url'],
  ['webhooks', 0, 'enabled'], ['webhooks', 0, 'secret'], ['webhooks', 1], ['extra'],
];
function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head!] = setAt(copy[head!] ?? {}, rest, value);
  return copy;
}
const current = async () => (await c.req('GET', '/api/v1/alerts/settings')).body;

describe('alert API under generated input', () => {
  it('never answers 5xx to settings, reads back what it accepts and keeps what it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), junk, async (path, value) => {
        const before = await current();
        const body = setAt(valid(), path, value);
        const r = await c.req('PUT', '/api/v1/alerts/settings', body);
        expect(r.statusCode, `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 100)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode === 400) {
          expect(r.json().problems.length).toBeGreaterThan(0);
          expect(await current()).toBe(before);
        }
        if (r.statusCode === 200) {
          const back = (await c.req('GET', '/api/v1/alerts/settings')).json() as { renewalDays: number; webhooks: { id: string; name: string; url: string }[]; email?: Record<string, unknown> };
          const sent = body as { renewalDays: number; webhooks: { name: string; url: string }[] };
          expect(back.renewalDays).toBe(sent.renewalDays);
          expect(back.webhooks.map((w) => [w.name, w.url])).toEqual(sent.webhooks.map((w) => [w.name.trim(), w.url.trim()]));
          expect(JSON.stringify(back)).not.toMatch(/contraseña del servidor|Sealed|"password"|"secret"/);
          // keep the first webhook's id for the next run
          hookId = back.webhooks[0]?.id ?? '';
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never answers 5xx to arbitrary bodies, ids and queries', async () => {
    await fc.assert(
      fc.asyncProperty(junk, fc.string({ maxLength: 40 }), async (body, text) => {
        for (const [method, url] of [['PUT', '/api/v1/alerts/settings'], ['POST', '/api/v1/alerts/test'], ['POST', `/api/v1/alerts/${encodeURIComponent(text)}/read`], ['POST', '/api/v1/alerts/00000000-0000-4000-8000-000000000000/read']] as const) {
          const r = await c.req(method, url, body === undefined ? null : body);
          expect(r.statusCode, `${method} ${url} ${r.body}`).toBeLessThan(500);
        }
        for (const url of [`/api/v1/protection-measures?status=${encodeURIComponent(text)}`, `/api/v1/protection-measures?due=${encodeURIComponent(text)}`, `/api/v1/protection-measures?${encodeURIComponent(text)}=1`, '/api/v1/alerts', '/api/v1/alerts/deliveries']) {
          const r = await c.req('GET', url);
          expect(r.statusCode, `${url} ${r.body}`).toBeLessThan(500);
        }
      }),
      { numRuns: 60 },
    );
  });
});
