/**
 * The error classes the API maps to 503 (database not answering) and 409 (another writer got there
 * first), checked against the errors the real drivers throw on both backends.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { openEncryptedSqlite } from './sqlite/open-encrypted.js';
import { openPostgres } from './postgres/open-postgres.js';
import { concurrentWriteConflict, databaseUnavailable } from './database-errors.js';

const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function sqlite(): Promise<Kysely<any>> {
  const dir = mkdtempSync(join(tmpdir(), 'bitacora-dberr-'));
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: openEncryptedSqlite(join(dir, 'db'), Buffer.alloc(32, 3), 'create') }) });
  cleanups.push(async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); });
  return db;
}

async function postgres(): Promise<Kysely<any>> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres({ connectionString: TEST_DATABASE_URL, schema, max: 3 });
  cleanups.push(async () => { await sql.raw(`DROP SCHEMA ${schema} CASCADE`).execute(db); await db.destroy(); });
  return db;
}

const thrown = async (p: Promise<unknown>): Promise<unknown> => p.then(() => { throw new Error('expected an error'); }, (e: unknown) => e);

describe.each([['sqlite', sqlite], ['postgres', postgres]] as const)('database errors on %s', (_name, open) => {
  it('a unique key taken is a write conflict, not an outage', async () => {
    const db = await open();
    await sql`CREATE TABLE t_accounts (id text PRIMARY KEY, email text NOT NULL UNIQUE)`.execute(db);
    await sql`INSERT INTO t_accounts VALUES ('a', 'x@example.org')`.execute(db);
    for (const e of [await thrown(sql`INSERT INTO t_accounts VALUES ('b', 'x@example.org')`.execute(db)), await thrown(sql`INSERT INTO t_accounts VALUES ('a', 'y@example.org')`.execute(db))]) {
      expect(concurrentWriteConflict(e)).toBe(true);
      expect(databaseUnavailable(e)).toBe(false);
    }
  });

  it('other errors are neither (a bug stays a 500)', async () => {
    const db = await open();
    const e = await thrown(sql`SELECT * FROM no_such_table`.execute(db));
    expect(concurrentWriteConflict(e)).toBe(false);
    expect(databaseUnavailable(e)).toBe(false);
  });
});

describe('classes by code', () => {
  it('knows PostgreSQL serialization failures and deadlocks, and connection loss', () => {
    expect(concurrentWriteConflict({ code: '40001' })).toBe(true);
    expect(concurrentWriteConflict({ code: '40P01' })).toBe(true);
    expect(concurrentWriteConflict({ code: '23503' })).toBe(false);
    expect(concurrentWriteConflict(null)).toBe(false);
    expect(databaseUnavailable({ code: '57P01' })).toBe(true);
    expect(databaseUnavailable({ code: 'ECONNREFUSED' })).toBe(true);
    expect(databaseUnavailable({ message: 'Connection terminated unexpectedly' })).toBe(true);
  });
});
