/**
 * 0011 on both engines: an alert's dedupe key is unique (one escalation whatever the number of
 * processes), a delivery is unique per alert, channel and target, statuses are checked, and the
 * response records go with their incident, case or plan.
 */
import { describe, it, expect, afterAll } from 'vitest';
import type { Kysely } from 'kysely';
import { closeDatabases, postgresDatabase, sqliteDatabase } from '../../../test/helpers/databases.js';

afterAll(closeDatabases);

const NOW = '2026-01-01T00:00:00Z';
const alert = (id: string, key: string) => ({ id, dedupe_key: key, kind: 'checkin_missed', ref: 'CHK-0001', link: '/checkins/p', subject_type: 'checkin_plan', subject_id: 'p', created_at: NOW });
const delivery = (id: string, alertId: string, channel: string, target: string, status = 'pending') => ({ id, alert_id: alertId, channel, target, status, attempts: 0, next_attempt_at: NOW });

async function seed(db: Kysely<any>): Promise<void> {
  await db.insertInto('organisations').values({ id: 'o', name: 'o', created_at: NOW }).execute();
  await db.insertInto('users').values({ id: 'u', email: 'u@x', display_name: 'u', role: 'admin', org_id: 'o', password_hash: 'h', must_change_password: 0, disabled: 0, created_at: NOW, updated_at: NOW, failed_logins: 0 }).execute();
  await db.insertInto('incidents').values({ id: 'i', org_id: 'o', title: 't', date_approx: 0, place_precision: 'unknown', status: 'reported', follow_up: 'open', confidentiality: 'organisation', created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1 }).execute();
  await db.insertInto('urgent_cases').values({ id: 'c', incident_id: 'i', ref: 'URG-0001', kind: 'detention', owner_id: 'u', status: 'open', opened_at: NOW, opened_by: 'u', updated_at: NOW, version: 1 }).execute();
  await db.insertInto('urgent_steps').values({ id: 's', case_id: 'c', ordinal: 0, code: 'alert_network' }).execute();
  await db.insertInto('appeals').values({ id: 'a', case_id: 'c', body_code: 'iachr', lang: 'es', letter: 'sealed', created_at: NOW, created_by: 'u', updated_at: NOW, version: 1 }).execute();
  await db.insertInto('campaigns').values({ id: 'k', incident_id: 'i', case_id: 'c', title: 'sealed', created_at: NOW, created_by: 'u', updated_at: NOW, version: 1 }).execute();
  await db.insertInto('checkin_plans').values({ id: 'p', user_id: 'u', ref: 'CHK-0001', first_due_at: NOW, grace_minutes: 30, next_due_at: NOW, status: 'active', contacts: '[]', created_at: NOW, updated_at: NOW, version: 1 }).execute();
  await db.insertInto('checkin_events').values({ id: 'e', plan_id: 'p', at: NOW, due_at: NOW, duress: 0 }).execute();
}

const ids = async (db: Kysely<any>, table: string) => (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);

describe.each([['sqlite', () => sqliteDatabase()], ['postgres', () => postgresDatabase()]] as const)('migration 0011_response on %s', (_name, open) => {
  it('keeps one alert per dedupe key, and one delivery per alert, channel and target', async () => {
    const db = await open();
    await seed(db);
    await db.insertInto('alerts').values(alert('a1', 'checkin-missed:p:1')).execute();
    await expect(db.insertInto('alerts').values(alert('a2', 'checkin-missed:p:1')).execute()).rejects.toThrow();
    await db.insertInto('alerts').values(alert('a3', 'checkin-missed:p:1')).onConflict((oc) => oc.column('dedupe_key').doNothing()).execute();
    expect(await ids(db, 'alerts')).toEqual(['a1']);
    await db.insertInto('alert_deliveries').values([delivery('d1', 'a1', 'email', 'u'), delivery('d2', 'a1', 'app', 'u', 'sent')]).execute();
    await expect(db.insertInto('alert_deliveries').values(delivery('d3', 'a1', 'email', 'u')).execute()).rejects.toThrow();
    await expect(db.insertInto('alert_deliveries').values(delivery('d4', 'a1', 'sms', 'u')).execute()).rejects.toThrow();
    await expect(db.insertInto('alert_deliveries').values(delivery('d5', 'a1', 'webhook', 'w', 'lost')).execute()).rejects.toThrow();
    await db.deleteFrom('alerts').execute();
    expect(await ids(db, 'alert_deliveries')).toEqual([]);
  });

  it('removes a case\'s steps, appeals and notes with it, and its campaigns with the incident', async () => {
    const db = await open();
    await seed(db);
    await expect(db.insertInto('urgent_cases').values({ id: 'c2', incident_id: 'i', ref: 'URG-0001', kind: 'detention', owner_id: 'u', status: 'open', opened_at: NOW, opened_by: 'u', updated_at: NOW, version: 1 }).execute()).rejects.toThrow();
    await expect(db.insertInto('urgent_cases').values({ id: 'c3', incident_id: 'i', ref: 'URG-0003', kind: 'detention', owner_id: 'u', status: 'pending', opened_at: NOW, opened_by: 'u', updated_at: NOW, version: 1 }).execute()).rejects.toThrow();
    await db.deleteFrom('urgent_cases').where('id', '=', 'c').execute();
    expect([await ids(db, 'urgent_steps'), await ids(db, 'appeals'), await ids(db, 'campaigns')]).toEqual([[], [], ['k']]);
    await db.deleteFrom('incidents').execute();
    expect(await ids(db, 'campaigns')).toEqual([]);
  });

  it('removes a person\'s check-in plans and their check-ins with the account', async () => {
    const db = await open();
    await seed(db);
    await db.insertInto('checkin_codes').values({ user_id: 'u', duress_digest: 'd', updated_at: NOW }).execute();
    await db.deleteFrom('appeals').execute();
    await db.deleteFrom('urgent_cases').execute();
    await db.deleteFrom('campaigns').execute();
    await db.deleteFrom('incidents').execute();
    await db.deleteFrom('users').execute();
    expect([await ids(db, 'checkin_plans'), await ids(db, 'checkin_events')]).toEqual([[], []]);
    expect(await db.selectFrom('checkin_codes').selectAll().execute()).toEqual([]);
  });
});
