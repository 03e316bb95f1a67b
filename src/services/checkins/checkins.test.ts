/**
 * Check-ins through the use cases, on both backends: a defender sets an hourly plan for a caravan
 * with two contacts, checks in early, sets a duress code and checks in with it (the same answer, a
 * silent alert to the contacts and the responders, never to her), misses a deadline (one alert
 * however often the scheduler runs), checks in late (the contacts are told), misses the last one
 * (the plan ends); someone else's plans answer 404; validation names the field; ended plans never
 * escalate; the purpose is sealed in the database and in no alert.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { createUser, updateUser } from '../users/manage-users.js';
import { createCheckinPlan } from './create-plan.js';
import { listOwnPlans } from './list-plans.js';
import { possibleContacts } from './list-contacts.js';
import { checkIn } from './check-in.js';
import { endCheckinPlan } from './end-plan.js';
import { removeDuressCode, setDuressCode } from './duress-code.js';
import { escalateMissedCheckins } from './escalate-missed.js';
import type { KeySource } from '../auth/second-factor.js';

const MARKER = 'QZCHECKINMARKER';
const PASSWORD = 'temporal-12345';
const T = (hm: string) => `2026-05-01T${hm}:00.000Z`;

let ws: TestWorkspace;
let admin: ServiceContext;
let keys: KeySource;
const people: Record<'rosa' | 'ana' | 'beto' | 'resp' | 'otro' | 'baja', ServiceContext> = {} as never;
const at = (ctx: ServiceContext, now: string): ServiceContext => ({ ...ctx, now: () => now });
const ids = { plan: '', single: '', ended: '' };

const db = () => ws.vault.runtime().store.db;
const alerts = async (prefix: string) => db().selectFrom('alerts').selectAll().where('dedupe_key', 'like', `${prefix}%`).orderBy('created_at').execute();
const deliveries = async (alertId: string) =>
  (await db().selectFrom('alert_deliveries').select(['channel', 'target']).where('alert_id', '=', alertId).execute()).map((d) => `${d.channel}:${d.target}`).sort();

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, T('11:00'));
  keys = () => ws.vault.runtime().deriveKey('totp');
  for (const name of ['rosa', 'ana', 'beto', 'resp', 'otro', 'baja'] as const) {
    const u = await createUser(admin, { email: `${name}@example.org`, displayName: `Cuenta ${name}`, role: name === 'rosa' ? 'viewer' : 'documenter', password: PASSWORD });
    people[name] = { ...admin, user: { id: u.id, role: u.role as 'viewer', orgId: u.orgId, displayName: u.displayName } };
  }
  await updateUser(admin, people.baja.user.id, { disabled: true });
  // the designated responders (normally set on the alerts page)
  await ws.vault.runtime().store.settings.setAlertSettings({ responders: [people.resp.user.id], webhooks: [], renewalDays: 30 });
}, 60_000);
afterAll(async () => { await ws?.close(); });

describe('check-in plans', () => {
  it('offers the active accounts other than oneself as contacts', async () => {
    const r = await possibleContacts(people.rosa);
    const names = r.items.map((i) => i.displayName);
    expect(names).toEqual(expect.arrayContaining(['Cuenta ana', 'Cuenta beto', 'Cuenta resp', 'Cuenta otro', 'Rosa (admin)']));
    expect(names).not.toContain('Cuenta rosa');
    expect(names).not.toContain('Cuenta baja');
    expect(Object.keys(r.items[0]!).sort()).toEqual(['displayName', 'id']);
  });

  it('refuses bad plans naming the field', async () => {
    const rosa = at(people.rosa, T('12:00'));
    const ok = { firstDueAt: T('13:00'), contacts: [people.ana.user.id] };
    const fails = async (input: object, path: string, code: string) =>
      expect(createCheckinPlan(rosa, input as never)).rejects.toMatchObject({ status: 400, problems: [{ path, code }] });
    await fails({ ...ok, contacts: [people.rosa.user.id] }, 'contacts[0]', 'contact_is_self');
    await fails({ ...ok, contacts: [people.ana.user.id, '00000000-0000-4000-8000-000000000000'] }, 'contacts[1]', 'no_such_account');
    await fails({ ...ok, contacts: [people.baja.user.id] }, 'contacts[0]', 'no_such_account');
    await fails({ ...ok, contacts: [] }, 'contacts', 'too_few');
    await fails({ ...ok, firstDueAt: T('11:58') }, 'firstDueAt', 'in_the_past');
    await fails({ ...ok, everyMinutes: 5 }, 'everyMinutes', 'too_small');
    await fails({ ...ok, graceMinutes: 2000 }, 'graceMinutes', 'too_big');
    await fails({ ...ok, endsAt: T('12:30') }, 'endsAt', 'ends_before_first');
    await fails({ ...ok, firstDueAt: 'mañana' }, 'firstDueAt', 'bad_format');
    expect((await listOwnPlans(rosa)).items).toEqual([]);
  });

  it('sets an hourly plan with its contacts, audited by ids only', async () => {
    const p = await createCheckinPlan(at(people.rosa, T('12:00')), {
      purpose: `Caravana a Tapachula con ${MARKER}`, firstDueAt: '2026-05-01T07:00:00-06:00', everyMinutes: 60, endsAt: T('16:00'), graceMinutes: 30,
      contacts: [people.ana.user.id, people.beto.user.id, people.ana.user.id],
    });
    ids.plan = p.id;
    expect(p).toEqual({
      id: p.id, ref: 'CHK-0001', purpose: `Caravana a Tapachula con ${MARKER}`, firstDueAt: T('13:00'), everyMinutes: 60, endsAt: T('16:00'), graceMinutes: 30,
      nextDueAt: T('13:00'), status: 'active', escalated: false, last: [],
      contacts: [{ id: people.ana.user.id, displayName: 'Cuenta ana' }, { id: people.beto.user.id, displayName: 'Cuenta beto' }],
    });
    const audit = await db().selectFrom('audit_events').select(['action', 'user_id', 'target_type', 'target_id', 'detail']).where('action', '=', 'checkin.plan').execute();
    expect(audit).toEqual([{ action: 'checkin.plan', user_id: people.rosa.user.id, target_type: 'checkin_plan', target_id: p.id, detail: null }]);
    // a second plan takes the next reference
    const s = await createCheckinPlan(at(people.rosa, T('12:00')), { firstDueAt: T('13:00'), graceMinutes: 0, contacts: [people.ana.user.id] });
    ids.single = s.id;
    expect(s).toMatchObject({ ref: 'CHK-0002', graceMinutes: 0, nextDueAt: T('13:00') });
    expect(s.everyMinutes).toBeUndefined();
  });

  it('shows one\'s own plans only; someone else\'s answers 404', async () => {
    expect((await listOwnPlans(people.rosa)).items.map((p) => p.ref)).toEqual(['CHK-0002', 'CHK-0001']);
    expect(await listOwnPlans(people.ana)).toEqual({ items: [], hasDuressCode: false });
    await expect(checkIn(people.ana, keys, ids.plan, {})).rejects.toMatchObject({ status: 404 });
    await expect(endCheckinPlan(people.otro, ids.plan)).rejects.toMatchObject({ status: 404 });
    await expect(checkIn(people.rosa, keys, '00000000-0000-4000-8000-000000000000', {})).rejects.toMatchObject({ status: 404 });
  });

  it('a check-in satisfies the running deadline; the last one ends a single-deadline plan', async () => {
    expect(await checkIn(at(people.rosa, T('12:30')), keys, ids.plan, {})).toEqual({ at: T('12:30'), nextDueAt: T('14:00'), status: 'active' });
    expect(await checkIn(at(people.rosa, T('12:31')), keys, ids.single, { code: 'cualquier cosa' })).toEqual({ at: T('12:31'), nextDueAt: null, status: 'ended' });
    await expect(checkIn(at(people.rosa, T('12:32')), keys, ids.single, {})).rejects.toMatchObject({ status: 409 });
    const mine = await listOwnPlans(people.rosa);
    expect(mine.items.map((p) => [p.ref, p.status, p.nextDueAt, p.last])).toEqual([
      ['CHK-0001', 'active', T('14:00'), [{ at: T('12:30') }]],
      ['CHK-0002', 'ended', null, [{ at: T('12:31') }]],
    ]);
  });

  it('sets a duress code only with the right password, naming the field', async () => {
    await expect(setDuressCode(people.rosa, keys, { code: 'flor de nopal', password: 'no es' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'password', code: 'wrong_password' }] });
    await expect(setDuressCode(people.rosa, keys, { code: 'ab ', password: PASSWORD })).rejects.toMatchObject({ status: 400, problems: [{ path: 'code', code: 'too_short' }] });
    expect((await listOwnPlans(people.rosa)).hasDuressCode).toBe(false);
    expect(await setDuressCode(people.rosa, keys, { code: 'flor de nopal', password: PASSWORD })).toEqual({ hasDuressCode: true });
    expect((await listOwnPlans(people.rosa)).hasDuressCode).toBe(true);
    const stored = await db().selectFrom('checkin_codes').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.duress_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain('nopal');
    // the wrong password counted toward the lockout, the right one cleared it
    expect((await ws.vault.runtime().store.users.byId(people.rosa.user.id))!.failed_logins).toBe(0);
  });

  it('a duress check-in answers exactly like a normal one and raises a silent alert to the contacts and responders, not to her', async () => {
    const before = (await db().selectFrom('audit_events').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst())!.seq;
    // the 14:00 deadline, under duress at 13:10; the 15:00 one, with another code, at 14:10
    const duress = await checkIn(at(people.rosa, T('13:10')), keys, ids.plan, { code: ' flor de nopal ' });
    const normal = await checkIn(at(people.rosa, T('14:10')), keys, ids.plan, { code: 'flor de maguey' });
    expect(duress).toEqual({ at: T('13:10'), nextDueAt: T('15:00'), status: 'active' });
    expect(normal).toEqual({ at: T('14:10'), nextDueAt: T('16:00'), status: 'active' });
    expect(Object.keys(duress)).toEqual(Object.keys(normal));

    const raised = await alerts('checkin-duress:');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'checkin_duress', ref: 'CHK-0001', link: '/alerts', subject_type: 'checkin_plan', subject_id: ids.plan });
    expect(await deliveries(raised[0]!.id)).toEqual([`app:${people.ana.user.id}`, `app:${people.beto.user.id}`, `app:${people.resp.user.id}`].sort());
    const store = ws.vault.runtime().store;
    expect(await store.alerts.inbox(people.rosa.user.id, 50)).toEqual([]);
    expect((await store.alerts.inbox(people.ana.user.id, 50)).map((a) => a.kind)).toEqual(['checkin_duress']);

    // the same audit event for both, with nothing but the plan's id
    const audit = await db().selectFrom('audit_events').select(['action', 'user_id', 'target_type', 'target_id', 'detail']).where('seq', '>', before).orderBy('seq').execute();
    expect(audit).toEqual([1, 2].map(() => ({ action: 'checkin.done', user_id: people.rosa.user.id, target_type: 'checkin_plan', target_id: ids.plan, detail: null })));
    // what she reads back: times only
    const plan = (await listOwnPlans(people.rosa)).items.find((p) => p.id === ids.plan)!;
    expect(plan.last).toEqual([{ at: T('14:10') }, { at: T('13:10') }, { at: T('12:30') }]);
    expect(JSON.stringify(plan)).not.toMatch(/duress/i);
    // recorded with its mark
    expect((await db().selectFrom('checkin_events').select(['at', 'duress']).where('plan_id', '=', ids.plan).orderBy('at').execute()).map((e) => Number(e.duress))).toEqual([0, 1, 0]);
  });

  it('a missed deadline escalates once to the contacts, however often the scheduler runs', async () => {
    const store = ws.vault.runtime().store;
    // 16:00 is the last deadline (the plan ends at 16:00); grace 30 minutes
    expect(await escalateMissedCheckins(store, T('16:29'))).toBe(0);
    expect((await listOwnPlans(people.rosa)).items.find((p) => p.id === ids.plan)!.escalated).toBe(false);
    const runs = await Promise.all([escalateMissedCheckins(store, T('16:30')), escalateMissedCheckins(store, T('16:30'))]);
    expect(runs.sort()).toEqual([0, 1]);
    expect(await escalateMissedCheckins(store, T('16:31'))).toBe(0);
    expect(await escalateMissedCheckins(store, T('18:00'))).toBe(0);
    const missed = await alerts('checkin-missed:');
    expect(missed.map((a) => [a.dedupe_key, a.kind, a.ref, a.link])).toEqual([[`checkin-missed:${ids.plan}:${T('16:00')}`, 'checkin_missed', 'CHK-0001', '/alerts']]);
    // the contacts only: not her, not the responders
    expect(await deliveries(missed[0]!.id)).toEqual([`app:${people.ana.user.id}`, `app:${people.beto.user.id}`].sort());
    // the end passed and its last deadline was escalated: the plan is over
    expect((await listOwnPlans(people.rosa)).items.find((p) => p.id === ids.plan)).toMatchObject({ status: 'ended', escalated: false, nextDueAt: T('16:00') });
    const escalations = await db().selectFrom('audit_events').select(['user_id', 'target_id']).where('action', '=', 'checkin.escalated').execute();
    expect(escalations).toEqual([{ user_id: null, target_id: ids.plan }]);
  });

  it('a check-in after an escalation tells the contacts; the plan runs on', async () => {
    const rosa = at(people.rosa, T('17:00'));
    const p = await createCheckinPlan(rosa, { firstDueAt: T('18:00'), everyMinutes: 120, graceMinutes: 10, contacts: [people.beto.user.id] });
    const store = ws.vault.runtime().store;
    expect(await escalateMissedCheckins(store, T('18:10'))).toBe(1);
    expect((await listOwnPlans(rosa)).items.find((x) => x.id === p.id)).toMatchObject({ escalated: true, nextDueAt: T('18:00'), status: 'active' });
    // nothing more while she has not checked in, even past the next deadline
    expect(await escalateMissedCheckins(store, T('20:30'))).toBe(0);
    expect(await checkIn(at(people.rosa, T('20:40')), keys, p.id, {})).toEqual({ at: T('20:40'), nextDueAt: T('22:00'), status: 'active' });
    const late = await alerts('checkin-late:');
    expect(late.map((a) => [a.dedupe_key, a.kind, a.ref])).toEqual([[`checkin-late:${p.id}:${T('18:00')}`, 'checkin_late', p.ref]]);
    expect(await deliveries(late[0]!.id)).toEqual([`app:${people.beto.user.id}`]);
    expect((await listOwnPlans(rosa)).items.find((x) => x.id === p.id)).toMatchObject({ escalated: false, nextDueAt: T('22:00') });
    // and the next missed deadline escalates again, once
    expect(await escalateMissedCheckins(store, T('22:10'))).toBe(1);
    expect(await escalateMissedCheckins(store, T('22:11'))).toBe(0);
    await endCheckinPlan(at(people.rosa, T('22:20')), p.id);
  });

  it('ended plans never escalate; a duress check-in on one still raises the alert', async () => {
    const rosa = at(people.rosa, T('19:00'));
    const p = await createCheckinPlan(rosa, { firstDueAt: T('19:30'), graceMinutes: 0, contacts: [people.ana.user.id] });
    ids.ended = p.id;
    expect(await endCheckinPlan(rosa, p.id)).toMatchObject({ status: 'ended' });
    expect(await endCheckinPlan(rosa, p.id)).toMatchObject({ status: 'ended' });
    expect(await escalateMissedCheckins(ws.vault.runtime().store, T('23:00'))).toBe(0);
    expect(await alerts(`checkin-missed:${p.id}`)).toEqual([]);
    const audit = await db().selectFrom('audit_events').select('action').where('target_id', '=', p.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['checkin.plan', 'checkin.ended']);
    // an ended plan refuses a check-in the same way with or without the duress code …
    const normal = await checkIn(at(people.rosa, T('23:01')), keys, p.id, { code: 'otra' }).catch((e: unknown) => e);
    const forced = await checkIn(at(people.rosa, T('23:02')), keys, p.id, { code: 'flor de nopal' }).catch((e: unknown) => e);
    expect(normal).toMatchObject({ status: 409 });
    expect(forced).toMatchObject({ status: 409, message: (normal as Error).message });
    // … and the duress code still reaches the contacts
    expect((await alerts('checkin-duress:')).filter((a) => a.subject_id === p.id)).toHaveLength(1);
  });

  it('removes the duress code with the password', async () => {
    await expect(removeDuressCode(people.rosa, { password: 'mal' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'password' }] });
    expect(await removeDuressCode(people.rosa, { password: PASSWORD })).toEqual({ hasDuressCode: false });
    expect((await listOwnPlans(people.rosa)).hasDuressCode).toBe(false);
    // the old code is now an ordinary one
    const p = await createCheckinPlan(at(people.rosa, T('23:10')), { firstDueAt: T('23:30'), contacts: [people.ana.user.id] });
    const n = (await alerts('checkin-duress:')).length;
    await checkIn(at(people.rosa, T('23:11')), keys, p.id, { code: 'flor de nopal' });
    expect(await alerts('checkin-duress:')).toHaveLength(n);
  });

  it('keeps the purpose sealed in the database, and out of every alert', async () => {
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM checkin_plans`.execute(db())).rows;
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) for (const v of Object.values(r)) expect(String(v)).not.toMatch(/QZCHECKINMARKER|Tapachula/);
    const all = [
      ...(await sql<Record<string, unknown>>`SELECT * FROM alerts`.execute(db())).rows,
      ...(await sql<Record<string, unknown>>`SELECT * FROM alert_deliveries`.execute(db())).rows,
      ...(await sql<Record<string, unknown>>`SELECT * FROM audit_events WHERE action LIKE 'checkin.%'`.execute(db())).rows,
    ];
    expect(JSON.stringify(all)).not.toMatch(/QZCHECKINMARKER|Tapachula|Cuenta rosa|rosa@example/);
  });
});
