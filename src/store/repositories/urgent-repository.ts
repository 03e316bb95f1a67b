/** urgent cases, their checklists and notes (sealed free text under the incident's key) (migration 0011, ADR 0018). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';

export class UrgentRepository {
  constructor(private readonly db: Kysely<Database>, private readonly keys: StoreKeys) {}
}
