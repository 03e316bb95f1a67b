/**
 * The floor's database handle: the same database, without Kysely, the Store or any mapping.
 * SQLite: a second connection to the encrypted file (key derived from the keyring, as the vault
 * does), statements prepared once. PostgreSQL: one pg client on the dataset's schema.
 */
import pg from 'pg';
import type Database from 'better-sqlite3-multiple-ciphers';
import { DataFolder } from '../../src/store/embedded/data-folder.js';
import { openEncryptedSqlite } from '../../src/store/sqlite/open-encrypted.js';
import { unwrapWithPassphrase, deriveSubkey } from '../../src/crypto/keyring.js';
import type { Dataset } from './dataset.js';
import { BENCH_PASSPHRASE } from './dataset.js';

/** A floor statement stopped at the run's time limit (PostgreSQL's statement_timeout, `--floor-limit-s`). */
export class FloorStopped extends Error {
  constructor(readonly limitMs: number) {
    super(`stopped after ${limitMs} ms`);
  }
}

export interface RawDb {
  /** throws FloorStopped when the statement ran into the time limit */
  all(sql: string, params?: readonly unknown[]): Promise<unknown[]>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  /** several statements in one transaction */
  transaction(fn: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * `limitMs` (PostgreSQL): a floor statement running longer is cancelled and reported as "at least
 * this long" (at a million incidents some of the SQL search's statements ran for more than ten
 * minutes on the shared machine). SQLite statements cannot be interrupted here and always finish.
 */
export async function openRaw(d: Dataset, pgUrl: string, limitMs?: number): Promise<RawDb> {
  if (d.backend === 'postgres') {
    const c = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${d.schema},public` });
    await c.connect();
    if (limitMs) await c.query(`SET statement_timeout = ${Math.round(limitMs)}`);
    return {
      all: async (sql, params = []) => {
        try {
          return (await c.query(sql, params as unknown[])).rows;
        } catch (e) {
          // 57014: query_canceled (the statement_timeout)
          if (limitMs && (e as { code?: string }).code === '57014') throw new FloorStopped(limitMs);
          throw e;
        }
      },
      run: async (sql, params = []) => { await c.query(sql, params as unknown[]); },
      transaction: async (fn) => {
        await c.query('BEGIN');
        try { await fn(); await c.query('COMMIT'); } catch (e) { await c.query('ROLLBACK'); throw e; }
      },
      close: () => c.end(),
    };
  }
  const folder = new DataFolder(d.dir);
  const file = folder.readKeyring();
  const master = await unwrapWithPassphrase(file, BENCH_PASSPHRASE);
  const db: Database.Database = openEncryptedSqlite(folder.databasePath, deriveSubkey(master, 'sqlite', file.id), 'open');
  master.fill(0);
  const cache = new Map<string, Database.Statement>();
  const prep = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    all: async (sql, params = []) => prep(sql).all(...params),
    run: async (sql, params = []) => { prep(sql).run(...params); },
    transaction: async (fn) => {
      db.exec('BEGIN IMMEDIATE');
      try { await fn(); db.exec('COMMIT'); } catch (e) { db.exec('ROLLBACK'); throw e; }
    },
    close: async () => { db.close(); },
  };
}
