/**
 * 0009 on both engines: every share added, removed or moved is noted once at its latest stamp,
 * and every person whose group memberships changed; other changes to a share are not noted.
 * PostgreSQL: stamps in commit order, the same lock as 0008's.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { type Kysely, sql } from 'kysely';
import { closeDatabases, postgresDatabase, sqliteDatabase } from '../../../test/helpers/databases.js';

afterAll(closeDatabases);

const NOW = '2026-01-01T00:00:00Z';
const incident = (seq: number) => ({ seq, id: `i${seq}`, org_id: 'o', title: 't', place_precision: 'country', status: 'reported', follow_up: 'open', confidentiality: 'restricted', created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1 });
const user = (id: string) => ({ id, email: `${id}@example.org`, display_name: id, password_hash: 'x', role: 'analyst', org_id: 'o', created_at: NOW, updated_at: NOW });
const shareRow = (incidentId: string, type: string, id: string) => ({ incident_id: incidentId, principal_type: type, principal_id: id, identifying: 0, granted_by: 'u', granted_at: NOW });
const shareChanges = async (db: Kysely<any>) => (await sql<{ incident_id: string; principal_type: string; principal_id: string; stamp: number }>`SELECT * FROM share_changes ORDER BY stamp`.execute(db)).rows
  .map((r) => [r.incident_id, r.principal_type, r.principal_id, Number(r.stamp)]);
const memberChanges = async (db: Kysely<any>) => (await sql<{ user_id: string; stamp: number }>`SELECT * FROM member_changes ORDER BY stamp`.execute(db)).rows.map((r) => [r.user_id, Number(r.stamp)]);

async function seed(db: Kysely<any>): Promise<void> {
  await db.insertInto('organisations').values({ id: 'o', name: 'o', created_at: NOW }).execute();
  await db.insertInto('incidents').values([incident(1), incident(2)]).execute();
  await db.insertInto('users').values([user('u1'), user('u2')]).execute();
  await db.insertInto('user_groups').values({ id: 'g', name: 'g', created_at: NOW, created_by: 'u1' }).execute();
}

describe.each([['sqlite', () => sqliteDatabase()], ['postgres', () => postgresDatabase()]] as const)('migration 0009_share_changes on %s', (name, open) => {
  it('notes each share added, removed or moved once, at its latest stamp', async () => {
    const db = await open();
    await seed(db);
    await db.insertInto('incident_shares').values([shareRow('i1', 'user', 'u1'), shareRow('i2', 'group', 'g')]).execute();
    expect(await shareChanges(db)).toEqual([['i1', 'user', 'u1', 1], ['i2', 'group', 'g', 2]]);
    // granting identifying access does not change who sees the incident: not noted
    await db.updateTable('incident_shares').set({ identifying: 1 }).where('incident_id', '=', 'i1').execute();
    expect(await shareChanges(db)).toEqual([['i1', 'user', 'u1', 1], ['i2', 'group', 'g', 2]]);
    await db.deleteFrom('incident_shares').where('incident_id', '=', 'i1').execute();
    await db.updateTable('incident_shares').set({ principal_type: 'user', principal_id: 'u2' }).where('incident_id', '=', 'i2').execute();
    expect(await shareChanges(db)).toEqual([['i1', 'user', 'u1', 3], ['i2', 'group', 'g', 4], ['i2', 'user', 'u2', 5]]);
  });

  it('notes a person whose group memberships changed', async () => {
    const db = await open();
    await seed(db);
    await db.insertInto('group_members').values([{ group_id: 'g', user_id: 'u1' }, { group_id: 'g', user_id: 'u2' }]).execute();
    expect(await memberChanges(db)).toEqual([['u1', 1], ['u2', 2]]);
    await db.deleteFrom('group_members').where('user_id', '=', 'u1').execute();
    expect(await memberChanges(db)).toEqual([['u2', 2], ['u1', 3]]);
    // a group deleted takes its memberships with it (cascade): each member noted
    await db.deleteFrom('user_groups').where('id', '=', 'g').execute();
    expect((await memberChanges(db)).map(([u]) => u)).toEqual(['u1', 'u2']);
  });

  it.runIf(name === 'postgres')('stamps in commit order: a share written first but committed last gets the later stamp', async () => {
    const db = await open();
    await seed(db);
    let release!: () => void;
    const mayCommit = new Promise<void>((r) => { release = r; });
    let wrote!: () => void;
    const hasWritten = new Promise<void>((r) => { wrote = r; });
    const first = db.transaction().execute(async (tx) => {
      await tx.insertInto('incident_shares').values(shareRow('i1', 'user', 'u1')).execute();
      wrote();
      await mayCommit;
    });
    await hasWritten;
    await db.insertInto('incident_shares').values(shareRow('i2', 'user', 'u1')).execute();
    expect(await shareChanges(db)).toEqual([['i2', 'user', 'u1', 1]]);
    release();
    await first;
    expect(await shareChanges(db)).toEqual([['i2', 'user', 'u1', 1], ['i1', 'user', 'u1', 2]]);
  });
});
