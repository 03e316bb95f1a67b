/**
 * 0011: responding when someone is in danger (issue 6, ADR 0018).
 *
 * - `urgent_cases`: a recorded incident turned into a tracked response (owner, kind, status, the
 *   outcome when closed), with its checklist (`urgent_steps`), running notes (`urgent_notes`),
 *   urgent appeals to protection bodies (`appeals`) and campaigns (`campaigns`, `campaign_actions`).
 *   Every free text — a step's own label or note, a note, an appeal's letter and the answer, a
 *   campaign's title and actions, the closing note — is sealed under the incident's data key.
 * - `checkin_plans` / `checkin_events` / `checkin_codes`: a defender's check-in schedule, each
 *   check-in, and the keyed digest of their duress code. The purpose of a trip is sealed under the
 *   plan's own data key.
 * - `alerts` / `alert_deliveries`: what the scheduler and the use cases raise, and each delivery
 *   (in the app, by e-mail, by webhook) with its attempts. `alerts.dedupe_key` is unique: the same
 *   escalation raised by two processes, or twice after a restart, is one row (ADR 0018).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('urgent_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('open', 'closed')`))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('closing_note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('urgent_cases_incident').on('urgent_cases').column('incident_id').execute();
  await db.schema.createIndex('urgent_cases_status').on('urgent_cases').column('status').execute();

  await db.schema
    .createTable('urgent_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('urgent_cases.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('due_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('urgent_steps_case').on('urgent_steps').column('case_id').execute();
  await db.schema.createIndex('urgent_steps_due').on('urgent_steps').columns(['done_at', 'due_at']).execute();

  await db.schema
    .createTable('urgent_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('urgent_cases.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('urgent_notes_case').on('urgent_notes').column('case_id').execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('urgent_cases.id').onDelete('cascade'))
    .addColumn('body_code', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('letter', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('sent_how', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answer_how', 'text')
    .addColumn('answer_note', 'text')
    .execute();
  await db.schema.createIndex('appeals_case').on('appeals').column('case_id').execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.references('urgent_cases.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('started', 'text')
    .addColumn('ended', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaigns_incident').on('campaigns').column('incident_id').execute();

  await db.schema
    .createTable('campaign_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('campaign_actions_campaign').on('campaign_actions').column('campaign_id').execute();

  await db.schema
    .createTable('checkin_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('purpose', 'text')
    .addColumn('first_due_at', 'text', (c) => c.notNull())
    .addColumn('every_minutes', 'integer')
    .addColumn('ends_at', 'text')
    .addColumn('grace_minutes', 'integer', (c) => c.notNull())
    .addColumn('next_due_at', 'text')
    .addColumn('escalated_due_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('active', 'ended')`))
    .addColumn('contacts', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkin_plans_user').on('checkin_plans').column('user_id').execute();
  await db.schema.createIndex('checkin_plans_due').on('checkin_plans').columns(['status', 'next_due_at']).execute();

  await db.schema
    .createTable('checkin_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('checkin_plans.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('duress', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkin_events_plan').on('checkin_events').column('plan_id').execute();

  await db.schema
    .createTable('checkin_codes')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('duress_digest', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_created').on('alerts').column('created_at').execute();

  await db.schema
    .createTable('alert_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel IN ('app', 'email', 'webhook')`))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('pending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('read_at', 'text')
    .addUniqueConstraint('alert_deliveries_once', ['alert_id', 'channel', 'target'])
    .execute();
  await db.schema.createIndex('alert_deliveries_pending').on('alert_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('alert_deliveries_target').on('alert_deliveries').columns(['channel', 'target']).execute();
}
