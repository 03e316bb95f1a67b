/**
 * The duplicates API under generated input: the period search, "not a duplicate" and merging, each
 * with one field of a valid request replaced by junk, arbitrary JSON bodies and arbitrary ids in the
 * URL, never give a 5xx, and a 400 always lists its problems; what is accepted holds (a dismissed
 * pair is no longer suggested; a merged incident says where it went, the other kept its parts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';

let ws: TestWorkspace;
let c: Client;
const ids: string[] = [];

beforeAll(async () => {
  ws = await newWorkspace();
  c = new Client(ws.app);
  await c.login();
  for (let i = 0; i < 4; i++) {
    const r = await c.req('POST', '/api/v1/incidents', fullIncident(`fuzz${i}`));
    expect(r.statusCode, r.body).toBe(201);
    ids.push((r.json() as { id: string }).id);
  }
});
afterAll(async () => { await ws.close(); });

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', 'a'.repeat(6000), -1, 0, 1, 1.5, 31, 32, 1001, 1e308, null, true, false, [], {}, '__proto__', '2026', '2026-02-30', '2026-07', '1899',
    ['MX'], ['mx'], ['MX-COA'], ['XX-'], '00000000-0000-4000-8000-000000000000'),
);
function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head!] = setAt(copy[head!] ?? {}, rest, value);
  return copy;
}
const version = async (id: string) => ((await c.req('GET', `/api/v1/incidents/${id}`)).json() as { version?: number }).version;
const live = async (id: string) => (await c.req('GET', `/api/v1/incidents/${id}`)).statusCode === 200;

describe('duplicates API under generated input', () => {
  it('never answers 5xx to a period search with one field replaced', async () => {
    const PATHS: (string | number)[][] = [['from'], ['to'], ['country'], ['country', 0], ['state'], ['state', 0], ['windowDays'], ['page'], ['pageSize'], ['extra']];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), junk, async (path, value) => {
        const body = setAt({ from: '2026-07', to: '2026-08', country: ['MX'], state: ['MX-COA'], windowDays: 7, page: 1, pageSize: 20 }, path, value);
        const r = await c.req('POST', '/api/v1/duplicates/search', body);
        expect(r.statusCode, `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 100)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode === 400) expect(r.json().problems.length).toBeGreaterThan(0);
        if (r.statusCode === 200) expect(r.json()).toMatchObject({ total: expect.any(Number), items: expect.any(Array) });
      }),
      { numRuns: 200 },
    );
  });

  it('never answers 5xx to a dismissal with one field replaced; a dismissed pair is no longer suggested', async () => {
    const PATHS: (string | number)[][] = [['a'], ['b'], ['extra']];
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), fc.oneof(junk, fc.constantFrom(...ids)), async (path, value) => {
        const body = setAt({ a: ids[0], b: ids[1] }, path, value);
        const r = await c.req('POST', '/api/v1/duplicates/dismiss', body);
        expect(r.statusCode, `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 100)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode === 400) expect(r.json().problems.length).toBeGreaterThan(0);
        if (r.statusCode === 204) {
          accepted++;
          const { a, b } = body as { a: string; b: string };
          const s = (await c.req('GET', `/api/v1/incidents/${a}/duplicates`)).json() as { items: { incident: { id: string } }[] };
          expect(s.items.map((x) => x.incident.id)).not.toContain(b);
        }
      }),
      { numRuns: 150 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('never answers 5xx to a merge with one field replaced; an accepted merge says where the other went', async () => {
    const PATHS: (string | number)[][] = [['other'], ['version'], ['otherVersion'], ['extra']];
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), fc.oneof(junk, fc.constantFrom(...ids)), async (path, value) => {
        const [keep, other] = [ids[2]!, ids[3]!];
        const body = setAt({ other, version: (await version(keep)) ?? 1, otherVersion: (await version(other)) ?? 1 }, path, value);
        const r = await c.req('POST', `/api/v1/incidents/${keep}/merge`, body);
        expect(r.statusCode, `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 100)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode === 400) expect(r.json().problems.length).toBeGreaterThan(0);
        if (r.statusCode === 200) {
          accepted++;
          const gone = (body as { other: string }).other;
          expect(await live(gone)).toBe(false);
          const where = await c.req('GET', `/api/v1/incidents/${gone}/merges`);
          expect(where.json()).toMatchObject({ mergedInto: { id: keep } });
          // a fresh incident to merge next time
          const n = await c.req('POST', '/api/v1/incidents', fullIncident('fuzz-next'));
          ids[ids.indexOf(gone)] = (n.json() as { id: string }).id;
        }
      }),
      { numRuns: 150 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('never answers 5xx to arbitrary bodies and ids', async () => {
    const routes = () => [
      ['POST', '/api/v1/duplicates/search'], ['POST', '/api/v1/duplicates/dismiss'], ['POST', `/api/v1/incidents/${ids[0]}/merge`],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 }), junk, async (i, body) => {
        const [method, url] = routes()[i]!;
        const r = await c.req(method, url, body === undefined ? null : body);
        expect(r.statusCode, `${method} ${url} ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode === 400 && r.json().problems) expect(r.json().problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (a) => {
        for (const url of [`/api/v1/incidents/${encodeURIComponent(a)}/duplicates`, `/api/v1/incidents/${encodeURIComponent(a)}/merges`]) {
          const r = await c.req('GET', url);
          expect(r.statusCode, `${url} ${r.body}`).toBeLessThan(500);
        }
        const m = await c.req('POST', `/api/v1/incidents/${encodeURIComponent(a) || 'x'}/merge`, { other: ids[0], version: 1, otherVersion: 1 });
        expect(m.statusCode).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});
