/**
 * The migrations on PostgreSQL (127.0.0.1:5432, database `test`, or TEST_DATABASE_URL), in a fresh
 * schema: they all apply, in order, and give the same tables with the same columns as on SQLite —
 * the search index aside, which each engine builds its own way. Never skipped: if PostgreSQL is not
 * there, this fails (npm test starts or installs it first).
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { openPostgres } from '../postgres/open-postgres.js';
import { openEncryptedSqlite } from '../sqlite/open-encrypted.js';
import { migrateToLatest, MIGRATIONS } from './index.js';

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `t_${randomBytes(6).toString('hex')}`;
let pg: Kysely<any> | undefined;

afterAll(async () => {
  if (pg) {
    await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(pg);
    await pg.destroy();
  }
});

async function sqliteColumns(): Promise<Map<string, string[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'bitacora-pgcmp-'));
  const raw = openEncryptedSqlite(join(dir, 'db'), Buffer.alloc(32, 5), 'create');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    await migrateToLatest(db);
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'schema_migrations%' AND name NOT LIKE 'incident_fts%'").all() as { name: string }[];
    return new Map(tables.map((t) => [t.name, (raw.prepare(`SELECT name FROM pragma_table_info(?)`).all(t.name) as { name: string }[]).map((c) => c.name).sort()]));
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('migrations on PostgreSQL', () => {
  it('apply in order in a fresh schema and give the same tables and columns as SQLite', async () => {
    pg = await openPostgres({ connectionString: TEST_DATABASE_URL, schema, max: 2 });
    const applied = (await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(pg)).rows.map((r) => r.name);
    expect(applied).toEqual(Object.keys(MIGRATIONS));
    const cols = (await sql<{ table_name: string; column_name: string }>`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ${schema}`.execute(pg)).rows;
    const onPg = new Map<string, string[]>();
    for (const c of cols) if (!c.table_name.startsWith('schema_migrations') && c.table_name !== 'incident_fts') onPg.set(c.table_name, [...(onPg.get(c.table_name) ?? []), c.column_name].sort());
    expect(Object.fromEntries([...onPg].sort())).toEqual(Object.fromEntries([...(await sqliteColumns())].sort()));
  });

  it('folds accents and case in the search index', async () => {
    await sql`INSERT INTO incident_fts (seq, title, body) VALUES (1, 'Amenazó al DIRECTOR', 'detención en Tapachula')`.execute(pg!);
    const hit = async (q: string) => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM incident_fts WHERE doc @@ to_tsquery('simple', bitacora_fold(${q}) || ':*')`.execute(pg!)).rows[0]!.n);
    expect(await hit('amenazo')).toBe(1);
    expect(await hit('DETENCION')).toBe(1);
    expect(await hit('director')).toBe(1);
    expect(await hit('tijuana')).toBe(0);
  });
});
