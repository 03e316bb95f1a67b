/**
 * 0003: the audit log becomes a hash chain (docs/adr/0007-audit-chain.md).
 *  - audit_events.seq: the entry's place in the chain, 1, 2, 3 … without gaps, assigned inside the
 *    writing transaction from the head row (never from the id: PostgreSQL sequences leave gaps on
 *    rollback). `id` stays only as the storage key.
 *  - audit_events.prev_hash / hash: hex HMAC-SHA256 under the master key's 'audit' sub-key; an
 *    entry's hash covers the previous entry's hash and the entry itself, seq included.
 *  - audit_chain_head: one row (id = 1) with the last seq and hash, MAC'd with the same key, so
 *    cutting entries off the end is detected too. Every append locks this row first.
 * Entries written before this migration have no key behind them: they keep seq NULL here, and the
 * first audited write after the upgrade (with the key in memory) chains them, oldest first, before
 * its own entry; the head records how many there were ("legacy") and when the chain started.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

/** prev_hash of the first entry (the repository has the same constant) */
const GENESIS_HASH = '0'.repeat(64);

export async function up(db: Kysely<any>): Promise<void> {
  const seqType = dialectOf(db) === 'postgres' ? 'bigint' : 'integer';
  await db.schema.alterTable('audit_events').addColumn('seq', seqType).execute();
  await db.schema.alterTable('audit_events').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('hash', 'text').execute();
  await db.schema.createIndex('audit_events_seq').on('audit_events').column('seq').unique().execute();
  // browsing filters (newest first, by seq)
  await db.schema.createIndex('audit_events_user_seq').on('audit_events').columns(['user_id', 'seq']).execute();
  await db.schema.createIndex('audit_events_action_seq').on('audit_events').columns(['action', 'seq']).execute();

  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', seqType, (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('legacy', seqType, (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('mac', 'text')
    .addCheckConstraint('audit_chain_head_one_row', sql`id = 1`)
    .execute();
  await db.insertInto('audit_chain_head').values({ id: 1, seq: 0, hash: GENESIS_HASH, legacy: 0, started_at: null, mac: null }).execute();
}
