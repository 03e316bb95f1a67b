/**
 * Transport runs through the use cases, on both backends: a dawn presentation at San Ysidro planned
 * backwards from Mexicali across the spring switch and one across the autumn switch; wall times the
 * clocks skip or pass twice refused with the choices; places, chaining, escorts, partners,
 * coordinators and passengers checked field by field; a change keeping the marks that remain and
 * the meeting points; status changes and the final states; one tap marks, missed alerting once;
 * unmarked legs alerting once per deadline across two scheduler passes; runs ending 12 h after the
 * last arrival; the day and week view with seats and flags.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../../test/helpers/api.js';
import type { ServiceContext } from '../../context.js';
import type { Store } from '../../../store/store.js';
import { createUser } from '../../users/manage-users.js';
import { ServiceError } from '../../errors.js';
import { createRun, previewRun, updateRun } from './save-run.js';
import { myRuns, readRun } from './read-run.js';
import { changeRunStatus } from './run-status.js';
import { readMeetingPoints } from './meeting-points.js';
import { markPassenger } from '../tracking/mark-passenger.js';
import { alertUnmarkedLegs } from '../tracking/unmarked-legs.js';
import { planView } from '../plan/plan-view.js';
import type { RunView, TripView } from './run-views.js';
import type { RunInput } from '../../../domain/accompaniment/run.js';
import type { Role } from '../../../domain/user/roles.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const T0 = '2027-03-01T10:00:00.000Z';
const MARK = 'QZRUNIDENT';
const at = (ctx: ServiceContext, now: string): ServiceContext => ({ ...ctx, now: () => now });
const store = (): Store => ws.vault.runtime().store;
const ids: Record<string, string> = {};
let refs = 0;

async function person(orgId: string, pseudonym: string, ageGroup: 'adult' | 'child' = 'adult'): Promise<string> {
  const id = randomUUID();
  refs++;
  await store().db.insertInto('accompanied_people').values({
    id, org_id: orgId, ref: `ACP-${String(refs).padStart(4, '0')}`, pseudonym, family_id: null, family_role: null, nationality: 'HN', languages: '["es"]', age_group: ageGroup,
    needs: '["interpreter"]', needs_note: `nota ${MARK}`, staying_at: null, reminder_lang: 'es', identity: `identidad ${MARK}`, status: 'active',
    created_at: T0, created_by: admin.user.id, updated_at: T0, updated_by: admin.user.id, version: 1,
  }).execute();
  return id;
}

async function hearing(orgId: string, people: string[], startsAt: string, presentAt: string | null, presentPlace = 'poe-san-ysidro'): Promise<string> {
  const id = randomUUID();
  refs++;
  await store().db.insertInto('hearings').values({
    id, org_id: orgId, ref: `HRG-${String(refs).padStart(4, '0')}`, court: 'court-san-diego', zone: 'America/Los_Angeles', starts_at: startsAt, kind: 'master_calendar',
    present_place: presentAt ? presentPlace : null, present_zone: presentAt ? 'America/Los_Angeles' : null, present_at: presentAt, representative: `rep ${MARK}`, documents: '[]', notes: `notas ${MARK}`,
    status: 'scheduled', outcome: null, outcome_at: null, next_hearing_id: null, created_at: T0, created_by: admin.user.id, updated_at: T0, updated_by: admin.user.id, version: 1,
  }).execute();
  for (const p of people) await store().db.insertInto('hearing_people').values({ hearing_id: id, person_id: p, attendance: 'expected' }).execute();
  return id;
}

async function user(role: Role, name: string, orgId?: string): Promise<ServiceContext> {
  const u = await createUser(admin, { email: `${name}@example.org`, displayName: name, role, password: 'contraseña-larga-2026', ...(orgId ? { orgId } : {}) });
  return { ...admin, user: { id: u.id, role, orgId: u.orgId, displayName: name } };
}

const failure = async (p: Promise<unknown>): Promise<ServiceError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error('expected a failure');
};

/** Mexicali → Tijuana by bus, Tijuana → San Ysidro by car, presenting at 04:00 on the spring switch. */
const spring = (passengers: RunInput['passengers'] = [], extra: Partial<RunInput> = {}): RunInput => ({
  label: `Ruta ${MARK}`,
  arriveBy: { place: 'poe-san-ysidro', local: '2027-03-14T04:00' }, marginMinutes: 30,
  legs: [
    { from: 'mx-mexicali', to: 'mx-tijuana', mode: 'bus', durationMinutes: 160, transferMinutes: 15, seats: 2, meetingPoint: `Andén ${MARK}` },
    { from: 'mx-tijuana', to: 'poe-san-ysidro', mode: 'car', durationMinutes: 25, seats: 4, escortId: ids['driver']!, handoffOrgId: ids['partnerOrg']! },
  ],
  passengers, ...extra,
});

