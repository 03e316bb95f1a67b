/**
 * Kysely's SQLite dialect with write transactions that take the write lock when they begin
 * (`BEGIN IMMEDIATE`). With the default deferred BEGIN, a transaction that reads first and writes
 * later fails at once with SQLITE_BUSY when another process (a CLI command beside the running
 * server) committed in between — WAL cannot let it upgrade a stale snapshot, and the busy timeout
 * does not help. Taking the lock first makes the second writer wait (busy timeout) instead.
 * Every transaction in Bitácora writes (at least its audit event), so nothing is lost by this.
 */
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: SqliteDialectConfig) {
    super(cfg);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
}
