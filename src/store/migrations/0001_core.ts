/** 0001: the documentation core — workspace, users and sessions, vocabularies, actors, incidents and their parts, history. */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema.createTable('meta').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
  await db.schema
    .createTable('workspace')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('default_lang', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lang', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('vocab_schemes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('label_es', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('desc_es', 'text')
    .addColumn('desc_en', 'text')
    .execute();
  await db.schema
    .createTable('vocab_terms')
    .addColumn('scheme', 'text', (c) => c.notNull().references('vocab_schemes.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('parent', 'text')
    .addColumn('label_es', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('mapping', 'text')
    .addColumn('retired_at', 'text')
    .addColumn('builtin', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('vocab_terms_pk', ['scheme', 'code'])
    .execute();

  await db.schema
    .createTable('actors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('real_name', 'text')
    .addColumn('contact', 'text')
    .addColumn('private_address', 'text')
    .addColumn('role', 'text')
    .addColumn('gender_identity', 'text')
    .addColumn('lgbti', 'text')
    .addColumn('migration_status', 'text')
    .addColumn('age_group', 'text')
    .addColumn('nationality', 'text')
    .addColumn('org_type', 'text')
    .addColumn('country', 'text')
    .addColumn('state', 'text')
    .addColumn('locality', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('actors_kind_pseudonym').on('actors').columns(['kind', 'pseudonym']).execute();
  await db.schema
    .createTable('protection_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('granted', 'text')
    .addColumn('expires', 'text')
    .addColumn('includes', 'text')
    .addColumn('notes', 'text')
    .execute();
  await db.schema.createIndex('protection_measures_actor').on('protection_measures').column('actor_id').execute();

  let incidents = db.schema.createTable('incidents');
  incidents = pg
    ? incidents.addColumn('seq', 'bigserial', (c) => c.primaryKey())
    : incidents.addColumn('seq', 'integer', (c) => c.primaryKey());
  await incidents
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('date_approx', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('date_from', 'text')
    .addColumn('date_to', 'text')
    .addColumn('place_precision', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('state', 'text')
    .addColumn('locality', 'text')
    .addColumn('route_segment', 'text')
    .addColumn('crossing', 'text')
    .addColumn('private_lat', 'real')
    .addColumn('private_lon', 'real')
    .addColumn('private_address', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text', (c) => c.notNull())
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('incidents_date').on('incidents').columns(['date_from', 'seq']).execute();
  await db.schema.createIndex('incidents_country_state').on('incidents').columns(['country', 'state']).execute();
  await db.schema.createIndex('incidents_status').on('incidents').column('status').execute();

  const child = (name: string) => db.schema.createTable(name).addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'));
  await child('incident_context').addColumn('code', 'text', (c) => c.notNull()).addPrimaryKeyConstraint('incident_context_pk', ['incident_id', 'code']).execute();
  await db.schema.createIndex('incident_context_code').on('incident_context').column('code').execute();
  await child('incident_victims')
    .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_victims_pk', ['incident_id', 'actor_id'])
    .execute();
  await db.schema.createIndex('incident_victims_actor').on('incident_victims').column('actor_id').execute();
  await child('acts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('kind_root', 'text', (c) => c.notNull())
    .addColumn('victim_actor_id', 'text', (c) => c.references('actors.id'))
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('date_approx', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('methods', 'text', (c) => c.notNull())
    .addColumn('consequences', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('acts_incident').on('acts').column('incident_id').execute();
  await db.schema.createIndex('acts_kind').on('acts').columns(['kind', 'incident_id']).execute();
  await db.schema.createIndex('acts_kind_root').on('acts').columns(['kind_root', 'incident_id']).execute();
  await child('involvements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('act_id', 'text', (c) => c.notNull().references('acts.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('perpetrator', 'text', (c) => c.notNull())
    .addColumn('perpetrator_group', 'text', (c) => c.notNull())
    .addColumn('degree', 'text')
    .addColumn('country', 'text')
    .addColumn('identified_individuals', 'text')
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('involvements_incident').on('involvements').column('incident_id').execute();
  await db.schema.createIndex('involvements_act').on('involvements').column('act_id').execute();
  await db.schema.createIndex('involvements_group').on('involvements').columns(['perpetrator_group', 'incident_id']).execute();
  await db.schema.createIndex('involvements_perpetrator').on('involvements').columns(['perpetrator', 'incident_id']).execute();
  await child('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('received_on', 'text')
    .addColumn('reliability', 'text')
    .addColumn('pseudonym', 'text')
    .addColumn('testimony', 'text')
    .addColumn('consent', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sources_incident').on('sources').column('incident_id').execute();
  await child('interventions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('actor', 'text')
    .addColumn('addressee', 'text')
    .addColumn('outcome', 'text')
    .addColumn('follow_up', 'text')
    .addColumn('notes', 'text')
    .execute();
  await db.schema.createIndex('interventions_incident').on('interventions').column('incident_id').execute();
  await child('incident_revisions')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_revisions_pk', ['incident_id', 'version'])
    .execute();

  let audit = db.schema.createTable('audit_events');
  audit = pg ? audit.addColumn('id', 'bigserial', (c) => c.primaryKey()) : audit.addColumn('id', 'integer', (c) => c.primaryKey());
  await audit
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_events_target').on('audit_events').columns(['target_type', 'target_id']).execute();

  await db.schema
    .createTable('drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('incident_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drafts_user').on('drafts').column('user_id').execute();
  void sql;
}
