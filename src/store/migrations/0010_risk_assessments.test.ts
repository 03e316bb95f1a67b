/**
 * 0010 on both engines: versions of an actor's risk assessment are unique and start at 1, and
 * go with the actor when it is removed.
 */
import { describe, it, expect, afterAll } from 'vitest';
import type { Kysely } from 'kysely';
import { closeDatabases, postgresDatabase, sqliteDatabase } from '../../../test/helpers/databases.js';

afterAll(closeDatabases);

const NOW = '2026-01-01T00:00:00Z';
const actor = (id: string) => ({ id, org_id: 'o', kind: 'person', pseudonym: id, created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1 });
const assessment = (id: string, actorId: string, version: number) => ({ id, actor_id: actorId, version, assessed_at: NOW, assessed_by: 'u', level: 'high', score_x100: 450, next_review: null, body: 'sealed' });

async function seed(db: Kysely<any>): Promise<void> {
  await db.insertInto('organisations').values({ id: 'o', name: 'o', created_at: NOW }).execute();
  await db.insertInto('actors').values([actor('a1'), actor('a2')]).execute();
}

describe.each([['sqlite', () => sqliteDatabase()], ['postgres', () => postgresDatabase()]] as const)('migration 0010_risk_assessments on %s', (_name, open) => {
  it('keeps one row per version of each actor, from 1', async () => {
    const db = await open();
    await seed(db);
    await db.insertInto('risk_assessments').values([assessment('r1', 'a1', 1), assessment('r2', 'a1', 2), assessment('r3', 'a2', 1)]).execute();
    await expect(db.insertInto('risk_assessments').values(assessment('r4', 'a1', 2)).execute()).rejects.toThrow();
    await expect(db.insertInto('risk_assessments').values(assessment('r5', 'a2', 0)).execute()).rejects.toThrow();
    await expect(db.insertInto('risk_assessments').values(assessment('r6', 'nobody', 1)).execute()).rejects.toThrow();
    const rows = await db.selectFrom('risk_assessments').select(['id', 'score_x100']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, Number(r.score_x100)])).toEqual([['r1', 450], ['r2', 450], ['r3', 450]]);
  });

  it('removes an actor\'s assessments with the actor', async () => {
    const db = await open();
    await seed(db);
    await db.insertInto('risk_assessments').values([assessment('r1', 'a1', 1), assessment('r3', 'a2', 1)]).execute();
    await db.deleteFrom('actors').where('id', '=', 'a1').execute();
    expect((await db.selectFrom('risk_assessments').select('id').execute()).map((r) => r.id)).toEqual(['r3']);
  });
});
