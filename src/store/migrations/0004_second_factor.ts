/**
 * 0004: the second factor and richer sessions (ADR 0008).
 * - users: the TOTP secret sealed under a sub-key of the master key (never plaintext), the secret
 *   of an enrolment not yet confirmed (sealed too), when it was enrolled, and the last time step
 *   used (no replay).
 * - recovery_codes: keyed digests only, each usable once.
 * - role_policies: whether a role must use a second factor.
 * - sessions: rebuilt (sessions never outlive a seal, and unsealing ends them all, so none is lost)
 *   with a public handle for lists and revocation (the id is the token's digest and never leaves
 *   the server), the sign-in stage (waiting for the second factor or complete), when the second
 *   factor was given and when the user last re-authenticated.
 * The same statements run on both dialects (one ALTER per column: SQLite adds one at a time).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  for (const [name, type] of [['totp_secret', 'text'], ['totp_pending', 'text'], ['totp_enrolled_at', 'text'], ['totp_last_step', pg ? 'bigint' : 'integer']] as const) {
    await db.schema.alterTable('users').addColumn(name, type).execute();
  }

  await db.schema
    .createTable('recovery_codes')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'digest'])
    .execute();

  await db.schema
    .createTable('role_policies')
    .addColumn('role', 'text', (c) => c.primaryKey())
    .addColumn('require_totp', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema.dropTable('sessions').execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('handle', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage IN ('second_factor', 'complete')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('second_factor_at', 'text')
    .addColumn('reauth_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
}
