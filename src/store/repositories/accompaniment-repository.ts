/**
 * Accompanied people and families, hearings and who is summoned, reminders, in SQL (migration 0015,
 * ADR 0024). A person's identity and needs note are sealed under 'accompanied/<id>'; a hearing's
 * representative and notes under 'hearing/<id>'.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer } from './sealed-fields.js';

export class AccompanimentRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }
}
