/**
 * The urgent-case API under generated input: opening, the checklist, notes, the owner, campaigns
 * and closing, each with one field of a valid request replaced by junk, and arbitrary JSON, never
 * give a 5xx; what is accepted reads back (a case opened is there, a note written is listed).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';

let ws: TestWorkspace;
let c: Client;
let incident = '';
let caseId = '';
let stepId = '';
let campaignId = '';
beforeAll(async () => {
  ws = await newWorkspace();
  c = new Client(ws.app);
  await c.login();
  incident = ((await c.req('POST', '/api/v1/incidents', fullIncident())).json() as { id: string }).id;
  const r = await c.req('POST', `/api/v1/incidents/${incident}/urgent`, { kind: 'detention' });
  expect(r.statusCode, r.body).toBe(201);
  caseId = (r.json() as { id: string }).id;
  stepId = (r.json() as { steps: { id: string }[] }).steps[0]!.id;
  const k = await c.req('POST', `/api/v1/urgent/${caseId}/campaigns`, { title: 'Campaña', actions: [{ kind: 'petition' }] });
  expect(k.statusCode, k.body).toBe(201);
  campaignId = (k.json() as { id: string }).id;
});
afterAll(async () => { await ws.close(); });

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', 'a'.repeat(6000), -1, 0, 1.5, 8761, 1e308, null, true, false, [], {}, '__proto__', 'custom', 'detention',
    '2026-02-30', '2026-03', '2026-03-05T10:00:00Z', '2026-03-05T10:00', '1999-01-01T00:00:00Z', '00000000-0000-4000-8000-000000000000'),
);
function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head!] = setAt(copy[head!] ?? {}, rest, value);
  return copy;
}
const read = async () => (await c.req('GET', `/api/v1/urgent/${caseId}`)).json() as { version: number; notes: unknown[]; status: string; campaigns: { id: string; version: number }[] };

interface Target { method: 'POST' | 'PATCH' | 'PUT'; url: () => string; valid: () => Promise<unknown>; paths: (string | number)[][] }
const TARGETS: Target[] = [
  { method: 'POST', url: () => `/api/v1/urgent/${caseId}/steps`, valid: async () => ({ code: 'custom', label: 'Paso propio', dueAt: '2026-03-05T10:00:00Z' }), paths: [['code'], ['label'], ['dueAt'], ['extra']] },
  { method: 'PATCH', url: () => `/api/v1/urgent/${caseId}/steps/${stepId}`, valid: async () => ({ done: true, note: 'nota', dueAt: '2026-03-05T10:00:00-06:00' }), paths: [['done'], ['note'], ['dueAt'], ['extra']] },
  { method: 'POST', url: () => `/api/v1/urgent/${caseId}/notes`, valid: async () => ({ body: 'Una nota' }), paths: [['body'], ['extra']] },
  { method: 'POST', url: () => `/api/v1/urgent/${caseId}/owner`, valid: async () => ({ ownerId: (await read() as unknown as { owner: { id: string } }).owner.id }), paths: [['ownerId'], ['extra']] },
  {
    method: 'POST', url: () => `/api/v1/urgent/${caseId}/campaigns`,
    valid: async () => ({ title: 'Campaña', started: '2026-03', ended: '2026-04', outcome: 'achieved', actions: [{ date: '2026-03-05', kind: 'statement', description: 'Comunicado' }] }),
    paths: [['title'], ['started'], ['ended'], ['outcome'], ['actions'], ['actions', 0], ['actions', 0, 'date'], ['actions', 0, 'kind'], ['actions', 0, 'description'], ['extra']],
  },
  {
    method: 'PUT', url: () => `/api/v1/campaigns/${campaignId}`,
    valid: async () => ({ title: 'Campaña', actions: [{ kind: 'petition' }], version: (await read()).campaigns.find((k) => k.id === campaignId)!.version }),
    paths: [['title'], ['actions', 0, 'kind'], ['version'], ['outcome'], ['extra']],
  },
];

describe('urgent API under generated input', () => {
  it('never answers 5xx to a valid change with one field replaced, and keeps what it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: TARGETS.length - 1 }).chain((i) => fc.tuple(fc.constant(i), fc.constantFrom(...TARGETS[i]!.paths))), junk, async ([i, path], value) => {
        const t = TARGETS[i]!;
        const before = await read();
        const body = setAt(await t.valid(), path, value);
        const r = await c.req(t.method, t.url(), body);
        expect(r.statusCode, `${t.method} ${t.url()} ${path.join('.')} = ${JSON.stringify(value)?.slice(0, 100)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode === 400) expect(r.json().problems.length).toBeGreaterThan(0);
        const after = await read();
        if (r.statusCode < 300) {
          expect(after.version).toBeGreaterThan(before.version);
          if (t.url().endsWith('/notes')) expect(after.notes.length).toBe(before.notes.length + 1);
        } else expect(after.version).toBe(before.version);
      }),
      { numRuns: 300 },
    );
  });

  it('never answers 5xx when opening with junk, and each case opened reads back', async () => {
    const PATHS: (string | number)[][] = [['kind'], ['ownerId'], ['steps'], ['steps', 0], ['steps', 0, 'code'], ['steps', 0, 'dueInHours'], ['steps', 0, 'label'], ['extra']];
    const other = ((await c.req('POST', '/api/v1/incidents', fullIncident('fuzz'))).json() as { id: string }).id;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), junk, async (path, value) => {
        const body = setAt({ kind: 'kidnapping', steps: [{ code: 'alert_network', dueInHours: 2 }] }, path, value);
        const r = await c.req('POST', `/api/v1/incidents/${other}/urgent`, body);
        expect(r.statusCode, `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 100)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode === 201) {
          const made = r.json() as { id: string; version: number };
          const back = await c.req('GET', `/api/v1/urgent/${made.id}`);
          expect(back.statusCode).toBe(200);
          // close it, so the next run may open one again
          expect((await c.req('POST', `/api/v1/urgent/${made.id}/close`, { outcome: 'other', version: made.version })).statusCode).toBe(200);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never answers 5xx to arbitrary bodies, queries and ids', async () => {
    const urls = () => [
      ['POST', `/api/v1/incidents/${incident}/urgent`], ['POST', `/api/v1/urgent/${caseId}/steps`], ['PATCH', `/api/v1/urgent/${caseId}/steps/${stepId}`],
      ['POST', `/api/v1/urgent/${caseId}/notes`], ['POST', `/api/v1/urgent/${caseId}/owner`], ['POST', `/api/v1/urgent/${caseId}/campaigns`],
      ['PUT', `/api/v1/campaigns/${campaignId}`], ['POST', `/api/v1/urgent/${caseId}/close`],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 7 }), junk, async (i, body) => {
        const [method, url] = urls()[i]!;
        const r = await c.req(method, url, body === undefined ? null : body);
        expect(r.statusCode, `${method} ${url} ${r.body}`).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), async (a, b) => {
        for (const url of [`/api/v1/urgent?status=${encodeURIComponent(a)}`, `/api/v1/urgent/owners?incident=${encodeURIComponent(a)}&${encodeURIComponent(b)}=1`, `/api/v1/urgent/${encodeURIComponent(a)}`, `/api/v1/incidents/${encodeURIComponent(a)}/urgent`]) {
          const r = await c.req('GET', url);
          expect(r.statusCode, `${url} ${r.body}`).toBeLessThan(500);
        }
        const p = await c.req('PATCH', `/api/v1/urgent/${caseId}/steps/${encodeURIComponent(b) || 'x'}`, { done: true });
        expect(p.statusCode).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });

  it('closes once: a stale or second close is a 409, and the closed case refuses changes', async () => {
    const v = (await read()).version;
    expect((await c.req('POST', `/api/v1/urgent/${caseId}/close`, { outcome: 'released', version: v - 1 })).statusCode).toBe(409);
    expect((await c.req('POST', `/api/v1/urgent/${caseId}/close`, { outcome: 'released', note: 'fin', version: v })).statusCode).toBe(200);
    expect((await c.req('POST', `/api/v1/urgent/${caseId}/close`, { outcome: 'released', version: v + 1 })).statusCode).toBe(409);
    expect((await c.req('POST', `/api/v1/urgent/${caseId}/notes`, { body: 'x' })).statusCode).toBe(409);
    expect((await c.req('PATCH', `/api/v1/urgent/${caseId}/steps/${stepId}`, { done: false })).statusCode).toBe(409);
    expect((await read()).status).toBe('closed');
  });
});
