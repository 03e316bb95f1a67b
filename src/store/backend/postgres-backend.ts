/**
 * The server backend: PostgreSQL, shared by several app processes (ADR 0012). One pool per process,
 * opened and migrated lazily, kept while sealed: the rate limits and readiness need it, and it holds
 * no key. Sealing drops the keys (Store.close wipes them) but not the pool. The volume under
 * PostgreSQL must be encrypted by the operator; identifying values are sealed field by field anyway.
 */
import { sql, type Kysely } from 'kysely';
import type { Database as Schema } from '../schema-types.js';
import { openPostgres } from '../postgres/open-postgres.js';
import { Store } from '../store.js';
import type { StoreBackend } from './store-backend.js';
import { checkKeyringBinding } from './keyring-binding.js';

export interface PostgresBackendOptions {
  connectionString: string;
  schema?: string;
  max?: number;
}

export function postgresBackend(opts: PostgresBackendOptions): StoreBackend {
  let db: Kysely<Schema> | undefined;
  let ready: Promise<Kysely<Schema>> | undefined;
  // discard() may empty only a database this process bound to a new keyring
  let createdHere = false;

  // migrated once per process; concurrent processes are serialised by Kysely's migration lock
  function migrated(): Promise<Kysely<Schema>> {
    ready ??= openPostgres(opts).then((k) => (db = k)).catch((e) => {
      ready = undefined;
      throw e;
    });
    return ready;
  }

  async function storeFor(keyringId: string, mode: 'create' | 'open'): Promise<Store> {
    const k = await migrated();
    const store = new Store(k, async () => undefined);
    try {
      if (mode === 'create') {
        await store.transaction((tx) => checkKeyringBinding(tx, keyringId, 'create'));
        createdHere = true;
      } else {
        await checkKeyringBinding(store, keyringId, 'open');
      }
    } catch (e) {
      await store.close();
      throw e;
    }
    return store;
  }

  return {
    kind: 'postgres',
    create: (input) => storeFor(input.keyringId, 'create'),
    open: (input) => storeFor(input.keyringId, 'open'),
    async discard() {
      // a failed setup: empty every table the setup may have written (the schema stays)
      if (!createdHere) return;
      createdHere = false;
      const k = await migrated();
      const tables = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE 'schema_migrations%'`.execute(k);
      if (tables.rows.length) await sql.raw(`TRUNCATE ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`).execute(k);
      await sql`INSERT INTO cluster_state (id, keyring_id, seal_epoch) VALUES (1, NULL, 0) ON CONFLICT (id) DO NOTHING`.execute(k);
    },
    shared: () => migrated(),
    async shutdown() {
      const k = db;
      db = undefined;
      ready = undefined;
      await k?.destroy();
    },
  };
}
