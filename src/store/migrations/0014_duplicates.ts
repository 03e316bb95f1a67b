/**
 * 0014: duplicates (issue 8, ADR 0023).
 *
 * - `incidents.merged_into`: the incident this one was merged into. A merged incident is also marked
 *   removed (`deleted_at`), so every list, count and search leaves it out as it leaves out a removed
 *   one; its row, history and shares stay, so its page can say where it went.
 * - `incidents_country_date` (country, date_from): the candidates for one incident's duplicates are
 *   the incidents of its country whose span starts in a window of days around its own — an equality
 *   and a range on one index, never a scan of the country (the (country, state) index alone would
 *   read every incident of a state, and the (date_from, seq) one every country's).
 * - `duplicate_dismissals`: pairs someone said are not the same event, so they are not suggested
 *   again; the two ids in code-unit order (incident_a < incident_b), with who and when.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('merged_into', 'text', (c) => c.references('incidents.id')).execute();
  await db.schema.createIndex('incidents_merged_into').on('incidents').column('merged_into').execute();
  await db.schema.createIndex('incidents_country_date').on('incidents').columns(['country', 'date_from']).execute();

  await db.schema
    .createTable('duplicate_dismissals')
    .addColumn('incident_a', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('incident_b', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('dismissed_at', 'text', (c) => c.notNull())
    .addColumn('dismissed_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('duplicate_dismissals_pk', ['incident_a', 'incident_b'])
    // byte order on both engines (PostgreSQL's default collation may order text otherwise)
    .addCheckConstraint('duplicate_dismissals_order', dialectOf(db) === 'postgres' ? sql`incident_a COLLATE "C" < incident_b COLLATE "C"` : sql`incident_a < incident_b`)
    .execute();
  await db.schema.createIndex('duplicate_dismissals_b').on('duplicate_dismissals').column('incident_b').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('duplicate_dismissals').execute();
  await db.schema.dropIndex('incidents_country_date').execute();
  await db.schema.dropIndex('incidents_merged_into').execute();
  await db.schema.alterTable('incidents').dropColumn('merged_into').execute();
}
