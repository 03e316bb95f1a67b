/**
 * Transport runs, their legs, passengers and the marks of the day, in SQL (migration 0015, ADR
 * 0024). A leg's meeting point is sealed under 'run/<id>'.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer } from './sealed-fields.js';

export class TransportRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }
}
