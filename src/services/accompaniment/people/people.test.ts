/**
 * Accompanied people and hearings through the use cases, on both backends: a person recorded under
 * a pseudonym with their identity sealed (never plaintext in the database, never in a view, opened
 * only by an audited look with identifying.read); families; a shelter at its public place; another
 * organisation sees nothing (404, empty searches); stale versions refused; hearings with wall times
 * across the clock changes; outcomes with the next hearing in the same step; searches by local day.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../../test/helpers/api.js';
import { allRows } from '../../../../test/helpers/db-tables.js';
import type { ServiceContext } from '../../context.js';
import { createUser } from '../../users/manage-users.js';
import { createActor } from '../../actors/manage-actors.js';
import { newId } from '../../../crypto/random.js';
import type { Role } from '../../../domain/user/roles.js';
import { createPerson, updatePerson } from './save-person.js';
import { listFamilies, openIdentity, readPerson, searchPeople } from './read-people.js';
import { createHearing, updateHearing } from '../hearings/save-hearing.js';
import { recordOutcome } from '../hearings/record-outcome.js';
import { openHearingSealed, readHearing, searchHearings } from '../hearings/read-hearings.js';
import { requireAccompaniment, sameOrg } from '../org-scope.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const who: Record<string, ServiceContext> = {};
const T0 = '2027-01-10T12:00:00.000Z';
const MARK = 'QZACOMPMARK';
let shelter = '';

async function person(role: Role, name: string, orgId?: string): Promise<ServiceContext> {
  const u = await createUser(admin, { email: `${name}@example.org`, displayName: name, role, password: 'contraseña-larga-2026', ...(orgId ? { orgId } : {}) });
  return { ...admin, user: { id: u.id, role, orgId: u.orgId, displayName: name } };
}
const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { status?: number; code?: string; problems?: { path: string; code?: string }[] }) => `${e.status} ${e.code} ${(e.problems ?? []).map((x) => `${x.path}:${x.code}`).join(',')}`.trim());

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, T0);
  const other = newId();
  await admin.store.users.insertOrganisation(other, 'Otra casa', T0);
  who['coord'] = await person('coordinator', 'coord');
  who['doc'] = await person('documenter', 'doc');
  who['analyst'] = await person('analyst', 'analyst');
  who['outsider'] = await person('coordinator', 'outsider', other);
  shelter = (await createActor(admin, { kind: 'organisation', pseudonym: 'Albergue del Desierto', country: 'MX', state: 'MX-BCN', locality: 'Mexicali', realName: `${MARK} real`, protectionMeasures: [] } as never)).id;
}, 120_000);
afterAll(async () => { await ws?.close(); });

describe('org scope', () => {
  it('needs the permissions and compares organisations', () => {
    expect(() => requireAccompaniment(who['analyst']!, false)).toThrow(/not allowed/);
    expect(() => requireAccompaniment(who['doc']!, true)).not.toThrow();
    expect(sameOrg(who['coord']!, admin.user.orgId)).toBe(true);
    expect(sameOrg(who['outsider']!, admin.user.orgId)).toBe(false);
  });
});

describe('people', () => {
  let id = '';
  it('records a person under a pseudonym, the identity sealed and never in the view', async () => {
    const v = await createPerson(who['doc']!, {
      pseudonym: 'Mariposa', newFamily: 'Familia Río', familyRole: 'head', nationality: 'HN', languages: ['es'], ageGroup: 'adult',
      needs: ['pregnancy', 'interpreter'], needsNote: `${MARK} nota médica`, stayingAt: shelter, reminderLang: 'es',
      identity: { names: `${MARK} Nombre Real`, caseNumbers: ['A-123-456-789'], phones: ['+52 686 000 0000'] },
    });
    id = v.id;
    expect(v.ref).toMatch(/^ACP-\d{4}$/);
    expect(v.familyLabel).toBe('Familia Río');
    expect(v.identityFields).toEqual(['names', 'caseNumbers', 'phones']);
    expect(v.hasNeedsNote).toBe(true);
    expect(v.stayingAt).toEqual({ id: shelter, pseudonym: 'Albergue del Desierto', state: 'MX-BCN', locality: 'Mexicali', country: 'MX' });
    expect(JSON.stringify(v)).not.toContain(MARK);
    expect(JSON.stringify(v)).not.toContain('A-123');
    const rows = await allRows(ws.vault.runtime().store.db, 'accompanied_people');
    expect(JSON.stringify(rows)).not.toContain(MARK);
    expect(JSON.stringify(rows)).not.toContain('A-123');
    expect(rows.find((r) => r['id'] === id)!['pseudonym']).toBe('Mariposa');
  });

  it('opens the identity only with identifying.read, audited by id', async () => {
    expect(await code(openIdentity(who['analyst']!, id))).toMatch(/^403/);
    const r = await openIdentity(who['coord']!, id);
    expect(r.identity.names).toBe(`${MARK} Nombre Real`);
    expect(r.needsNote).toBe(`${MARK} nota médica`);
    const audit = await allRows(ws.vault.runtime().store.db, 'audit_events');
    const look = audit.filter((a) => a['action'] === 'accompanied.identity_read');
    expect(look).toHaveLength(1);
    expect(look[0]!['target_id']).toBe(id);
    expect(JSON.stringify(audit)).not.toContain(MARK);
  });

  it('hides everything from another organisation', async () => {
    const out = who['outsider']!;
    expect(await code(readPerson(out, id))).toMatch(/^404/);
    expect(await code(openIdentity(out, id))).toMatch(/^404/);
    expect(await code(updatePerson(out, id, { pseudonym: 'X', version: 1 }))).toMatch(/^404/);
    expect((await searchPeople(out, {})).items).toEqual([]);
    expect((await listFamilies(out)).items).toEqual([]);
    // and cannot link to the first organisation's family
    const fam = (await readPerson(who['doc']!, id)).familyId!;
    expect(await code(createPerson(out, { pseudonym: 'Y', familyId: fam }))).toBe('400 invalid familyId:no_such_family');
  });

  it('changes a person on the version read; an omitted identity is kept; a stale version refused', async () => {
    const v1 = await readPerson(who['doc']!, id);
    const v2 = await updatePerson(who['doc']!, id, { pseudonym: 'Mariposa Azul', familyId: v1.familyId, languages: ['es', 'en'], stayingAt: shelter, version: v1.version });
    expect(v2.version).toBe(v1.version + 1);
    expect(v2.identityFields).toEqual(['names', 'caseNumbers', 'phones']);
    expect(v2.needs).toEqual([]);
    expect(await code(updatePerson(who['doc']!, id, { pseudonym: 'Viejo', version: v1.version }))).toMatch(/^409 stale/);
    const v3 = await updatePerson(who['doc']!, id, { pseudonym: 'Mariposa Azul', familyId: v1.familyId, identity: {}, needsNote: '', version: v2.version });
    expect(v3.hasIdentity).toBe(false);
    expect(v3.hasNeedsNote).toBe(false);
    await updatePerson(who['doc']!, id, { pseudonym: 'Mariposa Azul', familyId: v1.familyId, identity: { phones: ['+52 1'] }, version: v3.version });
  });

  it('refuses a shelter that is not an organisation, and searches by pseudonym or reference', async () => {
    const personActor = (await createActor(admin, { kind: 'person', pseudonym: 'Alguien', protectionMeasures: [] } as never)).id;
    expect(await code(createPerson(who['doc']!, { pseudonym: 'Z', stayingAt: personActor }))).toBe('400 invalid stayingAt:not_an_organisation');
    expect(await code(createPerson(who['doc']!, { pseudonym: 'Z', stayingAt: newId() }))).toBe('400 invalid stayingAt:no_such_actor');
    const kid = await createPerson(who['doc']!, { pseudonym: 'Colibrí', familyId: (await readPerson(who['doc']!, id)).familyId, familyRole: 'child', ageGroup: 'child' });
    expect((await searchPeople(who['coord']!, { q: 'colibri' })).items.map((p) => p.id)).toEqual([kid.id]);
    expect((await searchPeople(who['coord']!, { q: kid.ref })).items.map((p) => p.id)).toEqual([kid.id]);
    const fams = (await listFamilies(who['coord']!)).items;
    expect(fams).toHaveLength(1);
    expect(fams[0]!.members.map((m) => m.pseudonym)).toEqual(['Colibrí', 'Mariposa Azul']);
  });
});

describe('hearings', () => {
  let a = '';
  let b = '';
  beforeAll(async () => {
    a = (await createPerson(who['doc']!, { pseudonym: 'Garza' })).id;
    b = (await createPerson(who['doc']!, { pseudonym: 'Garza niña', ageGroup: 'child' })).id;
  });

  it('keeps the start at the court\'s zone and the presentation at its place\'s zone', async () => {
    const h = await createHearing(who['doc']!, {
      court: 'court-san-diego', startsLocal: '2027-03-15T08:30', kind: 'master_calendar', presentPlace: 'poe-san-ysidro', presentLocal: '2027-03-15T04:00',
      documents: ['hearing_notice', 'passport'], representative: `${MARK} Lic. Pérez`, notes: `${MARK} notas`, people: [a, b],
    });
    expect(h.ref).toMatch(/^HRG-\d{4}$/);
    expect(h.startsAt).toBe('2027-03-15T15:30:00.000Z');
    expect(h.startsLocal).toBe('2027-03-15T08:30');
    expect(h.presentAt).toBe('2027-03-15T11:00:00.000Z');
    expect(h.presentLocal).toBe('2027-03-15T04:00');
    expect(h.people.map((p) => p.attendance)).toEqual(['expected', 'expected']);
    expect(h.hasRepresentative && h.hasNotes).toBe(true);
    expect(JSON.stringify(h)).not.toContain(MARK);
    expect(JSON.stringify(await allRows(ws.vault.runtime().store.db, 'hearings'))).not.toContain(MARK);
    expect(await code(openHearingSealed(who['analyst']!, h.id))).toMatch(/^403/);
    expect(await openHearingSealed(who['coord']!, h.id)).toEqual({ representative: `${MARK} Lic. Pérez`, notes: `${MARK} notas` });
    expect(await code(readHearing(who['outsider']!, h.id))).toMatch(/^404/);
    expect(await code(openHearingSealed(who['outsider']!, h.id))).toMatch(/^404/);
    expect((await readPerson(who['doc']!, a)).nextHearing?.id).toBe(h.id);
  });

  it('refuses wall times the clocks skip or pass twice, and unknown places', async () => {
    const base = { kind: 'master_calendar' as const, people: [a] };
    expect(await code(createHearing(who['doc']!, { ...base, court: 'court-san-diego', startsLocal: '2027-03-14T02:30' }))).toBe('400 invalid startsLocal:nonexistent_local_time');
    const amb = await createHearing(who['doc']!, { ...base, court: 'court-san-diego', startsLocal: '2026-11-01T01:30' }).catch((e: { problems: { path: string; code: string; params?: Record<string, string> }[] }) => e.problems);
    expect(amb).toEqual([expect.objectContaining({ path: 'startsLocal', code: 'ambiguous_local_time', params: { earlier: '2026-11-01T08:30:00.000Z', later: '2026-11-01T09:30:00.000Z' } })]);
    const later = await createHearing(who['doc']!, { ...base, court: 'court-san-diego', startsLocal: '2026-11-01T01:30', startsFold: 'later' });
    expect(later.startsAt).toBe('2026-11-01T09:30:00.000Z');
    expect(await code(createHearing(who['doc']!, { ...base, court: 'poe-san-ysidro', startsLocal: '2027-03-15T08:30' }))).toBe('400 invalid court:unknown_place');
    expect(await code(createHearing(who['doc']!, { ...base, court: 'court-el-paso', startsLocal: '2027-03-15T08:30', presentPlace: 'nowhere', presentLocal: '2027-03-15T06:00' }))).toBe('400 invalid presentPlace:unknown_place');
    expect(await code(createHearing(who['doc']!, { ...base, court: 'court-el-paso', startsLocal: '2027-02-30T08:30' }))).toBe('400 invalid startsLocal:bad_local_time');
    expect(await code(createHearing(who['outsider']!, { ...base, court: 'court-el-paso', startsLocal: '2027-03-15T08:30' }))).toBe('400 invalid people[0]:no_such_person');
  });

  it('records the outcome, attendance and the next hearing in one step', async () => {
    const h = await createHearing(who['doc']!, { court: 'court-imperial', startsLocal: '2027-01-20T09:00', kind: 'master_calendar', people: [a, b] });
    const edited = await updateHearing(who['doc']!, h.id, { court: 'court-imperial', startsLocal: '2027-01-20T10:00', kind: 'master_calendar', people: [a, b], version: h.version });
    expect(edited.startsLocal).toBe('2027-01-20T10:00');
    expect(await code(updateHearing(who['doc']!, h.id, { court: 'court-imperial', startsLocal: '2027-01-20T10:00', kind: 'master_calendar', people: [a], version: h.version }))).toMatch(/^409 stale/);
    expect(await code(recordOutcome(who['doc']!, h.id, { version: edited.version, status: 'held', attendance: { [newId()]: 'presented' } }))).toMatch(/^400 invalid attendance\./);
    expect(await code(recordOutcome(who['doc']!, h.id, { version: edited.version, status: 'held', next: { court: 'court-imperial', startsLocal: '2027-03-14T02:30', kind: 'individual_merits', people: [a] } }))).toBe('400 invalid next.startsLocal:nonexistent_local_time');
    const done = await recordOutcome(who['doc']!, h.id, {
      version: edited.version, status: 'held', outcome: 'continued', attendance: { [a]: 'presented', [b]: 'excused' },
      next: { court: 'court-imperial', startsLocal: '2027-05-03T09:00', kind: 'individual_merits', people: [a, b] },
    });
    expect(done.status).toBe('held');
    expect(done.outcome).toBe('continued');
    expect(Object.fromEntries(done.people.map((p) => [p.id, p.attendance]))).toEqual({ [a]: 'presented', [b]: 'excused' });
    expect(done.nextHearing?.startsLocal).toBe('2027-05-03T09:00');
    const next = await readHearing(who['coord']!, done.nextHearing!.id);
    expect(next.previousHearing).toEqual({ id: h.id, ref: h.ref });
    expect(await code(recordOutcome(who['outsider']!, h.id, { version: done.version, status: 'cancelled' }))).toMatch(/^404/);
    const audit = (await allRows(ws.vault.runtime().store.db, 'audit_events')).sort((x, y) => Number(x['id']) - Number(y['id'])).filter((x) => x['target_id'] === h.id).map((x) => x['action']);
    expect(audit).toEqual(['hearing.created', 'hearing.updated', 'hearing.outcome']);
  });

  it('searches by the day at each court\'s zone', async () => {
    // 23:30 on 1 March at El Paso (mountain) is 06:30 UTC on 2 March; 23:30 at Harlingen (central) is 05:30 UTC
    const late = await createHearing(who['doc']!, { court: 'court-el-paso', startsLocal: '2027-03-01T23:30', kind: 'bond', people: [a] });
    const early = await createHearing(who['doc']!, { court: 'court-harlingen', startsLocal: '2027-03-02T00:15', kind: 'bond', people: [b] });
    const day1 = (await searchHearings(who['coord']!, { from: '2027-03-01', to: '2027-03-01' })).items.map((h) => h.id);
    const day2 = (await searchHearings(who['coord']!, { from: '2027-03-02', to: '2027-03-02' })).items.map((h) => h.id);
    expect(day1).toEqual([late.id]);
    expect(day2).toEqual([early.id]);
    expect((await searchHearings(who['coord']!, { from: '2027-03-01', to: '2027-03-02', personId: b })).items.map((h) => h.id)).toEqual([early.id]);
    expect((await searchHearings(who['outsider']!, { from: '2027-01-01', to: '2027-03-31' })).items).toEqual([]);
    expect(await code(searchHearings(who['coord']!, { from: '2027-01-01', to: '2027-06-01' }))).toBe('400 invalid to:range_too_long');
    expect(await code(searchHearings(who['coord']!, { from: '2027-03-02', to: '2027-03-01' }))).toBe('400 invalid to:range_reversed');
  });
});
