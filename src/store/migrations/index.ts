/**
 * The numbered, append-only list of migrations. Never edit or reorder a shipped migration:
 * add the next number. `migrations.test.ts` checks the resulting schema against a committed snapshot.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './0001_core.js';
import * as m0002 from './0002_search_index.js';
import * as m0003 from './0003_audit_chain.js';
import * as m0004 from './0004_second_factor.js';
import * as m0005 from './0005_sealed_fields.js';
import * as m0006 from './0006_need_to_know.js';
import * as m0007 from './0007_cluster.js';
import * as m0008 from './0008_search_changes.js';
import * as m0009 from './0009_share_changes.js';
import * as m0010 from './0010_risk_assessments.js';
import * as m0011 from './0011_response.js';
import * as m0012 from './0012_evidence.js';
import * as m0013 from './0013_imports.js';
import * as m0014 from './0014_duplicates.js';
import * as m0015 from './0015_accompaniment.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_search_index': m0002,
  '0003_audit_chain': m0003,
  '0004_second_factor': m0004,
  '0005_sealed_fields': m0005,
  '0006_need_to_know': m0006,
  '0007_cluster': m0007,
  '0008_search_changes': m0008,
  '0009_share_changes': m0009,
  '0010_risk_assessments': m0010,
  '0011_response': m0011,
  '0012_evidence': m0012,
  '0013_imports': m0013,
  '0014_duplicates': m0014,
  '0015_accompaniment': m0015,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/**
 * `schema` (PostgreSQL): where the migration tables live. Without it Kysely would take a table of
 * that name in any schema of the database as ours (another workspace's, in a shared database).
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider(), migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock', ...(schema ? { migrationTableSchema: schema } : {}) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // Kysely looks for its own table by listing every table and column of the whole PostgreSQL
    // database; a schema dropped or altered by someone else at that moment (other workspaces in a
    // shared database, parallel tests) makes that listing fail with "does not exist". Nothing of
    // ours was touched: look again.
    if (attempt < 5 && catalogRace(error)) {
      await new Promise((r) => setTimeout(r, 50 * attempt));
      continue;
    }
    throw error instanceof Error ? error : new Error(String(error));
  }
}

/** undefined_column, undefined_table, invalid_schema_name: a catalog changing under a read of it. */
function catalogRace(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '42703' || code === '42P01' || code === '3F000';
}
