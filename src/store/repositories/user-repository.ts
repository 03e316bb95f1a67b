/** Accounts, organisations and the workspace row. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from '../schema-types.js';

export type UserRow = Selectable<UserTable>;
/** A new account: the second-factor columns start empty unless given. */
export type NewUserRow = Omit<UserRow, 'totp_secret' | 'totp_pending' | 'totp_enrolled_at' | 'totp_last_step'> & Partial<Pick<UserRow, 'totp_secret' | 'totp_pending' | 'totp_enrolled_at' | 'totp_last_step'>>;

export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  byEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  }
  byId(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }
  list(): Promise<UserRow[]> {
    return this.db.selectFrom('users').selectAll().orderBy('display_name').execute();
  }
  async insert(row: NewUserRow): Promise<void> {
    await this.db.insertInto('users').values({ totp_secret: null, totp_pending: null, totp_enrolled_at: null, totp_last_step: null, ...row }).execute();
  }
  async update(id: string, patch: Partial<UserRow>): Promise<void> {
    await this.db.updateTable('users').set(patch).where('id', '=', id).execute();
  }
  async countActiveAdmins(): Promise<number> {
    const r = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('disabled', '=', 0).executeTakeFirstOrThrow();
    return Number(r.n);
  }
  /** Of these accounts, the ones not disabled. */
  async activeIds(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.db.selectFrom('users').select('id').where('id', 'in', ids).where('disabled', '=', 0).execute();
    return rows.map((r) => r.id);
  }
  async insertOrganisation(id: string, name: string, at: string): Promise<void> {
    await this.db.insertInto('organisations').values({ id, name, created_at: at }).execute();
  }
  organisations(): Promise<{ id: string; name: string }[]> {
    return this.db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute();
  }
  async insertWorkspace(id: string, name: string, lang: string, at: string): Promise<void> {
    await this.db.insertInto('workspace').values({ id, name, default_lang: lang, created_at: at, settings: '{}' }).execute();
  }
  workspace(): Promise<{ id: string; name: string; default_lang: string } | undefined> {
    return this.db.selectFrom('workspace').select(['id', 'name', 'default_lang']).executeTakeFirst();
  }
}
