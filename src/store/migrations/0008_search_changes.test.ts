/**
 * 0008 on both engines: the triggers note every incident written (insert, update, delete) and
 * every person whose search attributes changed, one row each with a stamp that only grows; other
 * changes to a person are not noted. PostgreSQL: two writers take stamps in commit order.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { type Kysely, sql } from 'kysely';
import { closeDatabases, postgresDatabase, sqliteDatabase } from '../../../test/helpers/databases.js';

afterAll(closeDatabases);

const NOW = '2026-01-01T00:00:00Z';
const incident = (seq: number) => ({ seq, id: `i${seq}`, org_id: 'o', title: 't', place_precision: 'country', status: 'reported', follow_up: 'open', confidentiality: 'internal', created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1 });
const changes = async (db: Kysely<any>) => (await sql<{ incident_seq: number; stamp: number }>`SELECT incident_seq, stamp FROM search_changes ORDER BY stamp`.execute(db)).rows;
const stamps = async (db: Kysely<any>) => (await changes(db)).map((c) => [Number(c.incident_seq), Number(c.stamp)]);
const actorChanges = async (db: Kysely<any>) => (await sql<{ actor_id: string; stamp: number }>`SELECT actor_id, stamp FROM search_actor_changes ORDER BY stamp`.execute(db)).rows;

describe.each([['sqlite', () => sqliteDatabase()], ['postgres', () => postgresDatabase()]] as const)('migration 0008_search_changes on %s', (name, open) => {
  it('notes each incident written once, at its latest stamp', async () => {
    const db = await open();
    await db.insertInto('organisations').values({ id: 'o', name: 'o', created_at: NOW }).execute();
    await db.insertInto('incidents').values([incident(1), incident(2), incident(3)]).execute();
    expect(await stamps(db)).toEqual([[1, 1], [2, 2], [3, 3]]);
    await db.updateTable('incidents').set({ country: 'MX', version: 2 }).where('seq', '=', 1).execute();
    await db.deleteFrom('incidents').where('seq', '=', 2).execute();
    expect(await stamps(db)).toEqual([[3, 3], [1, 4], [2, 5]]);
  });

  it('notes a person only when a search attribute changes', async () => {
    const db = await open();
    await db.insertInto('organisations').values({ id: 'o', name: 'o', created_at: NOW }).execute();
    const actor = { id: 'a1', org_id: 'o', kind: 'person', pseudonym: 'p', created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1 };
    await db.insertInto('actors').values([actor, { ...actor, id: 'a2', pseudonym: 'q' }]).execute();
    expect(await actorChanges(db)).toEqual([]);
    await db.updateTable('actors').set({ notes: 'x', version: 2 }).where('id', '=', 'a1').execute();
    expect(await actorChanges(db)).toEqual([]);
    await db.updateTable('actors').set({ role: 'defender' }).where('id', '=', 'a1').execute();
    await db.updateTable('actors').set({ migration_status: 'asylum' }).where('id', '=', 'a2').execute();
    await db.updateTable('actors').set({ gender_identity: 'woman' }).where('id', '=', 'a1').execute();
    expect((await actorChanges(db)).map((c) => [c.actor_id, Number(c.stamp)])).toEqual([['a2', 2], ['a1', 3]]);
  });

  it.runIf(name === 'postgres')('stamps in commit order: a writer that wrote first but commits last gets the later stamp', async () => {
    const db = await open();
    await db.insertInto('organisations').values({ id: 'o', name: 'o', created_at: NOW }).execute();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((r) => { releaseFirst = r; });
    let firstWrote!: () => void;
    const firstHasWritten = new Promise<void>((r) => { firstWrote = r; });
    const first = db.transaction().execute(async (tx) => {
      await tx.insertInto('incidents').values(incident(1)).execute();
      firstWrote();
      await firstMayCommit;
    });
    await firstHasWritten;
    await db.insertInto('incidents').values(incident(2)).execute();
    // the second committed first: stamped first; the first is not stamped until it commits
    expect(await stamps(db)).toEqual([[2, 1]]);
    releaseFirst();
    await first;
    expect(await stamps(db)).toEqual([[2, 1], [1, 2]]);
  });

  it.runIf(name === 'postgres')('closes no cycle of waits with other locks (a save that locks another row before writing its incident)', async () => {
    const db = await open();
    await db.insertInto('organisations').values({ id: 'o', name: 'o', created_at: NOW }).execute();
    await db.insertInto('organisations').values({ id: 'r', name: 'row both want', created_at: NOW }).execute();
    const gate = () => { let open!: () => void; const p = new Promise<void>((r) => { open = r; }); return { p, open }; };
    const aWrote = gate();
    const bLocked = gate();
    // A writes its incident, then wants the row B holds; B holds the row, then writes its incident
    const a = db.transaction().execute(async (tx) => {
      await tx.insertInto('incidents').values(incident(1)).execute();
      aWrote.open();
      await bLocked.p;
      await tx.updateTable('organisations').set({ name: 'a' }).where('id', '=', 'r').execute();
    });
    const b = db.transaction().execute(async (tx) => {
      await aWrote.p;
      await tx.updateTable('organisations').set({ name: 'b' }).where('id', '=', 'r').execute();
      bLocked.open();
      await new Promise((r) => setTimeout(r, 200));
      await tx.insertInto('incidents').values(incident(2)).execute();
    });
    await Promise.all([a, b]);
    expect((await stamps(db)).map(([seq]) => seq).sort()).toEqual([1, 2]);
  });
});
