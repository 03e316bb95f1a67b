/**
 * The error classes the API maps to 503 (database not answering) and 409 (another writer got there
 * first), checked against the errors the real drivers throw on both backends.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { type Kysely, sql } from 'kysely';
import { closeDatabases, postgresDatabase, sqliteDatabase } from '../../test/helpers/databases.js';
import { concurrentWriteConflict, databaseUnavailable } from './database-errors.js';

afterAll(closeDatabases);

const thrown = async (p: Promise<unknown>): Promise<unknown> => p.then(() => { throw new Error('expected an error'); }, (e: unknown) => e);

describe.each([['sqlite', () => sqliteDatabase({ migrate: false })], ['postgres', () => postgresDatabase()]] as const)('database errors on %s', (_name, open) => {
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
