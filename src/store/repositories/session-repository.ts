/** Login sessions; the id stored is the SHA-256 of the cookie token, never the token. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, SessionTable } from '../schema-types.js';

export type SessionRow = Selectable<SessionTable>;

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}
  async insert(row: SessionRow): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }
  byId(id: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async touch(id: string, at: string, expiresAt: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at, expires_at: expiresAt }).where('id', '=', id).execute();
  }
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }
  async deleteForUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }
  async deleteAll(): Promise<void> {
    await this.db.deleteFrom('sessions').execute();
  }
  async deleteExpired(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }
}
