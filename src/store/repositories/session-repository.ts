/**
 * Login sessions. The id stored is the SHA-256 of the cookie token, never the token; lists show
 * a separate random `handle`, so neither the token nor its digest ever leaves the server.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, SessionTable } from '../schema-types.js';
import { randomToken } from '../../crypto/random.js';

export type SessionRow = Selectable<SessionTable>;
/** A new session: the handle is drawn here unless given; a session is complete unless said otherwise. */
export type NewSession = Omit<SessionRow, 'handle' | 'stage' | 'second_factor_at' | 'reauth_at'> & Partial<Pick<SessionRow, 'handle' | 'stage' | 'second_factor_at' | 'reauth_at'>>;

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}
  async insert(row: NewSession): Promise<SessionRow> {
    const full: SessionRow = { handle: randomToken(16), stage: 'complete', second_factor_at: null, reauth_at: null, ...row };
    await this.db.insertInto('sessions').values(full).execute();
    return full;
  }
  byId(id: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }
  byHandle(userId: string, handle: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).where('handle', '=', handle).executeTakeFirst();
  }
  /** A user's live sessions (complete ones; a sign-in waiting for its second factor is not yet a session), newest first. */
  listForUser(userId: string, now: string): Promise<SessionRow[]> {
    return this.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).where('stage', '=', 'complete').where('expires_at', '>', now).orderBy('last_seen_at', 'desc').orderBy('created_at', 'desc').execute();
  }
  async touch(id: string, at: string, expiresAt: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at, expires_at: expiresAt }).where('id', '=', id).execute();
  }
  async markReauthenticated(id: string, at: string): Promise<void> {
    await this.db.updateTable('sessions').set({ reauth_at: at }).where('id', '=', id).execute();
  }
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }
  /** Ends every session of a user; answers how many there were. */
  async deleteForUser(userId: string): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
  /** Ends every session of a user but one (the one making the request); answers how many ended. */
  async deleteForUserExcept(userId: string, keepId: string): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '<>', keepId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
  async deleteAll(): Promise<void> {
    await this.db.deleteFrom('sessions').execute();
  }
  async deleteExpired(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }
}
