/**
 * The gazetteer API under generated input: a valid lookup or locate body with one field replaced by
 * junk, arbitrary text as the name, arbitrary JSON as the body — never a 5xx, a 400 always lists
 * its problems, and what is accepted answers within the limit, the country and the state asked for.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';

let ws: TestWorkspace;
let c: Client;
let sent = 0;
beforeAll(async () => {
  ws = await newWorkspace();
});
afterAll(async () => { await ws.close(); });

/** Each client (its own address) sends at most 100 requests: under the routes' limit of 120 a minute, so no answer is a 429. */
async function post(url: string, body: unknown) {
  if (sent++ % 100 === 0) {
    c = new Client(ws.app);
    await c.login();
  }
  const r = await c.req('POST', url, body);
  expect(r.statusCode, 'rate limited: the test sent too much from one address').not.toBe(429);
  return r;
}

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', 'a'.repeat(6000), -1, 0, 1, 50, 51, 2.5, -90, 90.0001, 180, -180.5, 1e308, null, true, [], {}, '__proto__', 'MX', 'mx', 'MX-CHH', 'MX-XXX', 'US-TX', 'ZZ'),
);
interface Answer { candidates: { kind: string; country: string; state?: string; match: string }[]; ambiguous: boolean }

function checkLookup(sent: Record<string, unknown>, status: number, body: string): void {
  expect(status, `${JSON.stringify(sent)?.slice(0, 200)} → ${body.slice(0, 300)}`).toBeLessThan(500);
  if (status === 400) expect(JSON.parse(body).problems.length).toBeGreaterThan(0);
  if (status !== 200) return;
  const a = JSON.parse(body) as Answer;
  expect(typeof a.ambiguous).toBe('boolean');
  expect(a.candidates.length).toBeLessThanOrEqual(typeof sent.limit === 'number' ? sent.limit : 10);
  if (!a.candidates.length) expect(a.ambiguous).toBe(false);
  for (const x of a.candidates) {
    expect(['country', 'state', 'municipality', 'locality']).toContain(x.kind);
    if (typeof sent.country === 'string') expect(x.country).toBe(sent.country);
    if (typeof sent.state === 'string') expect(x.state).toBe(sent.state);
  }
}

describe('places API under generated input', () => {
  it('lookup: one field junk — never 5xx, answers within what was asked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('q', 'country', 'state', 'limit', 'extra'), junk, async (field, value) => {
        const sent: Record<string, unknown> = { q: 'San Juan', country: 'MX', state: 'MX-CHP', limit: 5, [field]: value };
        const r = await post('/api/v1/places/lookup', sent);
        checkLookup(sent, r.statusCode, r.body);
      }),
      { numRuns: 200 },
    );
  });

  it('lookup: any text as the name, with or without filters — never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 130 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('Cd. Juárez, Chih.', 'La Ceiba, La', ', , ,', '(', 'a (b (c))', 'Ciudad Hidalgo, Suchiate, Chiapas, México', 'el', 'México, Guatemala')),
        fc.option(fc.constantFrom('MX', 'GT', 'HN', 'SV', 'US', 'ES'), { nil: undefined }),
        fc.option(fc.constantFrom('MX-CHP', 'MX-CHH', 'GT-01', 'US-TX'), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
        async (q, country, state, limit) => {
          const sent: Record<string, unknown> = { q, ...(country ? { country } : {}), ...(state ? { state } : {}), ...(limit ? { limit } : {}) };
          const r = await post('/api/v1/places/lookup', sent);
          checkLookup(sent, r.statusCode, r.body);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('locate: one coordinate junk, or any pair of numbers — never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(fc.constantFrom('lat', 'lon', 'extra'), junk).map(([field, value]) => ({ lat: 14.9, lon: -92.26, [field]: value })),
          fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }),
        ),
        async (sent) => {
          const r = await post('/api/v1/places/locate', sent);
          expect(r.statusCode, `${JSON.stringify(sent)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
          if (r.statusCode === 400) expect(r.json().problems.length).toBeGreaterThan(0);
          if (r.statusCode === 200) expect(['checked', 'not_covered', 'unavailable']).toContain(r.json().states);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never answers 5xx to arbitrary bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/v1/places/lookup', '/api/v1/places/locate'), junk, async (url, body) => {
        const r = await post(url, body === undefined ? null : body);
        expect(r.statusCode, r.body).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});
