/**
 * The accompaniment people and hearings API over HTTP (fastify.inject): places; people with their
 * identity sealed in the database and never in a view; the audited identity look refused without
 * identifying.read; another organisation's user gets 404 and empty searches; wall times across the
 * clock changes (a skipped and a doubled hour at a California court); the bulk entry's dry run
 * with problems by line and column, and its all-or-nothing commit; reminders listed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';
import { allRows } from '../helpers/db-tables.js';
import { isSealedValue } from '../../src/crypto/envelope.js';
import { newId } from '../../src/crypto/random.js';

let ws: TestWorkspace;
let admin: Client;
let coord: Client;
let analyst: Client;
let outsider: Client;
const A = '/api/v1/accompaniment';
const MARK = 'QZAPIACOMP';
let personId = '';
let hearingId = '';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const db = () => ws.vault.runtime().store.db;

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  coord = await userWithRole(ws, admin, 'coordinator');
  analyst = await userWithRole(ws, admin, 'analyst');
  const other = newId();
  await ws.vault.runtime().store.users.insertOrganisation(other, 'Otra casa', new Date().toISOString());
  const r = await admin.req('POST', '/api/v1/users', { email: 'fuera@example.org', displayName: 'fuera', role: 'coordinator', password: 'temporal-12345', orgId: other });
  expect(r.statusCode, r.body).toBe(201);
  outsider = new Client(ws.app);
  await outsider.login('fuera@example.org', 'temporal-12345');
  expect((await outsider.req('POST', '/api/v1/me/password', { current: 'temporal-12345', password: 'definitiva-12345' })).statusCode).toBe(204);
}, 120_000);
afterAll(async () => { await ws?.close(); });

describe('accompaniment people API', () => {
  it('lists the places with their zones', async () => {
    const r = await coord.req('GET', `${A}/places`);
    expect(r.statusCode).toBe(200);
    const places = (r.json() as { places: { code: string; kind: string; zone: string }[] }).places;
    expect(places.find((p) => p.code === 'court-san-diego')).toMatchObject({ kind: 'court', zone: 'America/Los_Angeles' });
    expect((await analyst.req('GET', `${A}/places`)).statusCode).toBe(403);
  });

  it('records a person with the identity sealed; the view names filled fields only', async () => {
    const r = await coord.req('POST', `${A}/people`, { pseudonym: 'Quetzal', newFamily: 'Familia Q', languages: ['es', 'mam'], needs: ['interpreter'], identity: { names: `${MARK} Nombre`, caseNumbers: ['A-201-202-203'], phones: ['+52 664 000 1111'] }, needsNote: `${MARK} nota` });
    expect(r.statusCode, r.body).toBe(201);
    const v = r.json() as { id: string; ref: string; identityFields: string[]; hasIdentity: boolean; familyLabel: string };
    personId = v.id;
    expect(v.identityFields).toEqual(['names', 'caseNumbers', 'phones']);
    expect(r.body).not.toContain(MARK);
    expect(r.body).not.toContain('A-201');
    const get = await coord.req('GET', `${A}/people/${personId}`);
    expect(get.statusCode).toBe(200);
    expect(get.body).not.toContain(MARK);
    const row = (await allRows(db(), 'accompanied_people')).find((x) => x['id'] === personId)!;
    expect(isSealedValue(String(row['identity']))).toBe(true);
    expect(isSealedValue(String(row['needs_note']))).toBe(true);
    expect(String(row['identity'])).not.toContain(MARK);
  });

  it('opens the identity for identifying.read only, audited', async () => {
    expect((await analyst.req('GET', `${A}/people/${personId}`)).statusCode).toBe(403);
    expect((await analyst.req('POST', `${A}/people/${personId}/identity`, {})).statusCode).toBe(403);
    const r = await coord.req('POST', `${A}/people/${personId}/identity`, {});
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json() as { identity: { names: string } }).identity.names).toBe(`${MARK} Nombre`);
    const audit = await admin.req('GET', '/api/v1/audit?limit=50');
    expect(audit.body).toContain('accompanied.identity_read');
    expect(audit.body).not.toContain(MARK);
  });

  it('keeps another organisation out: 404 and empty searches', async () => {
    expect((await outsider.req('GET', `${A}/people/${personId}`)).statusCode).toBe(404);
    expect((await outsider.req('PUT', `${A}/people/${personId}`, { pseudonym: 'X', version: 1 })).statusCode).toBe(404);
    expect((await outsider.req('POST', `${A}/people/${personId}/identity`, {})).statusCode).toBe(404);
    expect((await outsider.req('POST', `${A}/people/search`, {})).json()).toEqual({ items: [] });
    expect((await outsider.req('GET', `${A}/families`)).json()).toEqual({ items: [] });
    expect((await coord.req('POST', `${A}/people/search`, { q: 'quetz' })).json()).toMatchObject({ items: [{ id: personId }] });
  });

  it('refuses a stale version with 409 stale', async () => {
    const v = (await coord.req('GET', `${A}/people/${personId}`)).json() as { version: number; familyId: string };
    const ok = await coord.req('PUT', `${A}/people/${personId}`, { pseudonym: 'Quetzal', familyId: v.familyId, languages: ['es'], version: v.version });
    expect(ok.statusCode, ok.body).toBe(200);
    const old = await coord.req('PUT', `${A}/people/${personId}`, { pseudonym: 'Quetzal viejo', version: v.version });
    expect(old.statusCode).toBe(409);
    expect((old.json() as { error: string }).error).toBe('stale');
  });
});

describe('accompaniment hearings API', () => {
  it('refuses the skipped hour and the doubled hour unless the fold says', async () => {
    const base = { court: 'court-san-diego', kind: 'master_calendar', people: [personId] };
    const skipped = await coord.req('POST', `${A}/hearings`, { ...base, startsLocal: '2027-03-14T02:30' });
    expect(skipped.statusCode).toBe(400);
    expect((skipped.json() as { problems: unknown[] }).problems).toEqual([expect.objectContaining({ path: 'startsLocal', code: 'nonexistent_local_time' })]);
    const doubled = await coord.req('POST', `${A}/hearings`, { ...base, startsLocal: '2026-11-01T01:30' });
    expect(doubled.statusCode).toBe(400);
    expect((doubled.json() as { problems: unknown[] }).problems).toEqual([expect.objectContaining({ path: 'startsLocal', code: 'ambiguous_local_time', params: { earlier: '2026-11-01T08:30:00.000Z', later: '2026-11-01T09:30:00.000Z' } })]);
    const earlier = await coord.req('POST', `${A}/hearings`, { ...base, startsLocal: '2026-11-01T01:30', startsFold: 'earlier' });
    expect(earlier.statusCode, earlier.body).toBe(201);
    expect(earlier.json()).toMatchObject({ startsAt: '2026-11-01T08:30:00.000Z', startsLocal: '2026-11-01T01:30', courtZone: 'America/Los_Angeles' });
    const bad = await coord.req('POST', `${A}/hearings`, { ...base, startsLocal: '2027-03-14T08:30', presentPlace: 'poe-san-ysidro', presentLocal: '2027-03-14T02:30' });
    expect((bad.json() as { problems: unknown[] }).problems).toEqual([expect.objectContaining({ path: 'presentLocal', code: 'nonexistent_local_time' })]);
  });

  it('records a hearing with its sealed representative, keeps it from other organisations, records the outcome', async () => {
    const r = await coord.req('POST', `${A}/hearings`, { court: 'court-san-diego', startsLocal: '2027-03-15T08:30', kind: 'individual_merits', presentPlace: 'poe-san-ysidro', presentLocal: '2027-03-15T04:00', representative: `${MARK} abogada`, people: [personId] });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.body).not.toContain(MARK);
    const h = r.json() as { id: string; version: number; presentLocal: string; hasRepresentative: boolean };
    hearingId = h.id;
    expect(h.presentLocal).toBe('2027-03-15T04:00');
    expect(isSealedValue(String((await allRows(db(), 'hearings')).find((x) => x['id'] === hearingId)!['representative']))).toBe(true);
    expect((await outsider.req('GET', `${A}/hearings/${hearingId}`)).statusCode).toBe(404);
    expect((await outsider.req('POST', `${A}/hearings/${hearingId}/sealed`, {})).statusCode).toBe(404);
    expect((await outsider.req('POST', `${A}/hearings/search`, { from: '2027-03-01', to: '2027-03-31' })).json()).toEqual({ items: [] });
    expect((await coord.req('POST', `${A}/hearings/search`, { from: '2027-03-15', to: '2027-03-15' })).json()).toMatchObject({ items: [{ id: hearingId }] });
    expect((await analyst.req('POST', `${A}/hearings/${hearingId}/sealed`, {})).statusCode).toBe(403);
    expect((await coord.req('POST', `${A}/hearings/${hearingId}/sealed`, {})).json()).toEqual({ representative: `${MARK} abogada`, notes: null });
    const o = await coord.req('POST', `${A}/hearings/${hearingId}/outcome`, { version: h.version, status: 'held', outcome: 'continued', attendance: { [personId]: 'presented' }, next: { court: 'court-san-diego', startsLocal: '2027-06-01T08:30', kind: 'individual_merits', people: [personId] } });
    expect(o.statusCode, o.body).toBe(200);
    expect(o.json()).toMatchObject({ status: 'held', outcome: 'continued', people: [{ id: personId, attendance: 'presented' }], nextHearing: { startsLocal: '2027-06-01T08:30' } });
  });

  it('bulk: a dry run lists problems by line and column; a commit is all or nothing', async () => {
    const person = (await coord.req('GET', `${A}/people/${personId}`)).json() as { ref: string };
    const good = `persona,corte,fecha,hora,tipo\n${person.ref},court-el-paso,2027-04-06,9:00 AM,bond\n`;
    const withBad = `${good}Nadie,court-el-paso,04/05/2027,25:00,bond\n`;
    const before = (await allRows(db(), 'hearings')).length;
    const dry = await coord.req('POST', `${A}/hearings/bulk`, { format: 'csv', content: b64(withBad), dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect((dry.json() as { problems: { line: number; column: string; code: string }[] }).problems.map((p) => `${p.line} ${p.column} ${p.code}`)).toEqual(['3 persona unknown_person', '3 fecha ambiguous_date', '3 hora bad_time']);
    const commitBad = await coord.req('POST', `${A}/hearings/bulk`, { format: 'csv', content: b64(withBad), dryRun: false });
    expect((commitBad.json() as { created: unknown[] }).created).toEqual([]);
    expect((await allRows(db(), 'hearings')).length).toBe(before);
    const commit = await coord.req('POST', `${A}/hearings/bulk`, { format: 'csv', content: b64(good), dryRun: false });
    expect(commit.json()).toMatchObject({ rows: 1, problems: [], created: [{ court: 'court-el-paso', startsLocal: '2027-04-06T09:00', people: [{ id: personId }] }] });
    expect((await allRows(db(), 'hearings')).length).toBe(before + 1);
    expect((await analyst.req('POST', `${A}/hearings/bulk`, { format: 'csv', content: b64(good), dryRun: true })).statusCode).toBe(403);
  });

  it('lists reminders due and records printed ones', async () => {
    const due = await coord.req('POST', `${A}/reminders/due`, { days: 30 });
    expect(due.statusCode, due.body).toBe(200);
    expect((await outsider.req('POST', `${A}/reminders/due`, { days: 30 })).json()).toEqual({ items: [] });
    expect((await coord.req('POST', `${A}/reminders/due`, { days: 31 })).statusCode).toBe(400);
    expect((await coord.req('GET', `${A}/reminder-webhook`)).statusCode).toBe(403);
    expect((await admin.req('GET', `${A}/reminder-webhook`)).json()).toEqual({ url: null, enabled: false, hasSecret: false });
  });
});