let coordinator: ServiceContext;
let driver: ServiceContext;
let partner: ServiceContext;
let stranger: ServiceContext;

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, T0);
  ids['partnerOrg'] = randomUUID();
  ids['otherOrg'] = randomUUID();
  await store().users.insertOrganisation(ids['partnerOrg'], 'Albergue socio', T0);
  await store().users.insertOrganisation(ids['otherOrg'], 'Otra organización', T0);
  coordinator = at(await user('coordinator', 'Tomás'), T0);
  driver = at(await user('viewer', 'Chofer'), T0);
  ids['driver'] = driver.user.id;
  partner = at(await user('viewer', 'Socia', ids['partnerOrg']), T0);
  stranger = at(await user('coordinator', 'Ajena', ids['otherOrg']), T0);
  const org = admin.user.orgId;
  ids['x'] = await person(org, 'Paloma');
  ids['y'] = await person(org, 'Colibrí', 'child');
  ids['z'] = await person(org, 'Ceiba');
  ids['foreign'] = await person(ids['otherOrg'], 'Ajeno');
  // present at San Ysidro at 04:00 PDT on the morning of the spring switch; the hearing at 08:00
  ids['hx'] = await hearing(org, [ids['x']!, ids['y']!], '2027-03-14T15:00:00.000Z', '2027-03-14T11:00:00.000Z');
  ids['hz'] = await hearing(org, [ids['z']!], '2027-03-14T16:00:00.000Z', '2027-03-14T11:00:00.000Z');
}, 120_000);
afterAll(async () => { await ws?.close(); });

