/**
 * The test matrix (ADR 0012): the same suites run on the embedded store and on PostgreSQL.
 * `BITACORA_TEST_BACKEND=postgres` (set by the `unit-postgres` and `e2e-postgres` vitest projects)
 * puts every test workspace in its own fresh PostgreSQL schema, dropped when the test closes it.
 * The schema name is derived from the data folder's path, so a CLI run or a server started on the
 * same folder finds the same database.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import type { StoreBackend } from '../../src/store/backend/store-backend.js';
import { sqliteBackend } from '../../src/store/backend/sqlite-backend.js';
import { postgresBackend } from '../../src/store/backend/postgres-backend.js';
import type { DataFolder } from '../../src/store/embedded/data-folder.js';

export type TestBackend = 'sqlite' | 'postgres';
export const TEST_BACKEND: TestBackend = process.env['BITACORA_TEST_BACKEND'] === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The schema a data folder's database lives in, on the PostgreSQL half. */
export function schemaFor(dataDir: string): string {
  return `t_${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 20)}`;
}

export function backendFor(folder: DataFolder, which: TestBackend = TEST_BACKEND): StoreBackend {
  return which === 'postgres' ? postgresBackend({ connectionString: TEST_DATABASE_URL, schema: schemaFor(folder.root), max: 4 }) : sqliteBackend(folder);
}

/** Environment for a `bitacora` child process on `dataDir` (nothing on the embedded half). */
export function backendEnv(dataDir: string, which: TestBackend = TEST_BACKEND): Record<string, string> {
  return which === 'postgres' ? { DATABASE_URL: TEST_DATABASE_URL, BITACORA_PG_SCHEMA: schemaFor(dataDir) } : {};
}

/** Drops the data folder's schema (PostgreSQL half); the folder itself is the caller's. */
export async function dropBackend(dataDir: string, which: TestBackend = TEST_BACKEND): Promise<void> {
  if (which !== 'postgres') return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schemaFor(dataDir)} CASCADE`);
  } finally {
    await client.end();
  }
}
