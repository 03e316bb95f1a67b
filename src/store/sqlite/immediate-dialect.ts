/**
 * Kysely's SQLite dialect with write transactions that take the write lock when they begin
 * (`BEGIN IMMEDIATE`). With the default deferred BEGIN, a transaction that reads first and writes
 * later fails at once with SQLITE_BUSY when another process (a CLI command beside the running
 * server) committed in between — WAL cannot let it upgrade a stale snapshot, and the busy timeout
 * does not help. Taking the lock first makes the second writer wait (busy timeout) instead.
 * Every transaction in Bitácora writes (at least its audit event), so nothing is lost by this.
 * The handle is wrapped so that prepared statements are reused (statement-cache.ts).
 */
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import type Database from 'better-sqlite3-multiple-ciphers';
import { withStatementCache } from './statement-cache.js';

// Kysely types the handle structurally; ours is always better-sqlite3's
const cache = (db: unknown): SqliteDialectConfig['database'] & Database.Database => withStatementCache(db as Database.Database) as never;

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  private readonly cfg: SqliteDialectConfig;
  constructor(cfg: SqliteDialectConfig) {
    const cached: SqliteDialectConfig = { ...cfg, database: typeof cfg.database === 'function' ? async () => cache(await (cfg.database as () => Promise<unknown>)()) : cache(cfg.database) };
    super(cached);
    this.cfg = cached;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
}
