/**
 * 0007: several app processes on one database (server mode, ADR 0012).
 *  - cluster_state: one row. `keyring_id` binds the database to the keyring that unseals it (a
 *    keyring from another workspace is refused instead of writing under the wrong keys);
 *    `seal_epoch` goes up on every seal, and every unsealed process seals itself when it sees a
 *    higher epoch than the one it unsealed at.
 *  - cluster_members: one row per unsealed process (a random id, never a host name), with a
 *    heartbeat, so an unseal knows whether others are serving (and keeps their sessions).
 *  - rate_limits: counters shared by every process; keys are digests (never an address or e-mail).
 * The embedded store has the same tables (same schema on both); it uses the keyring binding only.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cluster_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('keyring_id', 'text')
    .addColumn('seal_epoch', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('cluster_state').values({ id: 1, keyring_id: null, seal_epoch: 0 }).execute();
  await db.schema
    .createTable('cluster_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seal_epoch', 'integer', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_window').on('rate_limits').column('window_start').execute();
}
