/**
 * Accompanied people and families, hearings and who is summoned, reminders, in SQL (migration 0015,
 * ADR 0024). A person's identity (one JSON value) and needs note are sealed under
 * 'accompanied/<id>' (slots: table 'accompanied_people', row the person's id, columns 'identity'
 * and 'needs_note'); a hearing's representative and notes under 'hearing/<id>' (table 'hearings',
 * columns 'representative' and 'notes'). Everything carries its organisation; the services compare
 * it with the caller's. Changes are conditional on the version read, so a stale edit changes nothing.
 * The organisations' reminder webhooks live in the workspace settings ('accompanimentReminders'),
 * their secrets sealed under 'settings/accompaniment'.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AccompaniedPersonTable, Database, HearingTable } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import type { FieldSlot } from '../../crypto/envelope.js';
import type { Identity } from '../../domain/accompaniment/person.js';

export type Attendance = 'expected' | 'presented' | 'missed' | 'excused';

export interface FamilyRecord { id: string; orgId: string; ref: string; label: string }

export interface PersonRecord {
  id: string; orgId: string; ref: string; pseudonym: string; familyId: string | null; familyRole: string | null; nationality: string | null;
  languages: string[]; ageGroup: 'child' | 'adult' | 'unknown'; needs: string[]; stayingAt: string | null; reminderLang: string;
  status: 'active' | 'closed'; hasIdentity: boolean; hasNeedsNote: boolean; createdAt: string; updatedAt: string; version: number;
}

export interface PersonWrite {
  id: string; orgId: string; ref: string; pseudonym: string; familyId: string | null; familyRole: string | null; nationality: string | null;
  languages: string[]; ageGroup: 'child' | 'adult' | 'unknown'; needs: string[]; stayingAt: string | null; reminderLang: string; status: 'active' | 'closed';
  /** undefined: keep what is stored; null: remove it */
  identity: Identity | null | undefined;
  /** undefined: keep what is stored; null: remove it */
  needsNote: string | null | undefined;
  at: string; by: string;
}

export interface HearingRecord {
  id: string; orgId: string; ref: string; court: string; zone: string; startsAt: string; kind: string;
  presentPlace: string | null; presentZone: string | null; presentAt: string | null; documents: string[];
  status: 'scheduled' | 'held' | 'cancelled'; outcome: string | null; outcomeAt: string | null; nextHearingId: string | null;
  hasRepresentative: boolean; hasNotes: boolean; createdAt: string; updatedAt: string; version: number;
}

export interface HearingWrite {
  id: string; orgId: string; ref: string; court: string; zone: string; startsAt: string; kind: string;
  presentPlace: string | null; presentZone: string | null; presentAt: string | null; documents: string[];
  /** undefined: keep what is stored; null: remove it */
  representative: string | null | undefined;
  notes: string | null | undefined;
  at: string; by: string;
}

export interface StayingPlace { id: string; kind: string; pseudonym: string; state: string | null; locality: string | null; country: string | null }

export interface ReminderLeg { runId: string; hearingId: string; personId: string; fromPlace: string; fromZone: string; departAt: string }
export interface ReminderRecord { at: string; channel: 'webhook' | 'print'; status: 'queued' | 'sent' | 'failed' | 'printed' }
export interface StoredReminderWebhook { url: string; enabled: boolean; secretSealed: string }

const personSlot = (id: string, column: 'identity' | 'needs_note'): FieldSlot => ({ record: recordName('accompanied', id), table: 'accompanied_people', row: id, column });
const hearingSlot = (id: string, column: 'representative' | 'notes'): FieldSlot => ({ record: recordName('hearing', id), table: 'hearings', row: id, column });
const SETTINGS_RECORD = recordName('settings', 'accompaniment');
const SETTINGS_KEY = 'accompanimentReminders';
const webhookSlot = (orgId: string): FieldSlot => ({ record: SETTINGS_RECORD, table: 'workspace', row: 'accompaniment', column: `reminderWebhook.${orgId}.secret` });

