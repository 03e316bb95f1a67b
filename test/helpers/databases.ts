/**
 * Bare databases for store-level tests on both engines: an encrypted SQLite file in a temporary
 * folder, or a fresh PostgreSQL schema (TEST_DATABASE_URL); migrated unless told otherwise, and
 * removed by `closeDatabases()` (call it in afterAll).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { openEncryptedSqlite } from '../../src/store/sqlite/open-encrypted.js';
import { openPostgres } from '../../src/store/postgres/open-postgres.js';
import { migrateToLatest } from '../../src/store/migrations/index.js';
import { TEST_DATABASE_URL } from './backend.js';

const cleanups: (() => Promise<void>)[] = [];

export async function closeDatabases(): Promise<void> {
  for (const c of cleanups.splice(0)) await c();
}

export async function sqliteDatabase(opts: { migrate?: boolean } = {}): Promise<Kysely<any>> {
  const dir = mkdtempSync(join(tmpdir(), 'bitacora-db-'));
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: openEncryptedSqlite(join(dir, 'db'), randomBytes(32), 'create') }) });
  if (opts.migrate !== false) await migrateToLatest(db);
  cleanups.push(async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); });
  return db;
}

/** PostgreSQL migrates as it opens (openPostgres). */
export async function postgresDatabase(max = 3): Promise<Kysely<any>> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres({ connectionString: TEST_DATABASE_URL, schema, max });
  cleanups.push(async () => { await sql.raw(`DROP SCHEMA ${schema} CASCADE`).execute(db); await db.destroy(); });
  return db;
}
