/**
 * The organisation's Ed25519 key that signs evidence bundles (migration 0012, ADR 0019): the
 * private key (PKCS#8 DER, base64) sealed under the data key of the record 'settings/signing',
 * bound to its row and column, the public key plain (SPKI PEM). One key is in use: the oldest that
 * is not retired. It is made on first use; two server processes making it at once end up with one
 * (a lock on PostgreSQL, the write lock on SQLite, and a re-read after the insert that gives way to
 * an older key should one be there).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import { dialectOf } from '../migrations/dialect.js';
import { fingerprint, generateSigningKeyPair } from '../../crypto/signing.js';
import { newId, wipe } from '../../crypto/random.js';

const RECORD = recordName('settings', 'signing');
const slot = (id: string) => ({ record: RECORD, table: 'signing_keys', row: id, column: 'private_key' });

export interface SigningKeyInfo {
  id: string;
  algorithm: 'ed25519';
  publicKeyPem: string;
  /** SHA-256 (hex) of the raw public key */
  fingerprint: string;
  createdAt: string;
}

export class SigningKeyRepository {
  constructor(readonly db: Kysely<Database>, readonly keys: StoreKeys) {}

  /** The key in use (the oldest not retired), or none yet. */
  async current(db: Kysely<Database> = this.db): Promise<SigningKeyInfo | undefined> {
    const row = await db.selectFrom('signing_keys').select(['id', 'algorithm', 'public_key', 'created_at'])
      .where('retired_at', 'is', null).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
    if (!row) return undefined;
    const fp = fingerprint(row.public_key);
    if (!fp) throw new Error('the stored signing key is not an Ed25519 public key');
    return { id: row.id, algorithm: row.algorithm, publicKeyPem: row.public_key, fingerprint: fp, createdAt: row.created_at };
  }

  /**
   * Makes the organisation's key unless one is in use already; answers the key in use and whether
   * this call made it. Runs in the caller's transaction, or in one of its own.
   */
  async create(at: string): Promise<{ key: SigningKeyInfo; created: boolean }> {
    if (!this.db.isTransaction) return this.db.transaction().execute((trx) => new SigningKeyRepository(trx, this.keys).create(at));
    // PostgreSQL: one maker at a time per workspace schema (SQLite transactions already hold the write lock)
    if (dialectOf(this.db) === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.signing_keys'))`.execute(this.db);
    const existing = await this.current();
    if (existing) return { key: existing, created: false };

    const id = newId();
    const pair = generateSigningKeyPair();
    try {
      const sealer = new FieldSealer(this.db, this.keys);
      const dk = await sealer.dataKey(RECORD, true);
      await this.db.insertInto('signing_keys').values({
        id, algorithm: 'ed25519', public_key: pair.publicPem, private_key: sealer.seal(dk, slot(id), pair.privateDer.toString('base64'))!, created_at: at, retired_at: null,
      }).execute();
    } finally {
      wipe(pair.privateDer);
    }
    // another process's key made at the same moment wins if it is the older one: ours goes
    const oldest = (await this.current())!;
    if (oldest.id !== id) {
      await this.db.deleteFrom('signing_keys').where('id', '=', id).execute();
      return { key: oldest, created: false };
    }
    return { key: oldest, created: true };
  }

  /** The private key (PKCS#8 DER) of a key: the caller wipes the buffer after use. */
  async privateKey(id: string): Promise<Buffer> {
    const row = await this.db.selectFrom('signing_keys').select('private_key').where('id', '=', id).executeTakeFirst();
    if (!row) throw new Error('no such signing key');
    const sealer = new FieldSealer(this.db, this.keys);
    const dk = await sealer.dataKey(RECORD, false);
    return Buffer.from(sealer.open(dk, slot(id), row.private_key)!, 'base64');
  }
}
