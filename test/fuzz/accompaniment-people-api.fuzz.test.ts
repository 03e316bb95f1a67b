/**
 * The accompaniment people, hearings, bulk entry, reminders and figures API under generated input: a valid
 * request with one field replaced by junk, and arbitrary bodies, never give a 5xx; a 400 names its
 * problems; what is accepted reads back (a person recorded is there under its pseudonym, a hearing
 * recorded is there at its wall time).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';

let ws: TestWorkspace;
let c: Client;
let personId = '';
let personRef = '';
let hearingId = '';
const A = '/api/v1/accompaniment';
beforeAll(async () => {
  ws = await newWorkspace();
  c = new Client(ws.app);
  await c.login();
  const p = await c.req('POST', `${A}/people`, { pseudonym: 'Semilla', identity: { phones: ['+52 1'] } });
  expect(p.statusCode, p.body).toBe(201);
  personId = (p.json() as { id: string }).id;
  personRef = (p.json() as { ref: string }).ref;
  const h = await c.req('POST', `${A}/hearings`, { court: 'court-san-diego', startsLocal: '2027-03-15T08:30', kind: 'bond', people: [personId] });
  expect(h.statusCode, h.body).toBe(201);
  hearingId = (h.json() as { id: string }).id;
}, 120_000);
afterAll(async () => { await ws.close(); });

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', 'a'.repeat(6000), -1, 0, 1.5, 1e308, null, true, false, [], {}, '__proto__', 'es', 'child', 'bond',
    '2027-03-14T02:30', '2026-11-01T01:30', '2027-02-30T08:00', '2027-03-15', 'court-el-paso', 'poe-san-ysidro', 'earlier', 'later', 'held',
    '00000000-0000-4000-8000-000000000000', 'bm90IGEgZmlsZQ==', '@@'),
);
function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head!] = setAt(copy[head!] ?? {}, rest, value);
  return copy;
}
const version = async (kind: 'people' | 'hearings', id: string) => ((await c.req('GET', `${A}/${kind}/${id}`)).json() as { version: number }).version;
const csv = () => Buffer.from(`person,court,date,time,kind\n${personRef},court-tucson,2027-05-05,9:00,bond\n`).toString('base64');

interface Target { method: 'POST' | 'PUT'; url: () => string; valid: () => Promise<unknown>; paths: (string | number)[][] }
const person = { pseudonym: 'Raíz', newFamily: 'Familia R', familyRole: 'head', nationality: 'GT', languages: ['es', 'quc'], ageGroup: 'adult', needs: ['interpreter'], needsNote: 'nota', reminderLang: 'fr', identity: { names: 'N', caseNumbers: ['A-1'], dateOfBirth: '1990-01-02', phones: ['1'] }, status: 'active' };
const hearing = () => ({ court: 'court-el-paso', startsLocal: '2027-04-01T09:00', kind: 'master_calendar', presentPlace: 'poe-paso-del-norte', presentLocal: '2027-04-01T06:00', documents: ['passport'], representative: 'R', notes: 'N', people: [personId] });
const TARGETS: Target[] = [
  { method: 'POST', url: () => `${A}/people`, valid: async () => person, paths: [['pseudonym'], ['newFamily'], ['familyId'], ['familyRole'], ['nationality'], ['languages'], ['languages', 0], ['ageGroup'], ['needs'], ['needs', 0], ['needsNote'], ['stayingAt'], ['reminderLang'], ['identity'], ['identity', 'dateOfBirth'], ['identity', 'phones'], ['status'], ['extra']] },
  { method: 'PUT', url: () => `${A}/people/${personId}`, valid: async () => ({ ...person, newFamily: undefined, version: await version('people', personId) }), paths: [['pseudonym'], ['version'], ['identity', 'names'], ['familyId'], ['extra']] },
  { method: 'POST', url: () => `${A}/hearings`, valid: async () => hearing(), paths: [['court'], ['startsLocal'], ['startsFold'], ['kind'], ['presentPlace'], ['presentLocal'], ['presentFold'], ['documents'], ['documents', 0], ['representative'], ['notes'], ['people'], ['people', 0], ['extra']] },
  { method: 'PUT', url: () => `${A}/hearings/${hearingId}`, valid: async () => ({ ...hearing(), version: await version('hearings', hearingId) }), paths: [['startsLocal'], ['version'], ['people'], ['extra']] },
  { method: 'POST', url: () => `${A}/hearings/${hearingId}/outcome`, valid: async () => ({ version: await version('hearings', hearingId), status: 'held', outcome: 'continued', attendance: { [personId]: 'presented' } }), paths: [['status'], ['outcome'], ['attendance'], ['attendance', personId], ['next'], ['next', 'startsLocal'], ['version'], ['extra']] },
  { method: 'POST', url: () => `${A}/people/search`, valid: async () => ({ q: 'raiz', status: 'active' }), paths: [['q'], ['status'], ['familyId'], ['extra']] },
  { method: 'POST', url: () => `${A}/hearings/search`, valid: async () => ({ from: '2027-03-01', to: '2027-04-30' }), paths: [['from'], ['to'], ['status'], ['personId'], ['extra']] },
  { method: 'POST', url: () => `${A}/hearings/bulk`, valid: async () => ({ format: 'csv', content: csv(), dryRun: true }), paths: [['format'], ['content'], ['dryRun'], ['dateOrder'], ['extra']] },
  { method: 'POST', url: () => `${A}/reminders/due`, valid: async () => ({ days: 7 }), paths: [['days'], ['extra']] },
  { method: 'POST', url: () => `${A}/figures`, valid: async () => ({ from: '2027-01-01', to: '2027-12-31' }), paths: [['from'], ['to'], ['extra']] },
  { method: 'POST', url: () => `${A}/reminders/send`, valid: async () => ({ items: [{ hearingId, personId }], channel: 'print' }), paths: [['items'], ['items', 0], ['items', 0, 'hearingId'], ['channel'], ['extra']] },
  { method: 'PUT', url: () => `${A}/reminder-webhook`, valid: async () => ({ url: 'http://127.0.0.1:9/hook', enabled: false }), paths: [['url'], ['enabled'], ['secret'], ['extra']] },
];

describe('accompaniment people API under generated input', () => {
  it('never answers 5xx to a valid request with one field replaced, and what it accepts reads back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: TARGETS.length - 1 }).chain((i) => fc.tuple(fc.constant(i), fc.constantFrom(...TARGETS[i]!.paths))), junk, async ([i, path], value) => {
        const t = TARGETS[i]!;
        const body = setAt(await t.valid(), path, value);
        const r = await c.req(t.method, t.url(), body);
        expect(r.statusCode, `${t.method} ${t.url()} ${path.join('.')} = ${JSON.stringify(value)?.slice(0, 100)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode === 400) expect((r.json() as { problems: unknown[] }).problems.length).toBeGreaterThan(0);
        if (r.statusCode === 201 && t.url().endsWith('/people')) {
          const made = r.json() as { id: string; pseudonym: string };
          const back = await c.req('GET', `${A}/people/${made.id}`);
          expect(back.statusCode).toBe(200);
          expect((back.json() as { pseudonym: string }).pseudonym).toBe(made.pseudonym);
        }
        if (r.statusCode === 201 && t.url().endsWith('/hearings')) {
          const made = r.json() as { id: string; startsLocal: string; startsAt: string };
          const back = (await c.req('GET', `${A}/hearings/${made.id}`)).json() as { startsLocal: string; startsAt: string };
          expect(back.startsLocal).toBe(made.startsLocal);
          expect(back.startsAt).toBe(made.startsAt);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('never answers 5xx to arbitrary bodies and ids', async () => {
    const urls = () => [
      ['POST', `${A}/people`], ['PUT', `${A}/people/${personId}`], ['POST', `${A}/people/${personId}/identity`], ['POST', `${A}/people/search`],
      ['POST', `${A}/hearings`], ['PUT', `${A}/hearings/${hearingId}`], ['POST', `${A}/hearings/${hearingId}/outcome`], ['POST', `${A}/hearings/${hearingId}/sealed`],
      ['POST', `${A}/hearings/search`], ['POST', `${A}/hearings/bulk`], ['POST', `${A}/reminders/due`], ['POST', `${A}/reminders/send`], ['PUT', `${A}/reminder-webhook`],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: urls().length - 1 }), junk, async (i, body) => {
        const [method, url] = urls()[i]!;
        const r = await c.req(method, url, body === undefined ? null : body);
        expect(r.statusCode, `${method} ${url} ${r.body}`).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (id) => {
        for (const url of [`${A}/people/${encodeURIComponent(id)}`, `${A}/hearings/${encodeURIComponent(id)}`]) {
          const r = await c.req('GET', url);
          expect(r.statusCode, `${url} ${r.body}`).toBeLessThan(500);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('never answers 5xx to arbitrary spreadsheet content', async () => {
    // the bulk route allows 30 requests a minute per address: a few browsers share the runs
    const pool: Client[] = [];
    for (let i = 0; i < 5; i++) {
      const b = new Client(ws.app);
      await b.login();
      pool.push(b);
    }
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(personRef, 'court-tucson', '2027-05-05', '03/04/2027', '9:00 AM', 'bond', 'poe-nogales-deconcini', '"', ';', '\n')), { maxLength: 9 }), { maxLength: 6 }), fc.boolean(), async (rows, withHeader) => {
        const text = [...(withHeader ? ['persona;corte;fecha;hora;tipo;lugar_presentacion;hora_presentacion;documentos'] : []), ...rows.map((r) => r.join(';'))].join('\n');
        const r = await pool[n++ % pool.length]!.req('POST', `${A}/hearings/bulk`, { format: 'csv', content: Buffer.from(text).toString('base64'), dryRun: true });
        expect(r.statusCode, r.body).toBeLessThan(500);
        expect(r.statusCode).not.toBe(429);
        if (r.statusCode === 200) for (const p of (r.json() as { problems: { line: number; code: string }[] }).problems) expect(p.line).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100 },
    );
  });
});
