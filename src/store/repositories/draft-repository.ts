/** Drafts of incident forms, kept on the server while a person types (never in browser storage). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';

export class DraftRepository {
  constructor(private readonly db: Kysely<Database>) {}
  async put(id: string, userId: string, incidentId: string | null, data: string, at: string): Promise<void> {
    const exists = await this.db.selectFrom('drafts').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    if (exists) await this.db.updateTable('drafts').set({ data, updated_at: at, incident_id: incidentId }).where('id', '=', id).execute();
    else await this.db.insertInto('drafts').values({ id, user_id: userId, incident_id: incidentId, data, updated_at: at }).execute();
  }
  get(id: string, userId: string) {
    return this.db.selectFrom('drafts').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  }
  listForUser(userId: string) {
    return this.db.selectFrom('drafts').select(['id', 'incident_id', 'updated_at', 'data']).where('user_id', '=', userId).orderBy('updated_at', 'desc').execute();
  }
  async delete(id: string, userId: string): Promise<void> {
    await this.db.deleteFrom('drafts').where('id', '=', id).where('user_id', '=', userId).execute();
  }
  async idOwnedByOther(id: string, userId: string): Promise<boolean> {
    return !!(await this.db.selectFrom('drafts').select('id').where('id', '=', id).where('user_id', '!=', userId).executeTakeFirst());
  }
}
