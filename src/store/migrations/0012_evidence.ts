/**
 * 0012: evidence (issue 7, ADR 0019).
 *
 * - `files` / `file_chunks`: file bytes live in the database itself, as chunked AES-256-GCM
 *   (src/crypto/stream-aead.ts) under a key of each file's own, sealed under the data key of the
 *   record the file belongs to (an incident or a person). One chunk per row, written in short
 *   transactions while the file is `writing`; the evidence item's own transaction marks it `stored`.
 *   Backups, restores, server mode and the seal cover files with no second store.
 * - `evidence_items`: a file attached to an incident (optionally one of its testimonies) or to a
 *   person or organisation: kind, type by content, size, the SHA-256 taken on arrival, the viewing
 *   copy with no metadata, consent per use (plain codes), and sealed: the original name, the
 *   description, the metadata read from the original, an online capture's fields. A capture's
 *   screenshots are items whose `parent_id` is the capture.
 * - `signing_keys`: the organisation's Ed25519 key that signs evidence bundles; the private key is
 *   sealed (record settings/signing), the public key plain.
 *
 * The chain of custody is the audit log itself (target type 'evidence'): no table of its own.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const bytes = dialectOf(db) === 'postgres' ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state IN ('writing', 'stored')`))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('file_key', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('chunks', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'text')
    .execute();
  await db.schema.createIndex('files_state').on('files').columns(['state', 'created_at']).execute();

  await db.schema
    .createTable('file_chunks')
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('file_chunks_pk', ['file_id', 'idx'])
    .execute();

  await db.schema
    .createTable('evidence_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.references('actors.id').onDelete('cascade'))
    .addColumn('source_id', 'text')
    .addColumn('parent_id', 'text', (c) => c.references('evidence_items.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('view_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('original_name', 'text')
    .addColumn('description', 'text')
    .addColumn('metadata', 'text')
    .addColumn('capture', 'text')
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addCheckConstraint('evidence_items_owner', sql`incident_id IS NOT NULL OR actor_id IS NOT NULL`)
    .execute();
  await db.schema.createIndex('evidence_items_incident').on('evidence_items').column('incident_id').execute();
  await db.schema.createIndex('evidence_items_actor').on('evidence_items').column('actor_id').execute();
  await db.schema.createIndex('evidence_items_parent').on('evidence_items').column('parent_id').execute();
  await db.schema.createIndex('evidence_items_file').on('evidence_items').column('file_id').execute();

  await db.schema
    .createTable('signing_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('algorithm', 'text', (c) => c.notNull().check(sql`algorithm IN ('ed25519')`))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['signing_keys', 'evidence_items', 'file_chunks', 'files']) await db.schema.dropTable(t).execute();
}
