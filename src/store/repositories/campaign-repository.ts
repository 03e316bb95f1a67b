/** campaigns for a detained or threatened defender and their actions (title and descriptions sealed) (migration 0011, ADR 0018). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';

export class CampaignRepository {
  constructor(private readonly db: Kysely<Database>, private readonly keys: StoreKeys) {}
}
