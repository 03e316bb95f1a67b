/**
 * Reads the store beside the server while it is down, for the crash test's checks: the encrypted
 * SQLite file opened with the project's own code and the workspace's key, or the PostgreSQL schema.
 * The checks are plain SQL on purpose (they must not trust the repositories they check), except the
 * audit chain, checked by the very function `bitacora audit verify` runs.
 */
import { Kysely, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type Database from 'better-sqlite3-multiple-ciphers';
import { DataFolder } from '../../src/store/embedded/data-folder.js';
import { openEncryptedSqlite } from '../../src/store/sqlite/open-encrypted.js';
import { postgresKysely } from '../../src/store/postgres/open-postgres.js';
import { Store } from '../../src/store/store.js';
import type { Database as Schema } from '../../src/store/schema-types.js';
import { verifyAuditChain, type VerifyResult, type ChainHeadView } from '../../src/services/audit/verify-audit-chain.js';
import { unwrapWithPassphrase, deriveSubkey } from '../../src/crypto/keyring.js';
import { wipe } from '../../src/crypto/random.js';
import { TEST_DATABASE_URL, type TestBackend } from '../helpers/backend.js';

export interface WorkspaceKeys {
  /** the embedded file's key */
  sqlite: Buffer;
  /** the audit chain's MAC key */
  audit: Buffer;
}

/** The keys as the server derives them (Argon2id once per run, not per check). */
export async function workspaceKeys(dataDir: string, passphrase: string): Promise<WorkspaceKeys> {
  const file = new DataFolder(dataDir).readKeyring();
  const master = await unwrapWithPassphrase(file, passphrase);
  try {
    return { sqlite: deriveSubkey(master, 'sqlite', file.id), audit: deriveSubkey(master, 'audit', file.id) };
  } finally {
    wipe(master);
  }
}

export interface Probe {
  /** rows of a query without parameters; counts aliased `n` come back as numbers */
  all<T>(query: string): Promise<T[]>;
  /** the column of incident_fts that holds the incident's seq */
  ftsSeq: string;
  /** structural checks only SQLite has (integrity_check, foreign keys, FTS5's own check); [] when sound */
  structuralProblems(): Promise<string[]>;
  /** the audit chain, checked as `bitacora audit verify` checks it (with an earlier head as anchor) */
  verifyChain(anchor?: ChainHeadView): Promise<VerifyResult>;
}

function sqliteProblems(raw: Database.Database): string[] {
  const problems: string[] = [];
  const integrity = raw.pragma('integrity_check') as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') problems.push(`integrity_check: ${integrity.map((r) => r.integrity_check).join('; ')}`);
  const fk = raw.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
  try {
    // FTS5's own consistency check of the full-text index against its shadow tables
    raw.prepare(`INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')`).run();
  } catch (e) {
    problems.push(`fts5 integrity-check: ${(e as Error).message}`);
  }
  return problems;
}

/** Opens the store beside a stopped server and runs `fn` on it. */
export async function withProbe<T>(backend: TestBackend, where: { dataDir: string; schema: string; keys: WorkspaceKeys }, fn: (p: Probe) => Promise<T>): Promise<T> {
  let raw: Database.Database | undefined;
  let db: Kysely<Schema>;
  if (backend === 'postgres') {
    db = postgresKysely({ connectionString: TEST_DATABASE_URL, schema: where.schema, max: 1 });
  } else {
    // opening after a kill is also SQLite's crash recovery: the WAL's committed frames are kept, the rest dropped
    raw = openEncryptedSqlite(new DataFolder(where.dataDir).databasePath, where.keys.sqlite, 'open');
    db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) });
  }
  const probe: Probe = {
    ftsSeq: backend === 'postgres' ? 'seq' : 'rowid',
    async all<R>(query: string) {
      const rows = (await sql.raw<Record<string, unknown>>(query).execute(db)).rows;
      return rows.map((row) => ('n' in row ? { ...row, n: Number(row['n']) } : row)) as R[];
    },
    structuralProblems: async () => (raw ? sqliteProblems(raw) : []),
    async verifyChain(anchor) {
      const store = new Store(db);
      // a copy: the store wipes its keys when it is done with them
      store.keys.auditKey = Buffer.from(where.keys.audit);
      return verifyAuditChain(store, anchor ? { anchor } : {});
    },
  };
  try {
    return await fn(probe);
  } finally {
    await db.destroy();
  }
}

/** Runs `fn` with a plain client whose search_path is `schema` (setup checks, versions). */
export async function withPgSchema<T>(schema: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
