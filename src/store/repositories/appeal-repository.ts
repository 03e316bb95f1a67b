/** urgent appeals to protection bodies (the letter and the answer sealed under the incident's key) (migration 0011, ADR 0018). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';

export class AppealRepository {
  constructor(private readonly db: Kysely<Database>, private readonly keys: StoreKeys) {}
}
