/**
 * 0013 on both engines: an incident's counts are optional JSON text; saved mappings are unique by
 * name within an organisation; an import run names its format from a fixed list, and incidents point
 * at the run that made them (a run cannot go while they do); a run outlives its mapping.
 */
import { describe, it, expect, afterAll } from 'vitest';
import type { Kysely } from 'kysely';
import { closeDatabases, postgresDatabase, sqliteDatabase } from '../../../test/helpers/databases.js';

afterAll(closeDatabases);

const NOW = '2026-01-01T00:00:00Z';
const incident = (id: string, extra: Record<string, unknown> = {}) => ({
  id, org_id: 'o', title: 't', date_approx: 0, place_precision: 'unknown', status: 'reported', follow_up: 'open', confidentiality: 'organisation',
  created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1, ...extra,
});
const mapping = (id: string, name: string, org = 'o') => ({ id, org_id: org, name, body: '{}', created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1 });
const run = (id: string, extra: Record<string, unknown> = {}) => ({ id, org_id: 'o', at: NOW, user_id: 'u', format: 'csv', rows: 2, incidents: 2, warnings: 0, mapping_id: null, ...extra });

describe.each([['sqlite', () => sqliteDatabase()], ['postgres', () => postgresDatabase()]] as const)('migration 0013_imports on %s', (_name, open) => {
  it('keeps counts as optional text on incidents', async () => {
    const db: Kysely<any> = await open();
    await db.insertInto('organisations').values([{ id: 'o', name: 'o', created_at: NOW }]).execute();
    await db.insertInto('incidents').values([incident('i1'), incident('i2', { counts: '{"dead":3,"missing":1}' })]).execute();
    const rows = await db.selectFrom('incidents').select(['id', 'counts', 'import_run_id']).orderBy('id').execute();
    expect(rows).toEqual([{ id: 'i1', counts: null, import_run_id: null }, { id: 'i2', counts: '{"dead":3,"missing":1}', import_run_id: null }]);
  });

  it('names mappings uniquely per organisation and ties incidents to the run that made them', async () => {
    const db: Kysely<any> = await open();
    await db.insertInto('organisations').values([{ id: 'o', name: 'o', created_at: NOW }, { id: 'p', name: 'p', created_at: NOW }]).execute();
    await db.insertInto('import_mappings').values([mapping('m1', 'IOM'), mapping('m2', 'IOM', 'p')]).execute();
    await expect(db.insertInto('import_mappings').values(mapping('m3', 'IOM')).execute()).rejects.toThrow();
    await db.insertInto('import_runs').values([run('r1', { mapping_id: 'm1' }), run('r2', { format: 'xlsx' })]).execute();
    await expect(db.insertInto('import_runs').values(run('r3', { format: 'ods' })).execute()).rejects.toThrow();
    await expect(db.insertInto('import_runs').values(run('r4', { mapping_id: 'nope' })).execute()).rejects.toThrow();
    await db.insertInto('incidents').values([incident('i1', { import_run_id: 'r1' })]).execute();
    await expect(db.insertInto('incidents').values(incident('i2', { import_run_id: 'nope' })).execute()).rejects.toThrow();
    await expect(db.deleteFrom('import_runs').where('id', '=', 'r1').execute()).rejects.toThrow();
    await db.deleteFrom('import_mappings').where('id', '=', 'm1').execute();
    expect((await db.selectFrom('import_runs').select('mapping_id').where('id', '=', 'r1').executeTakeFirstOrThrow()).mapping_id).toBeNull();
  });
});
