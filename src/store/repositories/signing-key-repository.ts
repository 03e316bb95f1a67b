/**
 * The organisation's Ed25519 key that signs evidence bundles (migration 0012, ADR 0019): the
 * private key sealed under the record 'settings/signing', the public key plain.
 * (Filled in by the bundles part of issue 7.)
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';

export class SigningKeyRepository {
  constructor(readonly db: Kysely<Database>, readonly keys: StoreKeys) {}
}
