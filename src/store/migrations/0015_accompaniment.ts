/**
 * 0015: accompaniment — getting people to their court hearings (issue 9, ADR 0024).
 *
 * - `accompanied_families` / `accompanied_people`: the people an organisation accompanies, under a
 *   pseudonym shown everywhere. Their identity (names, case and registration numbers, date of
 *   birth, phones and messaging, documents) is one sealed JSON value, and the note on their needs a
 *   sealed text, both under the person's own data key ('accompanied/<id>'). Nationality, languages,
 *   age group, needs (codes), family link and where they stay (a shelter: an organisation actor,
 *   shown at its public precision) stay plain: the day and week views count them.
 * - `hearings` / `hearing_people`: a hearing (court, instant and zone, kind, where and when to
 *   present oneself, outcome, the next hearing) and who is summoned to it, with their attendance.
 *   The representative and the notes are sealed under the hearing's key ('hearing/<id>').
 *   Instants are UTC ISO strings; the zone (IANA) says how they are shown.
 * - `transport_runs` / `transport_legs` / `transport_passengers` / `leg_marks`: a run to a hearing
 *   day (with the place, instant and margin it was planned back from), its legs (places and zones, departure and arrival instants, seats, the driver or escort,
 *   the partner organisation that takes over; whether its departure was fixed), who rides (with the hearing they go to) and, per leg
 *   and passenger, the mark of the day (pending, picked up, arrived, presented, returned, missed).
 *   A leg's meeting point is sealed under the run's key ('run/<id>').
 * - `hearing_reminders`: each reminder sent or printed (channel, language, when, by whom).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accompanied_families')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accompanied_families_org').on('accompanied_families').column('org_id').execute();

  await db.schema
    .createTable('accompanied_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('family_id', 'text', (c) => c.references('accompanied_families.id').onDelete('set null'))
    .addColumn('family_role', 'text')
    .addColumn('nationality', 'text')
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('age_group', 'text', (c) => c.notNull().check(sql`age_group IN ('child', 'adult', 'unknown')`))
    .addColumn('needs', 'text', (c) => c.notNull())
    .addColumn('needs_note', 'text')
    .addColumn('staying_at', 'text', (c) => c.references('actors.id').onDelete('set null'))
    .addColumn('reminder_lang', 'text', (c) => c.notNull())
    .addColumn('identity', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('active', 'closed')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accompanied_people_org').on('accompanied_people').columns(['org_id', 'status']).execute();
  await db.schema.createIndex('accompanied_people_family').on('accompanied_people').column('family_id').execute();

  await db.schema
    .createTable('hearings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('court', 'text', (c) => c.notNull())
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('present_place', 'text')
    .addColumn('present_zone', 'text')
    .addColumn('present_at', 'text')
    .addColumn('representative', 'text')
    .addColumn('documents', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('scheduled', 'held', 'cancelled')`))
    .addColumn('outcome', 'text')
    .addColumn('outcome_at', 'text')
    .addColumn('next_hearing_id', 'text', (c) => c.references('hearings.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hearings_org_start').on('hearings').columns(['org_id', 'starts_at']).execute();

  await db.schema
    .createTable('hearing_people')
    .addColumn('hearing_id', 'text', (c) => c.notNull().references('hearings.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('accompanied_people.id').onDelete('cascade'))
    .addColumn('attendance', 'text', (c) => c.notNull().check(sql`attendance IN ('expected', 'presented', 'missed', 'excused')`))
    .addPrimaryKeyConstraint('hearing_people_pk', ['hearing_id', 'person_id'])
    .execute();
  await db.schema.createIndex('hearing_people_person').on('hearing_people').column('person_id').execute();

  await db.schema
    .createTable('transport_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('coordinator_id', 'text', (c) => c.notNull().references('users.id'))
    // the place and instant to arrive by (the presentation), and the margin kept before it: what the plan was made from
    .addColumn('arrive_place', 'text', (c) => c.notNull())
    .addColumn('arrive_zone', 'text', (c) => c.notNull())
    .addColumn('arrive_at', 'text', (c) => c.notNull())
    .addColumn('margin_minutes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('planned', 'underway', 'ended', 'cancelled')`))
    .addColumn('ended_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('transport_runs_org_day').on('transport_runs').columns(['org_id', 'day']).execute();
  await db.schema.createIndex('transport_runs_status').on('transport_runs').column('status').execute();

  await db.schema
    .createTable('transport_legs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('transport_runs.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('from_place', 'text', (c) => c.notNull())
    .addColumn('from_zone', 'text', (c) => c.notNull())
    .addColumn('to_place', 'text', (c) => c.notNull())
    .addColumn('to_zone', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('depart_at', 'text', (c) => c.notNull())
    // 1 when the departure was fixed (a timetable) rather than planned backwards
    .addColumn('fixed_depart', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('arrive_at', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer')
    .addColumn('escort_id', 'text', (c) => c.references('users.id'))
    .addColumn('handoff_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('mark_by', 'text', (c) => c.notNull())
    .addColumn('meeting_point', 'text')
    .addUniqueConstraint('transport_legs_run_ordinal', ['run_id', 'ordinal'])
    .execute();
  await db.schema.createIndex('transport_legs_mark_by').on('transport_legs').column('mark_by').execute();
  await db.schema.createIndex('transport_legs_escort').on('transport_legs').column('escort_id').execute();
  await db.schema.createIndex('transport_legs_handoff').on('transport_legs').column('handoff_org_id').execute();

  await db.schema
    .createTable('transport_passengers')
    .addColumn('run_id', 'text', (c) => c.notNull().references('transport_runs.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('accompanied_people.id').onDelete('cascade'))
    .addColumn('hearing_id', 'text', (c) => c.references('hearings.id').onDelete('set null'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('transport_passengers_pk', ['run_id', 'person_id'])
    .execute();
  await db.schema.createIndex('transport_passengers_person').on('transport_passengers').column('person_id').execute();

  await db.schema
    .createTable('leg_marks')
    .addColumn('leg_id', 'text', (c) => c.notNull().references('transport_legs.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('accompanied_people.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('pending', 'picked_up', 'arrived', 'presented', 'returned', 'missed')`))
    .addColumn('at', 'text')
    .addColumn('by_user', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('leg_marks_pk', ['leg_id', 'person_id'])
    .execute();
  await db.schema.createIndex('leg_marks_person').on('leg_marks').column('person_id').execute();

  await db.schema
    .createTable('hearing_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hearing_id', 'text', (c) => c.notNull().references('hearings.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('accompanied_people.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel IN ('webhook', 'print')`))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('queued', 'sent', 'failed', 'printed')`))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hearing_reminders_hearing').on('hearing_reminders').columns(['hearing_id', 'person_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['hearing_reminders', 'leg_marks', 'transport_passengers', 'transport_legs', 'transport_runs', 'hearing_people', 'hearings', 'accompanied_people', 'accompanied_families']) {
    await db.schema.dropTable(t).execute();
  }
}
