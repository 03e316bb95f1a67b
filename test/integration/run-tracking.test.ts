/**
 * Runs on the day through the HTTP API (issue 9, must hold: times right across zones and clock
 * changes on both sides of the border):
 *  - a presentation at San Ysidro at 04:00 on 2027-03-14 (the spring switch) reached by bus from
 *    Mexicali and on foot from Tijuana, and one at the Calexico West port at 05:00 on 2026-11-01
 *    (the autumn switch) by bus from Tijuana — each time shown at its own place's zone, in the
 *    preview, the saved run, the trip, one's trips and the day view;
 *  - marks leg by leg from the driver's phone; someone marked missed raises one run_missed in the
 *    coordinator's inbox with the reference and the link only; a leg left unmarked past its
 *    deadline raises exactly one run_unmarked even when the scheduler's pass runs twice; the run
 *    ends by itself 12 h after its last arrival, and the driver's access with it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';
import { alertUnmarkedLegs } from '../../src/services/accompaniment/tracking/unmarked-legs.js';

const BASE = '/api/v1/accompaniment';
const T0 = '2026-10-01T10:00:00.000Z';
let ws: TestWorkspace;
let admin: Client;
let coord: Client;
let driver: Client;
const id: Record<string, string> = {};
let refs = 0;
const store = () => ws.vault.runtime().store;

async function person(pseudonym: string): Promise<string> {
  const pid = randomUUID();
  refs++;
  await store().db.insertInto('accompanied_people').values({
    id: pid, org_id: id['org']!, ref: `ACP-${String(refs).padStart(4, '0')}`, pseudonym, family_id: null, family_role: null, nationality: 'GT', languages: '["quc","es"]', age_group: 'adult',
    needs: '[]', needs_note: null, staying_at: null, reminder_lang: 'es', identity: null, status: 'active', created_at: T0, created_by: id['coord']!, updated_at: T0, updated_by: id['coord']!, version: 1,
  }).execute();
  return pid;
}

async function hearing(people: string[], startsAt: string, presentAt: string, presentPlace: string, court: string): Promise<string> {
  const hid = randomUUID();
  refs++;
  await store().db.insertInto('hearings').values({
    id: hid, org_id: id['org']!, ref: `HRG-${String(refs).padStart(4, '0')}`, court, zone: 'America/Los_Angeles', starts_at: startsAt, kind: 'master_calendar',
    present_place: presentPlace, present_zone: 'America/Los_Angeles', present_at: presentAt, representative: null, documents: '[]', notes: null,
    status: 'scheduled', outcome: null, outcome_at: null, next_hearing_id: null, created_at: T0, created_by: id['coord']!, updated_at: T0, updated_by: id['coord']!, version: 1,
  }).execute();
  for (const p of people) await store().db.insertInto('hearing_people').values({ hearing_id: hid, person_id: p, attendance: 'expected' }).execute();
  return hid;
}

interface LegView { id: string; ordinal: number; departAt: string; arriveAt: string; departLocal: string; arriveLocal: string; fromZone: string; toZone: string; markBy: string; passengers: { personId: string; mark: string }[] }

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  coord = await userWithRole(ws, admin, 'coordinator');
  driver = await userWithRole(ws, admin, 'viewer', 'chofer@example.org');
  const users = await store().users.list();
  id['coord'] = users.find((u) => u.email === 'coordinator@example.org')!.id;
  id['driver'] = users.find((u) => u.email === 'chofer@example.org')!.id;
  id['org'] = users.find((u) => u.email === 'coordinator@example.org')!.org_id;
  id['a'] = await person('Ceibo');
  id['b'] = await person('Tecolote');
  id['c'] = await person('Pochote');
  // 04:00 PDT at San Ysidro on the morning the clocks spring forward; the hearing at 08:00
  id['spring'] = await hearing([id['a'], id['b']], '2027-03-14T15:00:00.000Z', '2027-03-14T11:00:00.000Z', 'poe-san-ysidro', 'court-san-diego');
  // 05:00 PST at Calexico West on the morning the clocks fall back
  id['autumn'] = await hearing([id['c']], '2026-11-01T16:00:00.000Z', '2026-11-01T13:00:00.000Z', 'poe-calexico-west', 'court-imperial');
}, 120_000);
afterAll(async () => { await ws?.close(); });

const springRun = () => ({
  arriveBy: { place: 'poe-san-ysidro', local: '2027-03-14T04:00' }, marginMinutes: 30,
  legs: [
    { from: 'mx-mexicali', to: 'mx-tijuana', mode: 'bus', durationMinutes: 160, transferMinutes: 15, seats: 2, escortId: id['driver'] },
    { from: 'mx-tijuana', to: 'poe-san-ysidro', mode: 'walk', durationMinutes: 25, seats: 2, escortId: id['driver'], markGraceMinutes: 15 },
  ],
  passengers: [{ personId: id['a'], hearingId: id['spring'] }, { personId: id['b'], hearingId: id['spring'] }],
});

describe('times across the clock changes on both sides of the border', () => {
  it('plans the spring-switch dawn: the bus leaves Mexicali at 23:10 PST the night before, the walk to San Ysidro at 03:05 PDT', async () => {
    const p = await coord.req('POST', `${BASE}/runs/preview`, springRun());
    expect(p.statusCode, p.body).toBe(200);
    const preview = p.json() as { legs: LegView[]; problems: unknown[] };
    expect(preview.problems).toEqual([]);
    expect(preview.legs.map((l) => [l.departLocal, l.fromZone, l.arriveLocal, l.toZone])).toEqual([
      ['2027-03-13T23:10', 'America/Tijuana', '2027-03-14T01:50', 'America/Tijuana'],
      ['2027-03-14T03:05', 'America/Tijuana', '2027-03-14T03:30', 'America/Los_Angeles'],
    ]);
    const r = await coord.req('POST', `${BASE}/runs`, springRun());
    expect(r.statusCode, r.body).toBe(201);
    const run = r.json() as { id: string; day: string; arriveBy: { local: string; at: string }; marginMinutes: number; legs: LegView[] };
    id['run'] = run.id;
    expect([run.day, run.arriveBy.local, run.arriveBy.at, run.marginMinutes]).toEqual(['2027-03-14', '2027-03-14T04:00', '2027-03-14T11:00:00.000Z', 30]);
    expect(run.legs.map((l) => [l.departAt, l.departLocal, l.arriveAt, l.arriveLocal, l.markBy])).toEqual([
      ['2027-03-14T07:10:00.000Z', '2027-03-13T23:10', '2027-03-14T09:50:00.000Z', '2027-03-14T01:50', '2027-03-14T10:10:00.000Z'],
      ['2027-03-14T10:05:00.000Z', '2027-03-14T03:05', '2027-03-14T10:30:00.000Z', '2027-03-14T03:30', '2027-03-14T10:45:00.000Z'],
    ]);
    // the driver's phone shows the same wall times
    const trip = (await driver.req('GET', `${BASE}/runs/${run.id}`)).json() as { legs: LegView[]; passengers: { presentLocal: string }[] };
    expect(trip.legs.map((l) => [l.departLocal, l.arriveLocal])).toEqual([['2027-03-13T23:10', '2027-03-14T01:50'], ['2027-03-14T03:05', '2027-03-14T03:30']]);
    expect(trip.passengers.map((p) => p.presentLocal)).toEqual(['2027-03-14T04:00', '2027-03-14T04:00']);
    const mine = (await driver.req('GET', `${BASE}/my-runs`)).json() as { items: { firstDepartLocal: string; day: string }[] };
    expect(mine.items).toEqual([expect.objectContaining({ day: '2027-03-14', firstDepartLocal: '2027-03-13T23:10' })]);
  });

  it('plans the autumn-switch dawn: the bus from Tijuana leaves at the second 01:10 of the night', async () => {
    const r = await coord.req('POST', `${BASE}/runs`, {
      arriveBy: { place: 'poe-calexico-west', local: '2026-11-01T05:00' }, marginMinutes: 30,
      legs: [{ from: 'mx-tijuana', to: 'mx-mexicali', mode: 'bus', durationMinutes: 180, seats: 1 }, { from: 'mx-mexicali', to: 'poe-calexico-west', mode: 'walk', durationMinutes: 20, seats: 1 }],
      passengers: [{ personId: id['c'], hearingId: id['autumn'] }],
    });
    expect(r.statusCode, r.body).toBe(201);
    const run = r.json() as { id: string; day: string; arriveBy: { local: string }; legs: LegView[] };
    id['autumnRun'] = run.id;
    expect([run.day, run.arriveBy.local]).toEqual(['2026-11-01', '2026-11-01T05:00']);
    expect(run.legs.map((l) => [l.departAt, l.departLocal, l.arriveLocal])).toEqual([
      ['2026-11-01T09:10:00.000Z', '2026-11-01T01:10', '2026-11-01T04:10'],
      ['2026-11-01T12:10:00.000Z', '2026-11-01T04:10', '2026-11-01T04:30'],
    ]);
    // a doubled wall time for a fixed departure is refused with both instants, and accepted with a fold
    const bad = await coord.req('POST', `${BASE}/runs/preview`, {
      arriveBy: { place: 'poe-calexico-west', local: '2026-11-01T05:00' },
      legs: [{ from: 'mx-tijuana', to: 'mx-mexicali', mode: 'bus', durationMinutes: 150, departLocal: '2026-11-01T01:30' }, { from: 'mx-mexicali', to: 'poe-calexico-west', mode: 'walk', durationMinutes: 20 }],
    });
    expect((bad.json() as { problems: unknown[] }).problems).toEqual([expect.objectContaining({ path: 'legs.0.departLocal', code: 'ambiguous_local_time', params: { earlier: '2026-11-01T08:30:00.000Z', later: '2026-11-01T09:30:00.000Z' } })]);
    // and the day view puts both hearings on their local day with their runs
    const plan = (await coord.req('POST', `${BASE}/plan`, { from: '2026-10-31', to: '2026-11-01' })).json() as { days: { day: string; hearings: { presentLocal: string }[]; runs: { id: string; firstDepartLocal: string }[]; seatsNeeded: number }[] };
    expect(plan.days.map((d) => [d.day, d.hearings.map((h) => h.presentLocal), d.runs.map((x) => [x.id, x.firstDepartLocal]), d.seatsNeeded])).toEqual([
      ['2026-10-31', [], [], 0],
      ['2026-11-01', ['2026-11-01T05:00'], [[run.id, '2026-11-01T01:10']], 1],
    ]);
    const spring = (await coord.req('POST', `${BASE}/plan`, { from: '2027-03-13', to: '2027-03-14' })).json() as { days: { day: string; runs: { firstDepartLocal: string }[]; seatsNeeded: number }[] };
    expect(spring.days.map((d) => [d.day, d.runs.map((x) => x.firstDepartLocal), d.seatsNeeded])).toEqual([['2027-03-13', [], 0], ['2027-03-14', ['2027-03-13T23:10'], 2]]);
  });
});

describe('on the day', () => {
  it('marks leg by leg from the driver\'s phone; missed raises one run_missed to the coordinator, reference and link only', async () => {
    const run = (await coord.req('GET', `${BASE}/runs/${id['run']}`)).json() as { legs: LegView[] };
    const [leg1, leg2] = run.legs;
    id['leg1'] = leg1!.id;
    id['leg2'] = leg2!.id;
    const tap = (legId: string, personId: string, mark: string) => driver.req('POST', `${BASE}/runs/${id['run']}/marks`, { legId, personId, mark });
    expect((await tap(leg1!.id, id['a']!, 'picked_up')).statusCode).toBe(200);
    expect(((await coord.req('GET', `${BASE}/runs/${id['run']}`)).json() as { status: string }).status).toBe('underway');
    expect((await tap(leg1!.id, id['a']!, 'arrived')).statusCode).toBe(200);
    expect((await tap(leg1!.id, id['b']!, 'missed')).statusCode).toBe(200);
    expect((await tap(leg1!.id, id['b']!, 'missed')).statusCode).toBe(200);
    const r = await tap(leg2!.id, id['a']!, 'picked_up');
    expect((r.json() as { leg: LegView }).leg.passengers.map((p) => [p.personId, p.mark])).toEqual([[id['a'], 'picked_up'], [id['b'], 'pending']]);
    expect((await tap(leg2!.id, id['a']!, 'bogus')).statusCode).toBe(400);
    const inbox = (await coord.req('GET', '/api/v1/alerts')).json() as { items: { kind: string; ref: string; link: string }[] };
    const missed = inbox.items.filter((a) => a.kind === 'run_missed');
    expect(missed).toEqual([expect.objectContaining({ kind: 'run_missed', ref: 'RUN-0001', link: `/accompaniment/runs/${id['run']}` })]);
    expect(JSON.stringify(inbox)).not.toMatch(/Ceibo|Tecolote|ACP-/);
    const rows = await store().db.selectFrom('alerts').selectAll().execute();
    expect(JSON.stringify(rows)).not.toMatch(/Ceibo|Tecolote|ACP-/);
    // the driver's own inbox has nothing of it
    expect(((await driver.req('GET', '/api/v1/alerts')).json() as { items: unknown[] }).items).toEqual([]);
  });

  it('raises exactly one run_unmarked for a leg left unmarked past its deadline, even when the pass runs twice', async () => {
    // leg 2 (walk, deadline 10:45Z): a picked up, b pending; leg 1 settled (arrived, missed)
    // the autumn run's two legs (2026, nobody marked) fall due at the first pass, and that run ends there
    expect(await alertUnmarkedLegs(store(), '2027-03-14T10:44:00.000Z')).toBe(2);
    expect(await alertUnmarkedLegs(store(), '2027-03-14T10:44:00.000Z')).toBe(0);
    expect(await alertUnmarkedLegs(store(), '2027-03-14T10:46:00.000Z')).toBe(1);
    expect(await alertUnmarkedLegs(store(), '2027-03-14T10:46:00.000Z')).toBe(0);
    expect(await alertUnmarkedLegs(store(), '2027-03-14T11:30:00.000Z')).toBe(0);
    const inbox = (await coord.req('GET', '/api/v1/alerts')).json() as { items: { kind: string; ref: string; link: string }[] };
    expect(inbox.items.filter((a) => a.kind === 'run_unmarked' && a.ref === 'RUN-0001')).toEqual([expect.objectContaining({ ref: 'RUN-0001', link: `/accompaniment/runs/${id['run']}` })]);
    const rows = await store().db.selectFrom('alerts').select(['dedupe_key']).where('kind', '=', 'run_unmarked').where('subject_id', '=', id['run']!).execute();
    expect(rows).toEqual([{ dedupe_key: `run-unmarked:${id['leg2']}:2027-03-14T10:45:00.000Z` }]);
  });

  it('ends the run by itself 12 h after its last arrival, and the driver\'s access with it', async () => {
    await alertUnmarkedLegs(store(), '2027-03-14T22:29:00.000Z');
    expect((await driver.req('GET', `${BASE}/runs/${id['run']}`)).statusCode).toBe(200);
    await alertUnmarkedLegs(store(), '2027-03-14T22:30:00.000Z');
    expect((await driver.req('GET', `${BASE}/runs/${id['run']}`)).statusCode).toBe(404);
    expect((await driver.req('POST', `${BASE}/runs/${id['run']}/marks`, { legId: id['leg2'], personId: id['b'], mark: 'presented' })).statusCode).toBe(404);
    expect((await driver.req('GET', `${BASE}/my-runs`)).json()).toEqual({ items: [] });
    const run = (await coord.req('GET', `${BASE}/runs/${id['run']}`)).json() as { status: string };
    expect(run.status).toBe('ended');
    const audit = await store().db.selectFrom('audit_events').select(['action', 'target_id']).where('action', '=', 'run.ended_automatically').execute();
    // the autumn run (2026) ended at the first pass above
    expect(audit.map((a) => a.target_id).sort()).toEqual([id['run'], id['autumnRun']].sort());
  });
});
