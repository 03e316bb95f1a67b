/**
 * 0006: need-to-know (design.md §4). Groups of users, and the shares of each incident: with a
 * user or a group, optionally granting its identifying values to people whose role alone would
 * see them redacted. A restricted incident is visible only through its shares — admins included.
 */
import { sql, type Kysely } from 'kysely';

const principalCheck = sql`principal_type IN ('user', 'group')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('user_groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_user').on('group_members').column('user_id').execute();
  await db.schema
    .createTable('incident_shares')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('principal_type', 'text', (c) => c.notNull().check(principalCheck))
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('identifying', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_shares_pk', ['incident_id', 'principal_type', 'principal_id'])
    .execute();
  await db.schema.createIndex('incident_shares_principal').on('incident_shares').columns(['principal_type', 'principal_id']).execute();
}
