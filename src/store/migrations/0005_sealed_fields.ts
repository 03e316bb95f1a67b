/**
 * 0005: identifying fields sealed at field level (design.md §4; src/crypto/envelope.ts).
 *  - field_keys: key-encryption keys, each wrapped under the master key's 'fields' sub-key;
 *    meta 'field_kek_current' names the one that wraps new data keys.
 *  - record_keys: one data key per record ('incident/<id>', 'actor/<id>', 'draft/<id>'),
 *    wrapped under a field key. Rotation rewrites these rows only.
 *  - incidents.private_sealed: the private point and address, sealed as one value. The old
 *    plaintext columns (private_lat, private_lon, private_address) stay for append-only history
 *    but are always NULL: the first unseal after this migration seals what they held and clears them.
 * Text columns that hold identifying values (actors.real_name, contact, private_address;
 * involvements.identified_individuals; sources.testimony; drafts.data) keep their names and now hold
 * sealed values ("f1.<key id>.<base64url>").
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('field_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('record_keys')
    .addColumn('record', 'text', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('kek_id', 'text', (c) => c.notNull())
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_keys_kek').on('record_keys').column('kek_id').execute();
  await db.schema.alterTable('incidents').addColumn('private_sealed', 'text').execute();
}