function codes(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function personOf(r: Selectable<AccompaniedPersonTable>): PersonRecord {
  return {
    id: r.id, orgId: r.org_id, ref: r.ref, pseudonym: r.pseudonym, familyId: r.family_id, familyRole: r.family_role, nationality: r.nationality,
    languages: codes(r.languages), ageGroup: r.age_group, needs: codes(r.needs), stayingAt: r.staying_at, reminderLang: r.reminder_lang,
    status: r.status, hasIdentity: r.identity !== null, hasNeedsNote: r.needs_note !== null, createdAt: r.created_at, updatedAt: r.updated_at, version: Number(r.version),
  };
}

function hearingOf(r: Selectable<HearingTable>): HearingRecord {
  return {
    id: r.id, orgId: r.org_id, ref: r.ref, court: r.court, zone: r.zone, startsAt: r.starts_at, kind: r.kind, presentPlace: r.present_place,
    presentZone: r.present_zone, presentAt: r.present_at, documents: codes(r.documents), status: r.status, outcome: r.outcome, outcomeAt: r.outcome_at,
    nextHearingId: r.next_hearing_id, hasRepresentative: r.representative !== null, hasNotes: r.notes !== null,
    createdAt: r.created_at, updatedAt: r.updated_at, version: Number(r.version),
  };
}

const SEQ_TABLE = { people: 'accompanied_people', families: 'accompanied_families', hearings: 'hearings' } as const;

export class AccompanimentRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  /** The number the next reference of that kind takes (one more than the highest so far, all organisations). */
  async nextSequence(kind: keyof typeof SEQ_TABLE): Promise<number> {
    const r = await sql<{ n: number | string | null }>`SELECT max(CAST(substr(ref, 5) AS INTEGER)) AS n FROM ${sql.table(SEQ_TABLE[kind])}`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0) + 1;
  }

  // ---- families

  async insertFamily(f: FamilyRecord & { at: string; by: string }): Promise<void> {
    await this.db.insertInto('accompanied_families').values({ id: f.id, org_id: f.orgId, ref: f.ref, label: f.label, created_at: f.at, created_by: f.by, updated_at: f.at, version: 1 }).execute();
  }

  async family(id: string): Promise<FamilyRecord | undefined> {
    const r = await this.db.selectFrom('accompanied_families').select(['id', 'org_id', 'ref', 'label']).where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, orgId: r.org_id, ref: r.ref, label: r.label } : undefined;
  }

  async familiesByIds(ids: string[]): Promise<Map<string, FamilyRecord>> {
    const out = new Map<string, FamilyRecord>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db.selectFrom('accompanied_families').select(['id', 'org_id', 'ref', 'label']).where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.id, { id: r.id, orgId: r.org_id, ref: r.ref, label: r.label });
    }
    return out;
  }

  async familiesOf(orgId: string): Promise<FamilyRecord[]> {
    const rows = await this.db.selectFrom('accompanied_families').select(['id', 'org_id', 'ref', 'label']).where('org_id', '=', orgId).execute();
    return rows.map((r) => ({ id: r.id, orgId: r.org_id, ref: r.ref, label: r.label }));
  }

  // ---- people

  /**
   * Writes a person: a new row (`expectVersion` undefined), or a change of the row still at
   * `expectVersion` (false when someone changed it since). The identity and needs note are sealed.
   */
  async writePerson(p: PersonWrite, expectVersion?: number): Promise<boolean> {
    const needKey = (p.identity !== undefined && p.identity !== null) || (p.needsNote !== undefined && p.needsNote !== null);
    const dk = needKey ? await this.sealer.dataKey(recordName('accompanied', p.id), true) : undefined;
    const sealed: Partial<Pick<Selectable<AccompaniedPersonTable>, 'identity' | 'needs_note'>> = {};
    if (p.identity !== undefined) sealed.identity = p.identity === null ? null : this.sealer.seal(dk!, personSlot(p.id, 'identity'), JSON.stringify(p.identity));
    if (p.needsNote !== undefined) sealed.needs_note = p.needsNote === null ? null : this.sealer.seal(dk!, personSlot(p.id, 'needs_note'), p.needsNote);
    const plain = {
      pseudonym: p.pseudonym, family_id: p.familyId, family_role: p.familyRole, nationality: p.nationality, languages: JSON.stringify(p.languages),
      age_group: p.ageGroup, needs: JSON.stringify(p.needs), staying_at: p.stayingAt, reminder_lang: p.reminderLang, status: p.status,
      updated_at: p.at, updated_by: p.by,
    };
    if (expectVersion === undefined) {
      await this.db.insertInto('accompanied_people').values({
        id: p.id, org_id: p.orgId, ref: p.ref, ...plain, identity: sealed.identity ?? null, needs_note: sealed.needs_note ?? null,
        created_at: p.at, created_by: p.by, version: 1,
      }).execute();
      return true;
    }
    const r = await this.db.updateTable('accompanied_people').set({ ...plain, ...sealed, version: expectVersion + 1 })
      .where('id', '=', p.id).where('org_id', '=', p.orgId).where('version', '=', expectVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async person(id: string): Promise<PersonRecord | undefined> {
    const r = await this.db.selectFrom('accompanied_people').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? personOf(r) : undefined;
  }

  async peopleByIds(ids: string[]): Promise<Map<string, PersonRecord>> {
    const out = new Map<string, PersonRecord>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db.selectFrom('accompanied_people').selectAll().where('id', 'in', unique.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.id, personOf(r));
    }
    return out;
  }

  /** An organisation's people (plain fields only), optionally of one status or family; the caller filters by text. */
  async peopleOf(orgId: string, opts: { status?: 'active' | 'closed' | undefined; familyId?: string | undefined } = {}): Promise<PersonRecord[]> {
    let q = this.db.selectFrom('accompanied_people').selectAll().where('org_id', '=', orgId);
    if (opts.status) q = q.where('status', '=', opts.status);
    if (opts.familyId) q = q.where('family_id', '=', opts.familyId);
    return (await q.execute()).map(personOf);
  }

  /** The person's identity and needs note opened (for the audited look, and server-side checks). */
  async openPerson(id: string): Promise<{ identity: Identity | null; needsNote: string | null } | undefined> {
    const r = await this.db.selectFrom('accompanied_people').select(['id', 'identity', 'needs_note']).where('id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    const dk = r.identity === null && r.needs_note === null ? undefined : await this.sealer.dataKey(recordName('accompanied', id), false);
    const identity = this.sealer.open(dk, personSlot(id, 'identity'), r.identity);
    return { identity: identity === undefined ? null : (JSON.parse(identity) as Identity), needsNote: this.sealer.open(dk, personSlot(id, 'needs_note'), r.needs_note) ?? null };
  }

  /** Identities of many people opened at once (server-side only: whether they have a phone). */
  async identities(ids: string[]): Promise<Map<string, Identity>> {
    const out = new Map<string, Identity>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db.selectFrom('accompanied_people').select(['id', 'identity']).where('id', 'in', unique.slice(i, i + 500)).where('identity', 'is not', null).execute();
      const keys = await this.sealer.dataKeys(rows.map((r) => recordName('accompanied', r.id)));
      for (const r of rows) out.set(r.id, JSON.parse(this.sealer.open(keys.get(recordName('accompanied', r.id)), personSlot(r.id, 'identity'), r.identity)!) as Identity);
    }
    return out;
  }

  /** Actors as places to stay: kind and public place only (never a name, contact or address). */
  async stayingPlaces(ids: string[]): Promise<Map<string, StayingPlace>> {
    const out = new Map<string, StayingPlace>();
    const unique = [...new Set(ids)];
    if (!unique.length) return out;
    const rows = await this.db.selectFrom('actors').select(['id', 'kind', 'pseudonym', 'state', 'locality', 'country']).where('id', 'in', unique).execute();
    for (const r of rows) out.set(r.id, { id: r.id, kind: r.kind, pseudonym: r.pseudonym, state: r.state, locality: r.locality, country: r.country });
    return out;
  }

  // ---- hearings

  async writeHearing(h: HearingWrite, expectVersion?: number): Promise<boolean> {
    const needKey = (h.representative !== undefined && h.representative !== null) || (h.notes !== undefined && h.notes !== null);
    const dk = needKey ? await this.sealer.dataKey(recordName('hearing', h.id), true) : undefined;
    const sealed: Partial<Pick<Selectable<HearingTable>, 'representative' | 'notes'>> = {};
    if (h.representative !== undefined) sealed.representative = h.representative === null ? null : this.sealer.seal(dk!, hearingSlot(h.id, 'representative'), h.representative);
    if (h.notes !== undefined) sealed.notes = h.notes === null ? null : this.sealer.seal(dk!, hearingSlot(h.id, 'notes'), h.notes);
    const plain = {
      court: h.court, zone: h.zone, starts_at: h.startsAt, kind: h.kind, present_place: h.presentPlace, present_zone: h.presentZone, present_at: h.presentAt,
      documents: JSON.stringify(h.documents), updated_at: h.at, updated_by: h.by,
    };
    if (expectVersion === undefined) {
      await this.db.insertInto('hearings').values({
        id: h.id, org_id: h.orgId, ref: h.ref, ...plain, representative: sealed.representative ?? null, notes: sealed.notes ?? null,
        status: 'scheduled', outcome: null, outcome_at: null, next_hearing_id: null, created_at: h.at, created_by: h.by, version: 1,
      }).execute();
      return true;
    }
    const r = await this.db.updateTable('hearings').set({ ...plain, ...sealed, version: expectVersion + 1 })
      .where('id', '=', h.id).where('org_id', '=', h.orgId).where('version', '=', expectVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Records a hearing's outcome on the row still at `expectVersion`; false when someone changed it since. */
  async setOutcome(id: string, orgId: string, expectVersion: number, o: { status: 'held' | 'cancelled'; outcome: string | null; nextHearingId: string | null | undefined; at: string; by: string }): Promise<boolean> {
    const r = await this.db.updateTable('hearings').set({
      status: o.status, outcome: o.outcome, outcome_at: o.at, ...(o.nextHearingId !== undefined ? { next_hearing_id: o.nextHearingId } : {}),
      updated_at: o.at, updated_by: o.by, version: expectVersion + 1,
    }).where('id', '=', id).where('org_id', '=', orgId).where('version', '=', expectVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Who is summoned: these people, keeping the attendance of those already summoned, new ones expected. */
  async setSummoned(hearingId: string, personIds: string[]): Promise<void> {
    const keep = [...new Set(personIds)];
    let del = this.db.deleteFrom('hearing_people').where('hearing_id', '=', hearingId);
    if (keep.length) del = del.where('person_id', 'not in', keep);
    await del.execute();
    const have = new Set((await this.db.selectFrom('hearing_people').select('person_id').where('hearing_id', '=', hearingId).execute()).map((r) => r.person_id));
    const add = keep.filter((p) => !have.has(p));
    if (add.length) await this.db.insertInto('hearing_people').values(add.map((p) => ({ hearing_id: hearingId, person_id: p, attendance: 'expected' as const }))).execute();
  }

  async setAttendance(hearingId: string, personId: string, attendance: Attendance): Promise<void> {
    await this.db.updateTable('hearing_people').set({ attendance }).where('hearing_id', '=', hearingId).where('person_id', '=', personId).execute();
  }

  async hearing(id: string): Promise<HearingRecord | undefined> {
    const r = await this.db.selectFrom('hearings').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? hearingOf(r) : undefined;
  }

  async hearingsByIds(ids: string[]): Promise<Map<string, HearingRecord>> {
    const out = new Map<string, HearingRecord>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      for (const r of await this.db.selectFrom('hearings').selectAll().where('id', 'in', unique.slice(i, i + 500)).execute()) out.set(r.id, hearingOf(r));
    }
    return out;
  }

  /** The people summoned to each hearing, with their attendance. */
  async summoned(hearingIds: string[]): Promise<Map<string, { personId: string; attendance: Attendance }[]>> {
    const out = new Map<string, { personId: string; attendance: Attendance }[]>();
    const unique = [...new Set(hearingIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db.selectFrom('hearing_people').selectAll().where('hearing_id', 'in', unique.slice(i, i + 500)).execute();
      for (const r of rows) {
        const list = out.get(r.hearing_id) ?? [];
        list.push({ personId: r.person_id, attendance: r.attendance });
        out.set(r.hearing_id, list);
      }
    }
    return out;
  }

  /** The hearings these people are summoned to (any status), earliest first. */
  async hearingsOfPeople(personIds: string[]): Promise<HearingRecord[]> {
    if (!personIds.length) return [];
    const rows = await this.db.selectFrom('hearings as h').innerJoin('hearing_people as hp', 'hp.hearing_id', 'h.id')
      .selectAll('h').where('hp.person_id', 'in', [...new Set(personIds)]).distinct().execute();
    return rows.map(hearingOf).sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.ref < b.ref ? -1 : 1));
  }

  /** Each person's next scheduled hearing starting at or after `now`. */
  async nextHearings(personIds: string[], now: string): Promise<Map<string, HearingRecord>> {
    const out = new Map<string, HearingRecord>();
    const unique = [...new Set(personIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db.selectFrom('hearings as h').innerJoin('hearing_people as hp', 'hp.hearing_id', 'h.id')
        .selectAll('h').select('hp.person_id').where('hp.person_id', 'in', unique.slice(i, i + 500))
        .where('h.status', '=', 'scheduled').where('h.starts_at', '>=', now).execute();
      for (const r of rows) {
        const cur = out.get(r.person_id);
        if (!cur || r.starts_at < cur.startsAt) out.set(r.person_id, hearingOf(r));
      }
    }
    return out;
  }

  /** The hearing whose next hearing this one is. */
  async previousOf(id: string): Promise<{ id: string; ref: string } | undefined> {
    return this.db.selectFrom('hearings').select(['id', 'ref']).where('next_hearing_id', '=', id).orderBy('starts_at').executeTakeFirst();
  }

  /** An organisation's hearings starting in [from, to) (instants), optionally of a status or a person. */
  async hearingsBetween(orgId: string, from: string, to: string, opts: { status?: string | undefined; personId?: string | undefined } = {}): Promise<HearingRecord[]> {
    let q = this.db.selectFrom('hearings as h').selectAll('h').where('h.org_id', '=', orgId).where('h.starts_at', '>=', from).where('h.starts_at', '<', to);
    if (opts.status) q = q.where('h.status', '=', opts.status as HearingRecord['status']);
    if (opts.personId) {
      const pid = opts.personId;
      q = q.where((eb) => eb.exists(eb.selectFrom('hearing_people as hp').select('hp.hearing_id').whereRef('hp.hearing_id', '=', 'h.id').where('hp.person_id', '=', pid)));
    }
    return (await q.execute()).map(hearingOf);
  }

  /** A hearing's representative and notes opened (for the audited look). */
  async openHearing(id: string): Promise<{ representative: string | null; notes: string | null } | undefined> {
    const r = await this.db.selectFrom('hearings').select(['representative', 'notes']).where('id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    const dk = r.representative === null && r.notes === null ? undefined : await this.sealer.dataKey(recordName('hearing', id), false);
    return { representative: this.sealer.open(dk, hearingSlot(id, 'representative'), r.representative) ?? null, notes: this.sealer.open(dk, hearingSlot(id, 'notes'), r.notes) ?? null };
  }

  // ---- reminders

  /**
   * For each (hearing, person), the first leg they ride on a run to that hearing that is planned
   * or underway: the first leg with a mark of theirs, or else the run's first leg.
   */
  async firstLegs(hearingIds: string[]): Promise<ReminderLeg[]> {
    if (!hearingIds.length) return [];
    const passengers = await this.db.selectFrom('transport_passengers as p').innerJoin('transport_runs as r', 'r.id', 'p.run_id')
      .select(['p.run_id', 'p.person_id', 'p.hearing_id']).where('p.hearing_id', 'in', [...new Set(hearingIds)]).where('r.status', 'in', ['planned', 'underway']).execute();
    if (!passengers.length) return [];
    const runIds = [...new Set(passengers.map((p) => p.run_id))];
    const legs = await this.db.selectFrom('transport_legs').select(['id', 'run_id', 'ordinal', 'from_place', 'from_zone', 'depart_at']).where('run_id', 'in', runIds).orderBy('ordinal').execute();
    const legIds = legs.map((l) => l.id);
    const marks = legIds.length ? await this.db.selectFrom('leg_marks').select(['leg_id', 'person_id']).where('leg_id', 'in', legIds).execute() : [];
    const marked = new Set(marks.map((m) => `${m.leg_id}/${m.person_id}`));
    const out: ReminderLeg[] = [];
    for (const p of passengers) {
      const ofRun = legs.filter((l) => l.run_id === p.run_id);
      const leg = ofRun.find((l) => marked.has(`${l.id}/${p.person_id}`)) ?? ofRun[0];
      if (leg && p.hearing_id) out.push({ runId: p.run_id, hearingId: p.hearing_id, personId: p.person_id, fromPlace: leg.from_place, fromZone: leg.from_zone, departAt: leg.depart_at });
    }
    return out;
  }

  /** The latest reminder of each (hearing, person), keyed 'hearingId/personId'. */
  async lastReminders(hearingIds: string[]): Promise<Map<string, ReminderRecord>> {
    const out = new Map<string, ReminderRecord>();
    if (!hearingIds.length) return out;
    const rows = await this.db.selectFrom('hearing_reminders').select(['hearing_id', 'person_id', 'at', 'channel', 'status', 'id'])
      .where('hearing_id', 'in', [...new Set(hearingIds)]).orderBy('at').orderBy('id').execute();
    for (const r of rows) out.set(`${r.hearing_id}/${r.person_id}`, { at: r.at, channel: r.channel, status: r.status });
    return out;
  }

  async addReminder(r: { id: string; hearingId: string; personId: string; channel: 'webhook' | 'print'; lang: string; status: 'sent' | 'failed' | 'printed'; at: string; by: string }): Promise<void> {
    await this.db.insertInto('hearing_reminders').values({ id: r.id, hearing_id: r.hearingId, person_id: r.personId, channel: r.channel, lang: r.lang, status: r.status, at: r.at, by_user: r.by }).execute();
  }

  // ---- the organisations' reminder webhooks (workspace settings)

  private async settingsRow(): Promise<{ id: string; settings: Record<string, unknown> } | undefined> {
    const row = await this.db.selectFrom('workspace').select(['id', 'settings']).executeTakeFirst();
    if (!row) return undefined;
    try {
      const v = JSON.parse(row.settings) as unknown;
      return { id: row.id, settings: v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {} };
    } catch {
      return { id: row.id, settings: {} };
    }
  }

  async reminderWebhook(orgId: string): Promise<StoredReminderWebhook | undefined> {
    const all = (await this.settingsRow())?.settings[SETTINGS_KEY];
    const v = all && typeof all === 'object' ? (all as Record<string, unknown>)[orgId] : undefined;
    if (!v || typeof v !== 'object') return undefined;
    const w = v as Record<string, unknown>;
    return typeof w['url'] === 'string' && typeof w['enabled'] === 'boolean' && typeof w['secretSealed'] === 'string'
      ? { url: w['url'], enabled: w['enabled'], secretSealed: w['secretSealed'] } : undefined;
  }

  async setReminderWebhook(orgId: string, w: StoredReminderWebhook): Promise<void> {
    const row = await this.settingsRow();
    if (!row) throw new Error('no workspace row');
    const all = row.settings[SETTINGS_KEY];
    const next = { ...(all && typeof all === 'object' && !Array.isArray(all) ? (all as Record<string, unknown>) : {}), [orgId]: w };
    await this.db.updateTable('workspace').set({ settings: JSON.stringify({ ...row.settings, [SETTINGS_KEY]: next }) }).where('id', '=', row.id).execute();
  }

  async sealWebhookSecret(orgId: string, secret: string): Promise<string> {
    return this.sealer.seal(await this.sealer.dataKey(SETTINGS_RECORD, true), webhookSlot(orgId), secret)!;
  }

  async openWebhookSecret(orgId: string, sealed: string): Promise<string> {
    return this.sealer.open(await this.sealer.dataKey(SETTINGS_RECORD, false), webhookSlot(orgId), sealed)!;
  }
}
