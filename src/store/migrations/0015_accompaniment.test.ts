/**
 * 0015 on both engines: the accompaniment tables check their codes (age group, statuses,
 * attendance, marks, reminders' channel and status), keep references unique and a run's legs
 * numbered once, and go with what they belong to — a run takes its legs, passengers and marks; a
 * hearing its summons and reminders, while a passenger or a previous hearing only loses the link;
 * a family removed leaves its members without one.
 */
import { describe, it, expect, afterAll } from 'vitest';
import type { Kysely } from 'kysely';
import { closeDatabases, postgresDatabase, sqliteDatabase } from '../../../test/helpers/databases.js';

afterAll(closeDatabases);

const NOW = '2027-03-14T04:00:00.000Z';
const family = (id: string, ref: string) => ({ id, org_id: 'o', ref, label: 'l', created_at: NOW, created_by: 'u', updated_at: NOW, version: 1 });
const person = (id: string, ref: string, extra: Record<string, unknown> = {}) => ({
  id, org_id: 'o', ref, pseudonym: 'p', family_id: null, languages: '["es"]', age_group: 'adult', needs: '[]', reminder_lang: 'es', status: 'active',
  created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1, ...extra,
});
const hearing = (id: string, ref: string, extra: Record<string, unknown> = {}) => ({
  id, org_id: 'o', ref, court: 'sd_court', zone: 'America/Los_Angeles', starts_at: NOW, kind: 'master', documents: '[]', status: 'scheduled',
  created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1, ...extra,
});
const run = (id: string, ref: string, extra: Record<string, unknown> = {}) => ({
  id, org_id: 'o', ref, day: '2027-03-14', coordinator_id: 'u',
  arrive_place: 'poe-san-ysidro', arrive_zone: 'America/Los_Angeles', arrive_at: NOW, margin_minutes: 30, status: 'planned', created_at: NOW, created_by: 'u', updated_at: NOW, version: 1, ...extra,
});
const leg = (id: string, runId: string, ordinal: number, extra: Record<string, unknown> = {}) => ({
  id, run_id: runId, ordinal, from_place: 'tijuana', from_zone: 'America/Tijuana', to_place: 'san_ysidro', to_zone: 'America/Los_Angeles', mode: 'van',
  depart_at: NOW, arrive_at: NOW, mark_by: NOW, ...extra,
});
const mark = (legId: string, personId: string, status = 'pending') => ({ leg_id: legId, person_id: personId, status, version: 1 });
const reminder = (id: string, extra: Record<string, unknown> = {}) => ({ id, hearing_id: 'h', person_id: 'a', channel: 'webhook', lang: 'es', status: 'sent', at: NOW, by_user: 'u', ...extra });

async function seed(db: Kysely<any>): Promise<void> {
  await db.insertInto('organisations').values([{ id: 'o', name: 'o', created_at: NOW }, { id: 'partner', name: 'partner', created_at: NOW }]).execute();
  await db.insertInto('users').values({ id: 'u', email: 'u@x', display_name: 'u', role: 'admin', org_id: 'o', password_hash: 'h', must_change_password: 0, disabled: 0, created_at: NOW, updated_at: NOW, failed_logins: 0 }).execute();
  await db.insertInto('accompanied_families').values(family('f', 'FAM-0001')).execute();
  await db.insertInto('accompanied_people').values([person('a', 'ACP-0001', { family_id: 'f', family_role: 'mother' }), person('b', 'ACP-0002', { family_id: 'f', age_group: 'child' })]).execute();
  await db.insertInto('hearings').values([hearing('h2', 'HRG-0002'), hearing('h', 'HRG-0001', { next_hearing_id: 'h2' })]).execute();
  await db.insertInto('hearing_people').values([{ hearing_id: 'h', person_id: 'a', attendance: 'expected' }, { hearing_id: 'h', person_id: 'b', attendance: 'expected' }]).execute();
  await db.insertInto('transport_runs').values(run('r', 'RUN-0001')).execute();
  await db.insertInto('transport_legs').values([leg('l1', 'r', 0), leg('l2', 'r', 1, { escort_id: 'u', handoff_org_id: 'partner', seats: 7 })]).execute();
  await db.insertInto('transport_passengers').values([{ run_id: 'r', person_id: 'a', hearing_id: 'h', ordinal: 0 }, { run_id: 'r', person_id: 'b', hearing_id: 'h', ordinal: 1 }]).execute();
  await db.insertInto('leg_marks').values([mark('l1', 'a'), mark('l1', 'b'), mark('l2', 'a', 'picked_up')]).execute();
  await db.insertInto('hearing_reminders').values(reminder('m1')).execute();
}

const rows = async (db: Kysely<any>, table: string, cols: string[]) => db.selectFrom(table).select(cols).orderBy(cols[0]!).orderBy(cols[1] ?? cols[0]!).execute();
const ids = async (db: Kysely<any>, table: string) => (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id as string);