describe('planning a run', () => {
  it('previews a dawn presentation at San Ysidro planned backwards from Mexicali across the spring switch', async () => {
    const p = await previewRun(coordinator, spring());
    expect(p.problems).toEqual([]);
    expect(p.legs.map((l) => [l.from, l.departLocal, l.to, l.arriveLocal, l.fromZone, l.toZone])).toEqual([
      ['mx-mexicali', '2027-03-13T23:10', 'mx-tijuana', '2027-03-14T01:50', 'America/Tijuana', 'America/Tijuana'],
      ['mx-tijuana', '2027-03-14T03:05', 'poe-san-ysidro', '2027-03-14T03:30', 'America/Tijuana', 'America/Los_Angeles'],
    ]);
    expect(p.legs[0]!.departAt).toBe('2027-03-14T07:10:00.000Z');
  });

  it('plans across the autumn switch, and with a bus at a fixed time', async () => {
    const p = await previewRun(coordinator, {
      arriveBy: { place: 'poe-calexico-west', local: '2026-11-01T05:00' }, marginMinutes: 30,
      legs: [{ from: 'mx-tijuana', to: 'mx-mexicali', mode: 'bus', durationMinutes: 180 }, { from: 'mx-mexicali', to: 'poe-calexico-west', mode: 'walk', durationMinutes: 20 }],
    });
    expect(p.problems).toEqual([]);
    // 04:30 PST arrival; 20 min walk from 04:10; the bus 3 h earlier (elapsed) = 01:10 PST = the second 01:10 of the night
    expect(p.legs.map((l) => [l.departLocal, l.arriveLocal])).toEqual([['2026-11-01T01:10', '2026-11-01T04:10'], ['2026-11-01T04:10', '2026-11-01T04:30']]);
    expect(p.legs[0]!.departAt).toBe('2026-11-01T09:10:00.000Z');
    const fixed = await previewRun(coordinator, {
      arriveBy: { place: 'poe-calexico-west', local: '2026-11-01T05:00' },
      legs: [{ from: 'mx-tijuana', to: 'mx-mexicali', mode: 'bus', durationMinutes: 180, departLocal: '2026-11-01T01:30', departFold: 'earlier' }, { from: 'mx-mexicali', to: 'poe-calexico-west', mode: 'walk', durationMinutes: 20 }],
    });
    expect(fixed.legs.map((l) => [l.departAt, l.departLocal, l.arriveLocal])).toEqual([['2026-11-01T08:30:00.000Z', '2026-11-01T01:30', '2026-11-01T03:30'], ['2026-11-01T11:30:00.000Z', '2026-11-01T03:30', '2026-11-01T03:50']]);
  });

  it('names every problem: skipped and doubled wall times, unknown places, unchained legs, accounts, organisations, people, hearings', async () => {
    const skipped = await previewRun(coordinator, { ...spring(), arriveBy: { place: 'poe-san-ysidro', local: '2027-03-14T02:30' } });
    expect(skipped.problems).toEqual([expect.objectContaining({ path: 'arriveBy.local', code: 'nonexistent_local_time' })]);
    expect(skipped.legs).toEqual([]);
    const doubled = await previewRun(coordinator, { ...spring(), arriveBy: { place: 'poe-san-ysidro', local: '2026-11-01T01:30' } });
    expect(doubled.problems).toEqual([expect.objectContaining({ path: 'arriveBy.local', code: 'ambiguous_local_time', params: { earlier: '2026-11-01T08:30:00.000Z', later: '2026-11-01T09:30:00.000Z' } })]);
    const bad = await previewRun(coordinator, {
      arriveBy: { place: 'poe-san-ysidro', local: '2027-03-14T04:00' },
      legs: [
        { from: 'mx-atlantis', to: 'mx-tijuana', mode: 'bus', durationMinutes: 60, escortId: randomUUID(), handoffOrgId: admin.user.orgId },
        { from: 'mx-tecate', to: 'poe-san-ysidro', mode: 'car', durationMinutes: 30, handoffOrgId: randomUUID(), departLocal: '2027-03-14T02:15' },
      ],
      passengers: [{ personId: ids['foreign']! }, { personId: ids['z']!, hearingId: ids['hx']! }, { personId: ids['x']!, legs: [3] }, { personId: ids['x']! }],
      coordinatorId: stranger.user.id,
    });
    expect(bad.problems.map((p) => [p.path, p.code]).sort()).toEqual([
      ['coordinatorId', 'not_allowed'],
      ['legs.0.escortId', 'no_such_account'],
      ['legs.0.from', 'unknown_place'],
      ['legs.0.handoffOrgId', 'own_organisation'],
      ['legs.1.departLocal', 'nonexistent_local_time'],
      ['legs.1.from', 'legs_not_chained'],
      ['legs.1.handoffOrgId', 'no_such_organisation'],
      ['passengers.0.personId', 'no_such_person'],
      ['passengers.1.hearingId', 'not_summoned'],
      ['passengers.2.legs', 'no_such_leg'],
      ['passengers.3.personId', 'duplicate_person'],
    ]);
    const refused = await failure(createRun(coordinator, { ...spring([{ personId: ids['foreign']! }]) }));
    expect([refused.status, refused.problems?.map((p) => p.code)]).toEqual([400, ['no_such_person']]);
    expect((await failure(createRun(driver, spring()))).status).toBe(403);
    expect((await failure(previewRun(partner, spring()))).status).toBe(403);
  });

  it('saves a run: legs at their zones, the presentation as arriveBy, a pending mark per passenger and leg, meeting points sealed, audited with ids', async () => {
    const v = (await createRun(coordinator, spring([{ personId: ids['x']!, hearingId: ids['hx']! }, { personId: ids['y']!, hearingId: ids['hx']!, legs: [2] }]))) as RunView;
    ids['run'] = v.id;
    expect(v).toMatchObject({
      ref: 'RUN-0001', day: '2027-03-14', status: 'planned', label: `Ruta ${MARK}`, version: 1, coordinator: { id: coordinator.user.id, displayName: 'Tomás' },
      arriveBy: { place: 'poe-san-ysidro', zone: 'America/Los_Angeles', at: '2027-03-14T11:00:00.000Z', local: '2027-03-14T04:00' }, marginMinutes: 30,
    });
    expect(v.legs.map((l) => [l.ordinal, l.departLocal, l.arriveLocal, l.markBy, l.seats, l.escort?.displayName ?? null, l.handoffOrg?.name ?? null, l.hasMeetingPoint, l.passengers.map((p) => [p.pseudonym, p.mark])])).toEqual([
      [1, '2027-03-13T23:10', '2027-03-14T01:50', '2027-03-14T10:10:00.000Z', 2, null, null, true, [['Paloma', 'pending']]],
      [2, '2027-03-14T03:05', '2027-03-14T03:30', '2027-03-14T10:50:00.000Z', 4, 'Chofer', 'Albergue socio', false, [['Paloma', 'pending'], ['Colibrí', 'pending']]],
    ]);
    expect(v.passengers.map((p) => [p.pseudonym, p.ageGroup, p.needs, p.legs, p.hearing?.presentLocal])).toEqual([['Paloma', 'adult', ['interpreter'], [1, 2], '2027-03-14T04:00'], ['Colibrí', 'child', ['interpreter'], [2], '2027-03-14T04:00']]);
    expect(JSON.stringify(v)).not.toContain(`identidad ${MARK}`);
    expect(JSON.stringify(v)).not.toContain(`rep ${MARK}`);
    const legs = await store().db.selectFrom('transport_legs').select(['meeting_point']).where('run_id', '=', v.id).orderBy('ordinal').execute();
    expect(legs[0]!.meeting_point).not.toContain(MARK);
    const audit = await store().db.selectFrom('audit_events').select(['action', 'target_id', 'detail']).where('action', 'like', 'run.%').execute();
    expect(audit).toEqual([{ action: 'run.created', target_id: v.id, detail: JSON.stringify({ legs: 2, passengers: 2 }) }]);
  });

  it('shows the trip to the driver and the partner, and nothing to anyone else', async () => {
    const trip = (await readRun(partner, ids['run']!)) as TripView;
    expect(trip).toMatchObject({ ref: 'RUN-0001', access: 'partner', day: '2027-03-14' });
    expect(trip.legs.map((l) => l.mayMark)).toEqual([false, true]);
    expect(trip.passengers.map((p) => [p.pseudonym, p.presentPlace, p.presentLocal])).toEqual([['Paloma', 'poe-san-ysidro', '2027-03-14T04:00'], ['Colibrí', 'poe-san-ysidro', '2027-03-14T04:00']]);
    expect(Object.keys(trip)).not.toContain('label');
    expect(JSON.stringify(trip)).not.toMatch(/court|master_calendar|Ruta/);
    expect(((await readRun(driver, ids['run']!)) as TripView).access).toBe('escort');
    expect((await failure(readRun(stranger, ids['run']!))).status).toBe(404);
    expect((await myRuns(partner)).items.map((i) => [i.ref, i.access, i.firstDepartLocal, i.legs, i.passengers])).toEqual([['RUN-0001', 'partner', '2027-03-13T23:10', 2, 2]]);
    expect((await myRuns(stranger)).items).toEqual([]);
    expect(await readMeetingPoints(coordinator, ids['run']!)).toEqual({ legs: [{ legId: expect.any(String), meetingPoint: `Andén ${MARK}` }, { legId: expect.any(String), meetingPoint: null }] });
    const theirs = await readMeetingPoints(partner, ids['run']!);
    expect(theirs.legs).toHaveLength(1);
    expect(JSON.stringify(theirs)).not.toContain(MARK);
  });

  it('changes a run keeping the marks that remain and the meeting points; a stale version is refused', async () => {
    const before = (await readRun(coordinator, ids['run']!)) as RunView;
    await markPassenger(at(coordinator, '2027-03-14T07:15:00.000Z'), ids['run']!, { legId: before.legs[0]!.id, personId: ids['x']!, mark: 'picked_up' });
    const started = (await readRun(coordinator, ids['run']!)) as RunView;
    expect([started.status, started.version]).toEqual(['underway', 2]);
    expect((await failure(updateRun(coordinator, ids['run']!, { ...spring(), version: 1 }))).code).toBe('stale');
    const changed = (await updateRun(coordinator, ids['run']!, {
      ...spring([{ personId: ids['x']!, hearingId: ids['hx']! }, { personId: ids['z']!, hearingId: ids['hz']! }]),
      legs: spring().legs.map((l, i) => (i === 0 ? { ...l, meetingPoint: undefined } : l)), version: 2,
    })) as RunView;
    expect(changed.version).toBe(3);
    expect(changed.legs.map((l) => l.id)).toEqual(before.legs.map((l) => l.id));
    expect(changed.legs.map((l) => l.passengers.map((p) => [p.pseudonym, p.mark]))).toEqual([[['Paloma', 'picked_up'], ['Ceiba', 'pending']], [['Paloma', 'pending'], ['Ceiba', 'pending']]]);
    expect((await readMeetingPoints(coordinator, ids['run']!)).legs[0]!.meetingPoint).toBe(`Andén ${MARK}`);
  });
});

