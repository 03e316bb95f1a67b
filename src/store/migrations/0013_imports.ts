/**
 * 0013: bringing data in (issue 8, ADR 0020).
 *
 * - `incidents.counts`: how many people an incident touched when they are not recorded one by one
 *   (the dead, the missing, the survivors, women, men, children of a shipwreck or a desert crossing;
 *   the IOM Missing Migrants Project's columns) — a JSON object of non-negative integers, or null.
 *   Counts are not identifying; they stay plain.
 * - `import_mappings`: saved column and value mappings, reusable for the next file of the same kind;
 *   per organisation, named, versioned. They hold column headers and category values, never rows.
 * - `import_runs`: one row per committed import: when, who, the file's format, how many rows and
 *   incidents, the mapping used. The incidents an import made carry its id (`incidents.import_run_id`),
 *   so they can be listed together afterwards.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('counts', 'text').execute();

  await db.schema
    .createTable('import_mappings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('import_mappings_org_name', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format IN ('csv', 'tsv', 'xlsx', 'json')`))
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('incidents', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'integer', (c) => c.notNull())
    .addColumn('mapping_id', 'text', (c) => c.references('import_mappings.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('import_runs_at').on('import_runs').columns(['org_id', 'at']).execute();

  await db.schema.alterTable('incidents').addColumn('import_run_id', 'text', (c) => c.references('import_runs.id')).execute();
  await db.schema.createIndex('incidents_import_run').on('incidents').column('import_run_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incidents_import_run').execute();
  await db.schema.alterTable('incidents').dropColumn('import_run_id').execute();
  await db.schema.dropTable('import_runs').execute();
  await db.schema.dropTable('import_mappings').execute();
  await db.schema.alterTable('incidents').dropColumn('counts').execute();
}
