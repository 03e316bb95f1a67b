/**
 * The risk-assessment API under generated input: a valid assessment with one field replaced by
 * junk, and arbitrary JSON, never gives a 5xx; what is accepted reads back as the new latest
 * version with the factors as sent (trimmed).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';

let ws: TestWorkspace;
let c: Client;
let actor = '';
let incident = '';
beforeAll(async () => {
  ws = await newWorkspace();
  c = new Client(ws.app);
  await c.login();
  const r = (await c.req('POST', '/api/v1/incidents', fullIncident())).json() as { id: string; victims: { actorId: string }[] };
  incident = r.id;
  actor = r.victims[0]!.actorId;
});
afterAll(async () => { await ws.close(); });

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', 'a'.repeat(6000), -1, 0, 6, 2.5, 1e308, null, true, [], {}, '__proto__', '2026-02-30', '00000000-0000-4000-8000-000000000000'),
);
const valid = () => ({
  threats: [{ description: 'Amenaza', level: 4, evidence: 'Llamadas', incidents: [incident] }],
  vulnerabilities: [{ description: 'Sin cerradura', level: 3 }],
  capacities: [{ description: 'Red', level: 2 }],
  summary: 'Medidas', nextReview: '2026-12-01',
});
const PATHS: (string | number)[][] = [
  ['threats'], ['threats', 0], ['threats', 0, 'description'], ['threats', 0, 'level'], ['threats', 0, 'evidence'], ['threats', 0, 'incidents'], ['threats', 0, 'incidents', 0],
  ['vulnerabilities'], ['vulnerabilities', 0, 'level'], ['capacities'], ['capacities', 0], ['summary'], ['nextReview'], ['replaces'], ['extra'],
];
function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head!] = setAt(copy[head!] ?? {}, rest, value);
  return copy;
}
const latest = async () => ((await c.req('GET', `/api/v1/actors/${actor}/risk`)).json() as { history: { version: number }[] }).history[0]?.version ?? 0;

describe('risk API under generated input', () => {
  it('never answers 5xx, and reads back what it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), junk, async (path, value) => {
        const before = await latest();
        const body = setAt({ ...valid(), replaces: before }, path, value);
        const r = await c.req('POST', `/api/v1/actors/${actor}/risk`, body);
        expect(r.statusCode, `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 100)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode === 400) expect(r.json().problems.length).toBeGreaterThan(0);
        if (r.statusCode === 201) {
          expect(await latest()).toBe(before + 1);
          const back = (await c.req('GET', `/api/v1/actors/${actor}/risk/${before + 1}`)).json() as { assessment: { threats: { description: string; level: number }[] } };
          const sent = (body as { threats: { description: string; level: number }[] }).threats;
          expect(back.assessment.threats.map((f) => [f.description, f.level])).toEqual(sent.map((f) => [f.description.trim(), f.level]));
        } else expect(await latest()).toBe(before);
      }),
      { numRuns: 250 },
    );
  });

  it('never answers 5xx to arbitrary bodies', async () => {
    await fc.assert(
      fc.asyncProperty(junk, async (body) => {
        const r = await c.req('POST', `/api/v1/actors/${actor}/risk`, body === undefined ? null : body);
        expect(r.statusCode, r.body).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});