describe('marks, alerts and the end of a run', () => {
  it('marks one tap at a time on one\'s own legs; missed alerts the coordinator once, with the reference and link only', async () => {
    const v = (await readRun(coordinator, ids['run']!)) as RunView;
    const [leg1, leg2] = v.legs;
    expect((await failure(markPassenger(partner, ids['run']!, { legId: leg1!.id, personId: ids['x']!, mark: 'arrived' }))).status).toBe(403);
    expect((await failure(markPassenger(stranger, ids['run']!, { legId: leg2!.id, personId: ids['x']!, mark: 'arrived' }))).status).toBe(404);
    expect((await failure(markPassenger(partner, ids['run']!, { legId: leg2!.id, personId: ids['y']!, mark: 'arrived' }))).status).toBe(404);
    const r = await markPassenger(at(partner, '2027-03-14T10:35:00.000Z'), ids['run']!, { legId: leg2!.id, personId: ids['x']!, mark: 'presented' });
    expect(r.leg.passengers.map((p) => [p.pseudonym, p.mark, p.markedAt])).toEqual([['Paloma', 'presented', '2027-03-14T10:35:00.000Z'], ['Ceiba', 'pending', null]]);
    for (let i = 0; i < 2; i++) await markPassenger(at(driver, '2027-03-14T10:40:00.000Z'), ids['run']!, { legId: leg2!.id, personId: ids['z']!, mark: 'missed' });
    const alerts = await store().db.selectFrom('alerts').selectAll().where('kind', '=', 'run_missed').execute();
    expect(alerts.map((a) => [a.ref, a.link, a.subject_type, a.subject_id, a.dedupe_key])).toEqual([['RUN-0001', `/accompaniment/runs/${ids['run']}`, 'transport_run', ids['run'], `run-missed:${leg2!.id}:${ids['z']}`]]);
    const deliveries = await store().db.selectFrom('alert_deliveries').select(['channel', 'target']).where('alert_id', '=', alerts[0]!.id).execute();
    expect(deliveries).toEqual([{ channel: 'app', target: coordinator.user.id }]);
    expect(JSON.stringify(alerts)).not.toMatch(/Ceiba|Paloma/);
    const audit = await store().db.selectFrom('audit_events').select(['detail']).where('action', '=', 'run.marked').execute();
    expect(audit.map((a) => a.detail).join()).not.toMatch(/Ceiba|Paloma/);
  });

  it('alerts an unmarked leg once past its deadline, across two passes, and ends runs 12 h after the last arrival', async () => {
    const v = (await readRun(coordinator, ids['run']!)) as RunView;
    // leg 1 (arrival 01:50 PST = 09:50Z, +20 min): Ceiba still pending; leg 2 settled (presented, missed)
    expect(await alertUnmarkedLegs(store(), '2027-03-14T10:09:00.000Z')).toBe(0);
    expect(await alertUnmarkedLegs(store(), '2027-03-14T10:10:00.000Z')).toBe(1);
    expect(await alertUnmarkedLegs(store(), '2027-03-14T10:30:00.000Z')).toBe(0);
    const alerts = await store().db.selectFrom('alerts').selectAll().where('kind', '=', 'run_unmarked').execute();
    expect(alerts.map((a) => [a.ref, a.dedupe_key, a.link])).toEqual([['RUN-0001', `run-unmarked:${v.legs[0]!.id}:2027-03-14T10:10:00.000Z`, `/accompaniment/runs/${ids['run']}`]]);
    // 12 h after the last arrival (10:30Z) the run ends, and with it the hand-off
    await alertUnmarkedLegs(store(), '2027-03-14T22:29:00.000Z');
    expect(((await readRun(partner, ids['run']!)) as TripView).status).toBe('underway');
    await alertUnmarkedLegs(store(), '2027-03-14T22:30:00.000Z');
    expect((await failure(readRun(partner, ids['run']!))).status).toBe(404);
    expect((await failure(readRun(driver, ids['run']!))).status).toBe(404);
    expect((await myRuns(partner)).items).toEqual([]);
    const ended = (await readRun(coordinator, ids['run']!)) as RunView;
    expect(ended.status).toBe('ended');
    expect((await failure(markPassenger(coordinator, ids['run']!, { legId: v.legs[0]!.id, personId: ids['z']!, mark: 'arrived' }))).code).toBe('run_closed');
    // the write itself holds only while the run is live: a tap whose check passed just before the run ended writes nothing
    expect(await store().transport.setMark(v.legs[0]!.id, ids['z']!, 'arrived', '2027-03-14T22:31:00.000Z', coordinator.user.id)).toBe(false);
    const kept = await store().db.selectFrom('leg_marks').select(['status', 'at']).where('leg_id', '=', v.legs[0]!.id).where('person_id', '=', ids['z']!).executeTakeFirstOrThrow();
    expect(kept.status).not.toBe('arrived');
    expect((await failure(changeRunStatus(coordinator, ids['run']!, { version: ended.version, status: 'underway' }))).code).toBe('run_closed');
  });

  it('moves status planned → underway → ended, cancels, and refuses what is not a step', async () => {
    const r = (await createRun(coordinator, spring([{ personId: ids['x']! }]))) as RunView;
    expect((await failure(changeRunStatus(coordinator, r.id, { version: 9, status: 'underway' }))).code).toBe('stale');
    const u = await changeRunStatus(coordinator, r.id, { version: 1, status: 'underway' });
    expect((await failure(changeRunStatus(coordinator, r.id, { version: u.version, status: 'planned' }))).problems?.[0]?.code).toBe('bad_transition');
    const c = await changeRunStatus(coordinator, r.id, { version: u.version, status: 'cancelled' });
    expect(c.status).toBe('cancelled');
    expect((await failure(readRun(driver, r.id))).status).toBe(404);
    expect((await failure(changeRunStatus(stranger, r.id, { version: c.version, status: 'ended' }))).status).toBe(404);
  });
});

