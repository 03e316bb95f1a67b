/**
 * Opening the PostgreSQL store (server mode, `DATABASE_URL`): a Kysely instance on a `pg` pool,
 * optionally confined to one schema (tests run each in a fresh schema), migrated to the latest
 * version. The volume under PostgreSQL must be encrypted by the operator; identifying values are
 * sealed field by field by the repositories either way (ADR 0010).
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database as Schema } from '../schema-types.js';
import { migrateToLatest } from '../migrations/index.js';

// bigint counts (count(*), bigserial ids) come back as numbers, not strings
pg.types.setTypeParser(20, (v) => Number(v));

export interface PostgresOptions {
  connectionString: string;
  /** a schema to create (if missing) and use for everything */
  schema?: string;
  max?: number;
}

export function postgresKysely(opts: PostgresOptions): Kysely<Schema> {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema},public` } : {}),
  });
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}

/** Creates the schema if asked, migrates, and returns the Kysely instance (the caller wraps it in a Store). */
export async function openPostgres(opts: PostgresOptions): Promise<Kysely<Schema>> {
  if (opts.schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw new Error('schema: lowercase letters, digits and _ only');
  const db = postgresKysely(opts);
  try {
    if (opts.schema) await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`).execute(db);
    const schema = opts.schema ?? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s;
    if (!schema) throw new Error('DATABASE_URL: the connection has no current schema to keep the tables in (check search_path)');
    await migrateWithRetry(db, schema);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return db;
}

/**
 * Kysely's migrator looks for its tables by listing every table of the database; a schema dropped
 * by someone else at that moment (another workspace sharing the database, a test cleaning up) makes
 * that listing fail with 3F000 although ours is fine. Such a failure is retried; nothing was applied.
 */
async function migrateWithRetry(db: Kysely<Schema>, schema: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(db, schema);
      return;
    } catch (e) {
      const otherSchemaVanished = (e as { code?: string }).code === '3F000' && !String((e as Error).message).includes(`"${schema}"`);
      if (!otherSchemaVanished || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}
