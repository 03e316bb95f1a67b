/**
 * Drafts of incident forms, kept on the server while a person types (never in browser storage).
 * A draft holds everything typed so far, identifying values included, so its data is sealed as
 * one value under the draft's own data key; deleting the draft destroys that key.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';

export interface DraftRow { id: string; user_id: string; incident_id: string | null; data: string; updated_at: string }

export class DraftRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  private slot(id: string) {
    return { record: recordName('draft', id), table: 'drafts', row: id, column: 'data' };
  }

  async put(id: string, userId: string, incidentId: string | null, data: string, at: string): Promise<void> {
    const dk = await this.sealer.dataKey(recordName('draft', id), true);
    const sealed = this.sealer.seal(dk, this.slot(id), data)!;
    const exists = await this.db.selectFrom('drafts').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    if (exists) await this.db.updateTable('drafts').set({ data: sealed, updated_at: at, incident_id: incidentId }).where('id', '=', id).execute();
    else await this.db.insertInto('drafts').values({ id, user_id: userId, incident_id: incidentId, data: sealed, updated_at: at }).execute();
  }

  private async opened<T extends { id: string; data: string }>(rows: T[]): Promise<T[]> {
    const keys = await this.sealer.dataKeys(rows.map((r) => recordName('draft', r.id)));
    return rows.map((r) => ({ ...r, data: this.sealer.open(keys.get(recordName('draft', r.id)), this.slot(r.id), r.data)! }));
  }

  async get(id: string, userId: string): Promise<DraftRow | undefined> {
    const row = await this.db.selectFrom('drafts').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    return row ? (await this.opened([row]))[0] : undefined;
  }

  async listForUser(userId: string): Promise<Omit<DraftRow, 'user_id'>[]> {
    const rows = await this.db.selectFrom('drafts').select(['id', 'incident_id', 'updated_at', 'data']).where('user_id', '=', userId).orderBy('updated_at', 'desc').execute();
    return this.opened(rows);
  }

  async delete(id: string, userId: string): Promise<void> {
    const r = await this.db.deleteFrom('drafts').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    if (Number(r.numDeletedRows) > 0) await this.sealer.shred(recordName('draft', id));
  }

  async idOwnedByOther(id: string, userId: string): Promise<boolean> {
    return !!(await this.db.selectFrom('drafts').select('id').where('id', '=', id).where('user_id', '!=', userId).executeTakeFirst());
  }
}
