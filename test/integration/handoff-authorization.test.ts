/**
 * Must hold (issue 9): a hand-off shares exactly one trip's passengers with the partner
 * organisation, nothing more, and ends when the trip ends. Through the HTTP API:
 *  - organisation A plans run R1 (leg 1 driven by an escort of A with no accompaniment rights,
 *    leg 2 handed off to partner organisation P) and run R2 (no hand-off) the same day, with X and
 *    Y on R1, Z on R2, and W (another person of A with a hearing) on no run;
 *  - members of P (a viewer and a coordinator) see R1 as a trip with exactly X and Y — pseudonyms,
 *    needs, where and when to present themselves — and no identity, court, kind, outcome,
 *    representative or label; R2 is not found; their trips list R1 only; A's people and hearings
 *    routes give them nothing; they mark and read the meeting point of leg 2 only;
 *  - the escort the same for leg 1 only; a member of a third organisation Q sees nothing;
 *  - once A ends R1, every one of them gets 404 at once, and their trips are empty.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { newWorkspace, Client, ADMIN, type TestWorkspace } from '../helpers/api.js';

const BASE = '/api/v1/accompaniment';
const MARK = 'QZHANDOFF';
const T0 = '2027-03-01T10:00:00.000Z';
let ws: TestWorkspace;
let admin: Client;
let coord: Client;
let escort: Client;
let partnerViewer: Client;
let partnerCoord: Client;
let third: Client;
const id: Record<string, string> = {};
let refs = 0;

async function member(role: string, email: string, orgId?: string): Promise<{ client: Client; userId: string }> {
  const r = await admin.req('POST', '/api/v1/users', { email, displayName: `${role} ${email.split('@')[0]}`, role, password: 'temporal-12345', ...(orgId ? { orgId } : {}) });
  expect(r.statusCode, r.body).toBe(201);
  const c = new Client(ws.app);
  await c.login(email, 'temporal-12345');
  expect((await c.req('POST', '/api/v1/me/password', { current: 'temporal-12345', password: 'definitiva-12345' })).statusCode).toBe(204);
  return { client: c, userId: (r.json() as { id: string }).id };
}

const store = () => ws.vault.runtime().store;

async function person(orgId: string, pseudonym: string): Promise<string> {
  const pid = randomUUID();
  refs++;
  await store().db.insertInto('accompanied_people').values({
    id: pid, org_id: orgId, ref: `ACP-${String(refs).padStart(4, '0')}`, pseudonym, family_id: null, family_role: null, nationality: 'SV', languages: '["es"]', age_group: 'adult',
    needs: '["wheelchair"]', needs_note: `nota ${MARK}`, staying_at: null, reminder_lang: 'es', identity: `identidad ${MARK}`, status: 'active',
    created_at: T0, created_by: id['admin']!, updated_at: T0, updated_by: id['admin']!, version: 1,
  }).execute();
  return pid;
}

async function hearing(orgId: string, people: string[]): Promise<string> {
  const hid = randomUUID();
  refs++;
  await store().db.insertInto('hearings').values({
    id: hid, org_id: orgId, ref: `HRG-${String(refs).padStart(4, '0')}`, court: 'court-san-diego', zone: 'America/Los_Angeles', starts_at: '2027-03-14T15:00:00.000Z', kind: 'individual_merits',
    present_place: 'poe-san-ysidro', present_zone: 'America/Los_Angeles', present_at: '2027-03-14T11:00:00.000Z', representative: `abogada ${MARK}`, documents: '[]', notes: `notas ${MARK}`,
    status: 'scheduled', outcome: 'continued', outcome_at: null, next_hearing_id: null, created_at: T0, created_by: id['admin']!, updated_at: T0, updated_by: id['admin']!, version: 1,
  }).execute();
  for (const p of people) await store().db.insertInto('hearing_people').values({ hearing_id: hid, person_id: p, attendance: 'expected' }).execute();
  return hid;
}

interface Leg { id: string; ordinal: number; mayMark: boolean; passengers: { personId: string; pseudonym: string; mark: string }[] }

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  const session = (await admin.req('GET', '/api/v1/session')).json() as { user: { id: string; orgId?: string } };
  id['admin'] = session.user.id;
  const a = (await store().users.list()).find((u) => u.email === ADMIN.email)!;
  id['A'] = a.org_id;
  id['P'] = randomUUID();
  id['Q'] = randomUUID();
  await store().users.insertOrganisation(id['P'], 'Socio en la garita', T0);
  await store().users.insertOrganisation(id['Q'], 'Tercera organización', T0);
  coord = (await member('coordinator', 'coord@a.example.org')).client;
  const e = await member('analyst', 'chofer@a.example.org');
  escort = e.client;
  id['escort'] = e.userId;
  partnerViewer = (await member('viewer', 'viewer@p.example.org', id['P'])).client;
  partnerCoord = (await member('coordinator', 'coord@p.example.org', id['P'])).client;
  third = (await member('coordinator', 'coord@q.example.org', id['Q'])).client;

  id['X'] = await person(id['A'], 'Paloma');
  id['Y'] = await person(id['A'], 'Colibrí');
  id['Z'] = await person(id['A'], 'Zenzontle');
  id['W'] = await person(id['A'], 'Quetzal');
  id['HXY'] = await hearing(id['A'], [id['X'], id['Y']]);
  id['HZ'] = await hearing(id['A'], [id['Z']]);
  id['HW'] = await hearing(id['A'], [id['W']]);

  const r1 = await coord.req('POST', `${BASE}/runs`, {
    label: `Ruta ${MARK}`, arriveBy: { place: 'poe-san-ysidro', local: '2027-03-14T04:00' },
    legs: [
      { from: 'mx-mexicali', to: 'mx-tijuana', mode: 'bus', durationMinutes: 160, transferMinutes: 15, seats: 10, escortId: id['escort'], meetingPoint: `Andén ${MARK}-1` },
      { from: 'mx-tijuana', to: 'poe-san-ysidro', mode: 'walk', durationMinutes: 25, seats: 10, handoffOrgId: id['P'], meetingPoint: `Puerta ${MARK}-2` },
    ],
    passengers: [{ personId: id['X'], hearingId: id['HXY'] }, { personId: id['Y'], hearingId: id['HXY'] }],
  });
  expect(r1.statusCode, r1.body).toBe(201);
  id['R1'] = (r1.json() as { id: string }).id;
  const r2 = await coord.req('POST', `${BASE}/runs`, {
    arriveBy: { place: 'poe-san-ysidro', local: '2027-03-14T04:00' },
    legs: [{ from: 'mx-tijuana', to: 'poe-san-ysidro', mode: 'car', durationMinutes: 30, seats: 3, meetingPoint: `Esquina ${MARK}-3` }],
    passengers: [{ personId: id['Z'], hearingId: id['HZ'] }],
  });
  expect(r2.statusCode, r2.body).toBe(201);
  id['R2'] = (r2.json() as { id: string }).id;
  const legs = (r1.json() as { legs: Leg[] }).legs;
  id['leg1'] = legs[0]!.id;
  id['leg2'] = legs[1]!.id;
}, 120_000);
afterAll(async () => { await ws?.close(); });

const FORBIDDEN_IN_TRIP = [MARK, 'court-san-diego', 'individual_merits', 'continued', 'abogada', 'Zenzontle', 'Quetzal', 'identidad', 'label'];

describe('a partner organisation reaches exactly one trip', () => {
  for (const who of ['viewer', 'coordinator'] as const) {
    it(`a ${who} of the partner sees R1 as a trip with exactly X and Y, and nothing else of A`, async () => {
      const c = who === 'viewer' ? partnerViewer : partnerCoord;
      const r = await c.req('GET', `${BASE}/runs/${id['R1']}`);
      expect(r.statusCode, r.body).toBe(200);
      const trip = r.json() as { access: string; passengers: { personId: string; pseudonym: string; needs: string[]; presentPlace: string; presentLocal: string }[]; legs: Leg[] };
      expect(trip.access).toBe('partner');
      expect(trip.passengers.map((p) => [p.personId, p.pseudonym, p.needs, p.presentPlace, p.presentLocal])).toEqual([
        [id['X'], 'Paloma', ['wheelchair'], 'poe-san-ysidro', '2027-03-14T04:00'], [id['Y'], 'Colibrí', ['wheelchair'], 'poe-san-ysidro', '2027-03-14T04:00'],
      ]);
      expect(new Set(trip.legs.flatMap((l) => l.passengers.map((p) => p.personId)))).toEqual(new Set([id['X'], id['Y']]));
      expect(trip.legs.map((l) => l.mayMark)).toEqual([false, true]);
      for (const s of FORBIDDEN_IN_TRIP) expect(r.body, s).not.toContain(s);
      expect((await c.req('GET', `${BASE}/runs/${id['R2']}`)).statusCode).toBe(404);
      expect((await c.req('GET', `${BASE}/runs/${randomUUID()}`)).statusCode).toBe(404);
      const mine = (await c.req('GET', `${BASE}/my-runs`)).json() as { items: { id: string; access: string }[] };
      expect(mine.items.map((i) => [i.id, i.access])).toEqual([[id['R1'], 'partner']]);
    });

    it(`a ${who} of the partner gets nothing from A's people, hearings, plan or search`, async () => {
      const c = who === 'viewer' ? partnerViewer : partnerCoord;
      const gets = [`${BASE}/people/${id['X']}`, `${BASE}/people/${id['W']}`, `${BASE}/hearings/${id['HXY']}`, `${BASE}/hearings/${id['HW']}`];
      for (const url of gets) {
        const r = await c.req('GET', url);
        expect([403, 404], `${url}: ${r.statusCode}`).toContain(r.statusCode);
      }
      for (const [url, body] of [
        [`${BASE}/people/search`, { q: 'Paloma' }], [`${BASE}/people/search`, {}], [`${BASE}/hearings/search`, { from: '2027-03-01', to: '2027-03-31' }],
        [`${BASE}/plan`, { from: '2027-03-10', to: '2027-03-20' }], [`${BASE}/people/${id['X']}/identity`, {}], [`${BASE}/hearings/${id['HXY']}/sealed`, {}],
        ['/api/v1/incidents/search', { q: 'Paloma' }],
      ] as const) {
        const r = await c.req('POST', url, body);
        expect(r.statusCode, `${url}: ${r.body.slice(0, 200)}`).toBeLessThan(500);
        if (r.statusCode < 300) {
          for (const s of ['Paloma', 'Colibrí', 'Zenzontle', 'Quetzal', MARK, id['X']!, id['R2']!]) expect(r.body, `${url} shows ${s}`).not.toContain(s);
        } else expect([403, 404], url).toContain(r.statusCode);
      }
      // and may change nothing of A's runs
      expect((await c.req('POST', `${BASE}/runs/${id['R1']}/status`, { version: 1, status: 'cancelled' })).statusCode).toBe(who === 'viewer' ? 403 : 404);
      expect((await c.req('PUT', `${BASE}/runs/${id['R1']}`, { arriveBy: { place: 'poe-san-ysidro', local: '2027-03-14T04:00' }, legs: [{ from: 'mx-tijuana', to: 'poe-san-ysidro', mode: 'car', durationMinutes: 30 }], version: 1 })).statusCode).toBe(who === 'viewer' ? 403 : 404);
    });
  }

  it('the partner marks only leg 2 and reads only leg 2\'s meeting point (audited)', async () => {
    const no = await partnerViewer.req('POST', `${BASE}/runs/${id['R1']}/marks`, { legId: id['leg1'], personId: id['X'], mark: 'picked_up' });
    expect([403, 404]).toContain(no.statusCode);
    const other = await partnerViewer.req('POST', `${BASE}/runs/${id['R2']}/marks`, { legId: id['leg2'], personId: id['Z'], mark: 'arrived' });
    expect(other.statusCode).toBe(404);
    const yes = await partnerViewer.req('POST', `${BASE}/runs/${id['R1']}/marks`, { legId: id['leg2'], personId: id['X'], mark: 'presented' });
    expect(yes.statusCode, yes.body).toBe(200);
    expect((yes.json() as { leg: Leg }).leg.passengers.map((p) => p.mark)).toEqual(['presented', 'pending']);
    const points = await partnerViewer.req('POST', `${BASE}/runs/${id['R1']}/meeting-points`, {});
    expect(points.statusCode, points.body).toBe(200);
    expect(points.json()).toEqual({ legs: [{ legId: id['leg2'], meetingPoint: `Puerta ${MARK}-2` }] });
    expect((await partnerViewer.req('POST', `${BASE}/runs/${id['R2']}/meeting-points`, {})).statusCode).toBe(404);
    const audit = await store().db.selectFrom('audit_events').select(['action', 'target_id', 'detail']).where('action', '=', 'run.meeting_points').execute();
    expect(audit).toEqual([{ action: 'run.meeting_points', target_id: id['R1'], detail: JSON.stringify({ legs: [id['leg2']] }) }]);
  });

  it('the escort (an analyst without accompaniment rights) reaches R1 for leg 1 only', async () => {
    const r = await escort.req('GET', `${BASE}/runs/${id['R1']}`);
    expect(r.statusCode, r.body).toBe(200);
    const trip = r.json() as { access: string; legs: Leg[]; passengers: { personId: string }[] };
    expect(trip.access).toBe('escort');
    expect(trip.passengers.map((p) => p.personId)).toEqual([id['X'], id['Y']]);
    expect(trip.legs.map((l) => l.mayMark)).toEqual([true, false]);
    for (const s of FORBIDDEN_IN_TRIP) expect(r.body, s).not.toContain(s);
    expect((await escort.req('GET', `${BASE}/runs/${id['R2']}`)).statusCode).toBe(404);
    expect(((await escort.req('GET', `${BASE}/my-runs`)).json() as { items: { id: string; access: string }[] }).items.map((i) => [i.id, i.access])).toEqual([[id['R1'], 'escort']]);
    expect((await escort.req('POST', `${BASE}/runs/${id['R1']}/marks`, { legId: id['leg2'], personId: id['Y'], mark: 'presented' })).statusCode).toBe(403);
    expect((await escort.req('POST', `${BASE}/runs/${id['R1']}/marks`, { legId: id['leg1'], personId: id['Y'], mark: 'picked_up' })).statusCode).toBe(200);
    expect((await escort.req('POST', `${BASE}/runs/${id['R1']}/meeting-points`, {})).json()).toEqual({ legs: [{ legId: id['leg1'], meetingPoint: `Andén ${MARK}-1` }] });
    expect((await escort.req('POST', `${BASE}/people/search`, { q: 'Paloma' })).statusCode).toBe(403);
    expect((await escort.req('POST', `${BASE}/plan`, { from: '2027-03-10', to: '2027-03-20' })).statusCode).toBe(403);
  });

  it('a member of a third organisation sees nothing of either run', async () => {
    for (const run of [id['R1'], id['R2']]) {
      expect((await third.req('GET', `${BASE}/runs/${run}`)).statusCode).toBe(404);
      expect((await third.req('POST', `${BASE}/runs/${run}/marks`, { legId: id['leg2'], personId: id['X'], mark: 'missed' })).statusCode).toBe(404);
      expect((await third.req('POST', `${BASE}/runs/${run}/meeting-points`, {})).statusCode).toBe(404);
      expect((await third.req('POST', `${BASE}/runs/${run}/status`, { version: 1, status: 'cancelled' })).statusCode).toBe(404);
    }
    expect((await third.req('GET', `${BASE}/my-runs`)).json()).toEqual({ items: [] });
    const plan = await third.req('POST', `${BASE}/plan`, { from: '2027-03-10', to: '2027-03-20' });
    expect(plan.statusCode).toBe(200);
    expect(plan.body).not.toContain('RUN-');
    expect(plan.body).not.toContain('HRG-');
  });

  it('ends with the trip: once A ends R1, the partner and the escort get 404 at once', async () => {
    const r = (await coord.req('GET', `${BASE}/runs/${id['R1']}`)).json() as { version: number; status: string };
    expect(r.status).toBe('underway');
    const end = await coord.req('POST', `${BASE}/runs/${id['R1']}/status`, { version: r.version, status: 'ended' });
    expect(end.statusCode, end.body).toBe(200);
    for (const c of [partnerViewer, partnerCoord, escort]) {
      expect((await c.req('GET', `${BASE}/runs/${id['R1']}`)).statusCode).toBe(404);
      expect((await c.req('POST', `${BASE}/runs/${id['R1']}/marks`, { legId: id['leg2'], personId: id['Y'], mark: 'presented' })).statusCode).toBe(404);
      expect((await c.req('POST', `${BASE}/runs/${id['R1']}/marks`, { legId: id['leg1'], personId: id['Y'], mark: 'arrived' })).statusCode).toBe(404);
      expect((await c.req('POST', `${BASE}/runs/${id['R1']}/meeting-points`, {})).statusCode).toBe(404);
      expect((await c.req('GET', `${BASE}/my-runs`)).json()).toEqual({ items: [] });
    }
    // the organisation still reads it, and changes nothing more
    expect((await coord.req('GET', `${BASE}/runs/${id['R1']}`)).statusCode).toBe(200);
    const after = await coord.req('POST', `${BASE}/runs/${id['R1']}/marks`, { legId: id['leg2'], personId: id['Y'], mark: 'presented' });
    expect([after.statusCode, (after.json() as { error: string }).error]).toEqual([409, 'run_closed']);
  });
});
