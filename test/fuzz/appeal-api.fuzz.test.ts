/**
 * The urgent-appeals API under generated input: drafting, editing, recording the sending and the
 * answer with one field replaced by junk, arbitrary bodies and arbitrary ids never give a 5xx; what
 * is accepted reads back as sent (the letter trimmed) and what is refused changes nothing.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';

let ws: TestWorkspace;
let c: Client;
/** a second browser (its own address): the drafting route's rate limit counts per address */
let c2: Client;
let caseId = '';
let appealId = '';

beforeAll(async () => {
  ws = await newWorkspace();
  c = new Client(ws.app);
  await c.login();
  c2 = new Client(ws.app);
  await c2.login();
  const inc = (await c.req('POST', '/api/v1/incidents', fullIncident())).json() as { id: string };
  caseId = randomUUID();
  const at = new Date().toISOString();
  const owner = (await ws.vault.runtime().store.users.list())[0]!.id;
  await ws.vault.runtime().store.db.insertInto('urgent_cases').values({
    id: caseId, incident_id: inc.id, ref: 'URG-0001', kind: 'detention', owner_id: owner, status: 'open', opened_at: at, opened_by: owner,
    closed_at: null, outcome: null, closing_note: null, updated_at: at, version: 1,
  }).execute();
  const r = await c.req('POST', `/api/v1/urgent/${caseId}/appeals`, { body: 'iachr', lang: 'es' });
  appealId = (r.json() as { id: string }).id;
});
afterAll(async () => { await ws.close(); });

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', 'a'.repeat(50_001), -1, 0, 1, 2.5, 1e308, null, true, [], {}, '__proto__', 'constructor',
    '2026-02-30', '2026-03-05T25:00:00Z', '2026-03-05T10:00', '9999-12-31', '1900-01-01', 'email', 'iachr', 'es', 'fr', '00000000-0000-4000-8000-000000000000'),
);
type Path = (string | number)[];
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head!] = setAt(copy[head!] ?? {}, rest, value);
  return copy;
}
const current = async () => (await c.req('GET', `/api/v1/appeals/${appealId}`)).json() as { version: number; letter: string; sentAt?: string };

describe('appeals API under generated input', () => {
  it('never answers 5xx to a draft with junk in a field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Path>(['body'], ['lang'], ['extra']), junk, async (path, value) => {
        const r = await c.req('POST', `/api/v1/urgent/${caseId}/appeals`, setAt({ body: 'other', lang: 'en' }, path, value));
        expect(r.statusCode, `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 80)} → ${r.body.slice(0, 200)}`).toBeLessThan(500);
        if (r.statusCode === 400) expect(r.json().problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 50 },
    );
  });

  it('never answers 5xx to an edit with junk in a field, and reads back what it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Path>(['letter'], ['version'], ['extra']), junk, async (path, value) => {
        const before = await current();
        const body = setAt({ letter: 'Carta editada', version: before.version }, path, value);
        const r = await c.req('PUT', `/api/v1/appeals/${appealId}`, body);
        expect(r.statusCode, `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 80)} → ${r.body.slice(0, 200)}`).toBeLessThan(500);
        const after = await current();
        if (r.statusCode === 200) {
          expect(after.version).toBe(before.version + 1);
          expect(after.letter).toBe(String((body as { letter: string }).letter).trim());
        } else expect(after).toEqual(before);
      }),
      { numRuns: 80 },
    );
  });

  it('never answers 5xx to recording the sending or the answer with junk in a field', async () => {
    const sent = { sentAt: new Date().toISOString().slice(0, 10), sentHow: 'email' };
    const answer = { answeredAt: new Date().toISOString().slice(0, 10), answerHow: 'phone', note: 'Nota' };
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.constantFrom<Path>(['sentAt'], ['sentHow'], ['answeredAt'], ['answerHow'], ['note'], ['version'], ['extra']), junk, async (isSent, path, value) => {
        const url = `/api/v1/appeals/${appealId}/${isSent ? 'sent' : 'answer'}`;
        const r = await c.req('POST', url, setAt(isSent ? sent : answer, path, value));
        expect(r.statusCode, `${url} ${path.join('.')} = ${JSON.stringify(value)?.slice(0, 80)} → ${r.body.slice(0, 200)}`).toBeLessThan(500);
        if (r.statusCode === 400) expect(r.json().problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 120 },
    );
  });

  it('never answers 5xx to arbitrary bodies or ids', async () => {
    await fc.assert(
      fc.asyncProperty(junk, fc.constantFrom('POST /appeals', 'PUT', 'POST sent', 'POST answer'), fc.oneof(fc.constant(appealId), fc.string({ maxLength: 40 }), fc.uuid()), async (body, what, id) => {
        const safe = encodeURIComponent(id);
        const url = what === 'POST /appeals' ? `/api/v1/urgent/${safe}/appeals` : what === 'PUT' ? `/api/v1/appeals/${safe}` : `/api/v1/appeals/${safe}/${what === 'POST sent' ? 'sent' : 'answer'}`;
        const r = await c2.req(what === 'PUT' ? 'PUT' : 'POST', url, body === undefined ? null : body);
        expect(r.statusCode, `${what} ${url} ${r.body.slice(0, 200)}`).toBeLessThan(500);
        expect(r.statusCode).not.toBe(429);
        const g = await c2.req('GET', `/api/v1/appeals/${safe}`);
        expect(g.statusCode).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});