describe.each([['sqlite', () => sqliteDatabase()], ['postgres', () => postgresDatabase()]] as const)('migration 0015_accompaniment on %s', (_name, open) => {
  it('checks age groups, statuses, attendance, marks and reminders\' channel and status', async () => {
    const db = await open();
    await seed(db);
    await expect(db.insertInto('accompanied_people').values(person('x1', 'ACP-0101', { age_group: 'teen' })).execute()).rejects.toThrow();
    await expect(db.insertInto('accompanied_people').values(person('x2', 'ACP-0102', { status: 'deleted' })).execute()).rejects.toThrow();
    await expect(db.insertInto('hearings').values(hearing('x3', 'HRG-0103', { status: 'missed' })).execute()).rejects.toThrow();
    await expect(db.insertInto('hearing_people').values({ hearing_id: 'h2', person_id: 'a', attendance: 'late' }).execute()).rejects.toThrow();
    await expect(db.insertInto('transport_runs').values(run('x4', 'RUN-0104', { status: 'done' })).execute()).rejects.toThrow();
    await expect(db.insertInto('leg_marks').values(mark('l2', 'b', 'lost')).execute()).rejects.toThrow();
    await expect(db.insertInto('hearing_reminders').values(reminder('x5', { channel: 'sms' })).execute()).rejects.toThrow();
    await expect(db.insertInto('hearing_reminders').values(reminder('x6', { status: 'read' })).execute()).rejects.toThrow();
    // every accepted code goes in
    await db.insertInto('accompanied_people').values([person('c1', 'ACP-0201', { age_group: 'unknown', status: 'closed' })]).execute();
    await db.insertInto('hearings').values([hearing('c2', 'HRG-0202', { status: 'held' }), hearing('c3', 'HRG-0203', { status: 'cancelled' })]).execute();
    await db.insertInto('hearing_people').values(['presented', 'missed', 'excused'].map((attendance, i) => ({ hearing_id: ['h2', 'c2', 'c3'][i], person_id: 'c1', attendance }))).execute();
    await db.insertInto('transport_runs').values(['underway', 'ended', 'cancelled'].map((status, i) => run(`c4${i}`, `RUN-030${i}`, { status }))).execute();
    await db.insertInto('transport_legs').values(['arrived', 'presented', 'returned', 'missed'].map((_m, i) => leg(`c5${i}`, 'r', 10 + i))).execute();
    await db.insertInto('leg_marks').values(['arrived', 'presented', 'returned', 'missed'].map((m, i) => mark(`c5${i}`, 'c1', m))).execute();
    await db.insertInto('hearing_reminders').values([reminder('c6', { channel: 'print', status: 'printed' }), reminder('c7', { status: 'queued' }), reminder('c8', { status: 'failed' })]).execute();
    expect(await ids(db, 'hearing_reminders')).toEqual(['c6', 'c7', 'c8', 'm1']);
  });

  it('keeps references unique, a run\'s legs numbered once, and one row per summons, passenger and mark', async () => {
    const db = await open();
    await seed(db);
    await expect(db.insertInto('accompanied_families').values(family('f2', 'FAM-0001')).execute()).rejects.toThrow();
    await expect(db.insertInto('accompanied_people').values(person('x', 'ACP-0001')).execute()).rejects.toThrow();
    await expect(db.insertInto('hearings').values(hearing('x', 'HRG-0001')).execute()).rejects.toThrow();
    await expect(db.insertInto('transport_runs').values(run('x', 'RUN-0001')).execute()).rejects.toThrow();
    await expect(db.insertInto('transport_legs').values(leg('x', 'r', 1)).execute()).rejects.toThrow();
    await expect(db.insertInto('hearing_people').values({ hearing_id: 'h', person_id: 'a', attendance: 'missed' }).execute()).rejects.toThrow();
    await expect(db.insertInto('transport_passengers').values({ run_id: 'r', person_id: 'a', hearing_id: null, ordinal: 5 }).execute()).rejects.toThrow();
    await expect(db.insertInto('leg_marks').values(mark('l1', 'a', 'arrived')).execute()).rejects.toThrow();
    // another run may number its legs from 0 again
    await db.insertInto('transport_runs').values(run('r2', 'RUN-0002')).execute();
    await db.insertInto('transport_legs').values(leg('l3', 'r2', 0)).execute();
    expect(await rows(db, 'transport_legs', ['run_id', 'ordinal'])).toEqual([{ run_id: 'r', ordinal: 0 }, { run_id: 'r', ordinal: 1 }, { run_id: 'r2', ordinal: 0 }]);
  });

  it('refuses links to what does not exist', async () => {
    const db = await open();
    await seed(db);
    await expect(db.insertInto('accompanied_people').values(person('x1', 'ACP-0101', { org_id: 'nope' })).execute()).rejects.toThrow();
    await expect(db.insertInto('accompanied_people').values(person('x2', 'ACP-0102', { family_id: 'nope' })).execute()).rejects.toThrow();
    await expect(db.insertInto('accompanied_people').values(person('x3', 'ACP-0103', { staying_at: 'nope' })).execute()).rejects.toThrow();
    await expect(db.insertInto('hearings').values(hearing('x4', 'HRG-0104', { next_hearing_id: 'nope' })).execute()).rejects.toThrow();
    await expect(db.insertInto('transport_runs').values(run('x5', 'RUN-0105', { coordinator_id: 'nope' })).execute()).rejects.toThrow();
    await expect(db.insertInto('transport_legs').values(leg('x6', 'r', 7, { escort_id: 'nope' })).execute()).rejects.toThrow();
    await expect(db.insertInto('transport_legs').values(leg('x7', 'r', 8, { handoff_org_id: 'nope' })).execute()).rejects.toThrow();
    await expect(db.insertInto('transport_legs').values(leg('x8', 'nope', 0)).execute()).rejects.toThrow();
    await expect(db.insertInto('transport_passengers').values({ run_id: 'r', person_id: 'nope', hearing_id: null, ordinal: 3 }).execute()).rejects.toThrow();
    await expect(db.insertInto('leg_marks').values(mark('nope', 'a')).execute()).rejects.toThrow();
    await expect(db.insertInto('hearing_reminders').values(reminder('x9', { hearing_id: 'nope' })).execute()).rejects.toThrow();
  });

  it('removes a run\'s legs, passengers and marks with it', async () => {
    const db = await open();
    await seed(db);
    await db.deleteFrom('transport_runs').where('id', '=', 'r').execute();
    expect([await ids(db, 'transport_legs'), await rows(db, 'transport_passengers', ['run_id', 'person_id']), await rows(db, 'leg_marks', ['leg_id', 'person_id'])]).toEqual([[], [], []]);
    expect(await ids(db, 'accompanied_people')).toEqual(['a', 'b']);
    expect(await ids(db, 'hearings')).toEqual(['h', 'h2']);
  });

  it('removes a leg\'s marks with the leg', async () => {
    const db = await open();
    await seed(db);
    await db.deleteFrom('transport_legs').where('id', '=', 'l1').execute();
    expect(await rows(db, 'leg_marks', ['leg_id', 'person_id'])).toEqual([{ leg_id: 'l2', person_id: 'a' }]);
  });

  it('a hearing removed takes its summons and reminders, and leaves passengers and the previous hearing without the link', async () => {
    const db = await open();
    await seed(db);
    await db.deleteFrom('hearings').where('id', '=', 'h2').execute();
    expect(await db.selectFrom('hearings').select(['id', 'next_hearing_id']).execute()).toEqual([{ id: 'h', next_hearing_id: null }]);
    await db.deleteFrom('hearings').where('id', '=', 'h').execute();
    expect(await rows(db, 'transport_passengers', ['run_id', 'person_id', 'hearing_id'])).toEqual([
      { run_id: 'r', person_id: 'a', hearing_id: null }, { run_id: 'r', person_id: 'b', hearing_id: null },
    ]);
    expect([await rows(db, 'hearing_people', ['hearing_id', 'person_id']), await ids(db, 'hearing_reminders')]).toEqual([[], []]);
  });

  it('a person removed takes their summons, seats, marks and reminders; a family removed leaves its members', async () => {
    const db = await open();
    await seed(db);
    await db.deleteFrom('accompanied_families').where('id', '=', 'f').execute();
    expect(await db.selectFrom('accompanied_people').select(['id', 'family_id', 'family_role']).orderBy('id').execute()).toEqual([
      { id: 'a', family_id: null, family_role: 'mother' }, { id: 'b', family_id: null, family_role: null },
    ]);
    await db.deleteFrom('accompanied_people').where('id', '=', 'a').execute();
    expect(await rows(db, 'hearing_people', ['hearing_id', 'person_id'])).toEqual([{ hearing_id: 'h', person_id: 'b' }]);
    expect(await rows(db, 'transport_passengers', ['run_id', 'person_id'])).toEqual([{ run_id: 'r', person_id: 'b' }]);
    expect(await rows(db, 'leg_marks', ['leg_id', 'person_id'])).toEqual([{ leg_id: 'l1', person_id: 'b' }]);
    expect(await ids(db, 'hearing_reminders')).toEqual([]);
  });

  it('a shelter removed leaves the people who stayed there', async () => {
    const db = await open();
    await seed(db);
    await db.insertInto('actors').values({ id: 's', org_id: 'o', kind: 'organisation', pseudonym: 'shelter', created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1 }).execute();
    await db.updateTable('accompanied_people').set({ staying_at: 's' }).where('id', '=', 'a').execute();
    await db.deleteFrom('actors').where('id', '=', 's').execute();
    expect(await db.selectFrom('accompanied_people').select(['id', 'staying_at']).where('id', '=', 'a').execute()).toEqual([{ id: 'a', staying_at: null }]);
  });
});
