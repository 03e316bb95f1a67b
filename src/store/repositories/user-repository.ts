/** Accounts, organisations and the workspace row. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from '../schema-types.js';

export type UserRow = Selectable<UserTable>;

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
  async insert(row: UserRow): Promise<void> {
    await this.db.insertInto('users').values(row).execute();
  }
  async update(id: string, patch: Partial<UserRow>): Promise<void> {
    await this.db.updateTable('users').set(patch).where('id', '=', id).execute();
  }
  async countActiveAdmins(): Promise<number> {
    const r = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('disabled', '=', 0).executeTakeFirstOrThrow();
    return Number(r.n);
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