describe('the day and week view', () => {
  it('counts seats needed and planned, and flags over-capacity, no seats, overlaps, double bookings, lateness and hearings without a run', async () => {
    const org = admin.user.orgId;
    const a = await person(org, 'Jacaranda');
    const b = await person(org, 'Guayacán', 'child');
    const c = await person(org, 'Nogal');
    const h = await hearing(org, [a, b, c], '2027-04-20T16:00:00.000Z', '2027-04-20T12:00:00.000Z'); // present 05:00 PDT
    const base = (passengers: RunInput['passengers'], seats: number | null, local = '2027-04-20T05:00'): RunInput => ({
      arriveBy: { place: 'poe-san-ysidro', local }, marginMinutes: 0,
      legs: [{ from: 'mx-tijuana', to: 'poe-san-ysidro', mode: 'car', durationMinutes: 40, seats, escortId: ids['driver']! }],
      passengers,
    });
    const r1 = (await createRun(coordinator, base([{ personId: a, hearingId: h }, { personId: b, hearingId: h }], 1))) as RunView;
    const r2 = (await createRun(coordinator, base([{ personId: a, hearingId: h }], null, '2027-04-20T05:20'))) as RunView;
    const r1again = (await readRun(coordinator, r1.id)) as RunView;
    expect(r1again.flags.map((f) => f.code).sort()).toEqual(['double_booked', 'escort_overlap', 'over_capacity']);
    expect(r2.flags.map((f) => f.code).sort()).toEqual(['arrives_late', 'double_booked', 'escort_overlap', 'no_seats']);
    const plan = await planView(coordinator, { from: '2027-04-19', to: '2027-04-21' });
    expect(plan.days.map((d) => d.day)).toEqual(['2027-04-19', '2027-04-20', '2027-04-21']);
    const day = plan.days[1]!;
    expect([day.peopleWithHearings, day.seatsNeeded, day.peopleOnRuns]).toEqual([3, 3, 2]);
    expect(day.hearings.map((x) => [x.id, x.presentLocal])).toEqual([[h, '2027-04-20T05:00']]);
    expect(day.runs.map((x) => [x.ref, x.seatsNeeded, x.seatsPlanned, x.firstDepartLocal])).toEqual([[r1.ref, 2, 1, '2027-04-20T04:20'], [r2.ref, 1, 0, '2027-04-20T04:40']]);
    expect(day.flags.filter((f) => f.code === 'hearing_without_run')).toEqual([{ code: 'hearing_without_run', personId: c, hearingId: h }]);
    expect(plan.days[0]!.flags).toEqual([]);
    expect(plan.flags.length).toBe(day.flags.length);
    expect((await failure(planView(coordinator, { from: '2027-04-01', to: '2027-05-15' }))).problems?.[0]?.code).toBe('range_too_long');
    expect((await failure(planView(driver, { from: '2027-04-01', to: '2027-04-02' }))).status).toBe(403);
    expect((await planView(stranger, { from: '2027-04-19', to: '2027-04-21' })).days[1]!.runs).toEqual([]);
  });
});

