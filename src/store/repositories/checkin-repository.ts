/** check-in plans, check-ins and duress-code digests (migration 0011, ADR 0018). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';

export class CheckinRepository {
  constructor(private readonly db: Kysely<Database>, private readonly keys: StoreKeys) {}
}
