/**
 * 0014 on both engines: an incident may name the incident it was merged into (which must exist);
 * dismissed pairs are stored once, in byte order, and go with either incident; the candidates'
 * query (country and a window of days) reads the (country, date_from) index on SQLite.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { closeDatabases, postgresDatabase, sqliteDatabase } from '../../../test/helpers/databases.js';

afterAll(closeDatabases);

const NOW = '2026-01-01T00:00:00Z';
const incident = (id: string, extra: Record<string, unknown> = {}) => ({
  id, org_id: 'o', title: 't', date_approx: 0, place_precision: 'unknown', status: 'reported', follow_up: 'open', confidentiality: 'organisation',
  created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1, ...extra,
});
const dismissal = (a: string, b: string) => ({ incident_a: a, incident_b: b, dismissed_at: NOW, dismissed_by: 'u' });

describe.each([['sqlite', () => sqliteDatabase()], ['postgres', () => postgresDatabase()]] as const)('migration 0014_duplicates on %s', (name, open) => {
  it('records which incident another was merged into, and only an incident that exists', async () => {
    const db: Kysely<any> = await open();
    await db.insertInto('organisations').values([{ id: 'o', name: 'o', created_at: NOW }]).execute();
    await db.insertInto('incidents').values([incident('a'), incident('b', { merged_into: 'a', deleted_at: NOW })]).execute();
    await expect(db.insertInto('incidents').values(incident('c', { merged_into: 'nope' })).execute()).rejects.toThrow();
    const rows = await db.selectFrom('incidents').select(['id', 'merged_into']).orderBy('id').execute();
    expect(rows).toEqual([{ id: 'a', merged_into: null }, { id: 'b', merged_into: 'a' }]);
  });

  it('keeps a dismissed pair once, in byte order, and drops it with either incident', async () => {
    const db: Kysely<any> = await open();
    await db.insertInto('organisations').values([{ id: 'o', name: 'o', created_at: NOW }]).execute();
    // upper-case sorts before lower-case in byte order, whatever the database's collation says
    await db.insertInto('incidents').values([incident('B'), incident('a'), incident('c')]).execute();
    await db.insertInto('duplicate_dismissals').values([dismissal('B', 'a'), dismissal('a', 'c')]).execute();
    await expect(db.insertInto('duplicate_dismissals').values(dismissal('B', 'a')).execute()).rejects.toThrow();
    await expect(db.insertInto('duplicate_dismissals').values(dismissal('c', 'a')).execute()).rejects.toThrow();
    await expect(db.insertInto('duplicate_dismissals').values(dismissal('a', 'a')).execute()).rejects.toThrow();
    await expect(db.insertInto('duplicate_dismissals').values(dismissal('a', 'nope')).execute()).rejects.toThrow();
    await db.deleteFrom('incidents').where('id', '=', 'c').execute();
    expect(await db.selectFrom('duplicate_dismissals').select(['incident_a', 'incident_b']).execute()).toEqual([{ incident_a: 'B', incident_b: 'a' }]);
  });

  it('indexes incidents by country and first day', async () => {
    const db: Kysely<any> = await open();
    if (name === 'sqlite') {
      const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM incidents i WHERE i.country = 'MX' AND i.date_from >= '2026-01-01' AND i.date_from <= '2026-02-01' AND i.date_to >= '2026-01-10'`.execute(db);
      expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/USING INDEX incidents_country_date \(country=\? AND date_from>\? AND date_from<\?\)/);
    } else {
      const r = await sql<{ indexdef: string }>`SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'incidents_country_date'`.execute(db);
      expect(r.rows[0]?.indexdef).toMatch(/\(country, date_from\)/);
    }
  });
});