describe('reading a plan back', () => {
  it('reads back what the plan was made from: the arrive-by time as typed, the margin, a fixed departure, durations, waits and grace', async () => {
    const input = spring([], { marginMinutes: 45, arriveBy: { place: 'poe-san-ysidro', local: '2027-03-14T04:15' } });
    input.legs[0] = { ...input.legs[0]!, departLocal: '2027-03-13T22:30', markGraceMinutes: 40 };
    const run = await createRun(coordinator, input);
    expect(run.arriveBy).toEqual({ place: 'poe-san-ysidro', zone: 'America/Los_Angeles', at: '2027-03-14T11:15:00.000Z', local: '2027-03-14T04:15' });
    expect(run.marginMinutes).toBe(45);
    expect(run.legs.map((l) => [l.fixedDepartLocal, l.durationMinutes, l.transferMinutes, l.markGraceMinutes])).toEqual([
      ['2027-03-13T22:30', 160, 15, 40],
      [null, 25, 0, 20],
    ]);
    // 22:30 PST + 160 min = 01:10 PST; + 15 min wait = 01:25 PST, the car then leaves as planned forwards
    expect(run.legs[1]!.departLocal).toBe('2027-03-14T01:25');
    await changeRunStatus(coordinator, run.id, { version: run.version, status: 'cancelled' });
  });

  it('answers a tap with the run\'s status and version, so a page shows a planned run is now underway', async () => {
    const run = await createRun(coordinator, spring([{ personId: ids['z']!, hearingId: ids['hz']! }]));
    expect(run.status).toBe('planned');
    const r = await markPassenger(coordinator, run.id, { legId: run.legs[0]!.id, personId: ids['z']!, mark: 'picked_up' });
    expect(r.status).toBe('underway');
    expect(r.version).toBe(run.version + 1);
    expect(r.leg.passengers.map((p) => p.mark)).toEqual(['picked_up']);
    // the version it answered is the one a status change needs
    expect((await changeRunStatus(coordinator, run.id, { version: r.version, status: 'cancelled' })).status).toBe('cancelled');
  });

  it('keeps a tap\'s own time when the phone sends it late, within twelve hours, and says which field when it is not', async () => {
    const run = await createRun(coordinator, spring([{ personId: ids['z']!, hearingId: ids['hz']! }]));
    const leg = run.legs[0]!.id;
    const late = at(coordinator, '2027-03-14T10:20:00.000Z');
    const r = await markPassenger(late, run.id, { legId: leg, personId: ids['z']!, mark: 'picked_up', at: '2027-03-13T23:12:00-08:00' });
    expect(r.leg.passengers.map((p) => [p.mark, p.markedAt])).toEqual([['picked_up', '2027-03-14T07:12:00.000Z']]);
    const audit = await store().db.selectFrom('audit_events').select(['at', 'detail']).where('action', '=', 'run.marked').where('target_id', '=', run.id).execute();
    expect(audit.map((a) => [a.at, JSON.parse(a.detail!).tappedAt])).toEqual([['2027-03-14T10:20:00.000Z', '2027-03-14T07:12:00.000Z']]);
    for (const [tapAt, code] of [['2027-03-13T22:19:00.000Z', 'tap_too_old'], ['2027-03-14T10:26:00.000Z', 'tap_in_future']] as const) {
      const e = await failure(markPassenger(late, run.id, { legId: leg, personId: ids['z']!, mark: 'arrived', at: tapAt }));
      expect([e.status, e.problems?.[0]?.path, e.problems?.[0]?.code]).toEqual([400, 'at', code]);
    }
    expect(((await readRun(coordinator, run.id)) as RunView).legs[0]!.passengers.map((p) => p.mark)).toEqual(['picked_up']);
  });
});
