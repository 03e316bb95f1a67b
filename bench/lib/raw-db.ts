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

export interface RawDb {
  all(sql: string, params?: readonly unknown[]): Promise<unknown[]>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  /** several statements in one transaction */
  transaction(fn: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function openRaw(d: Dataset, pgUrl: string): Promise<RawDb> {
  if (d.backend === 'postgres') {
    const c = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${d.schema},public` });
    await c.connect();
    return {
      all: async (sql, params = []) => (await c.query(sql, params as unknown[])).rows,
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
