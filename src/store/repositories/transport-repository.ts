/**
 * Transport runs, their legs, passengers and the marks of the day, in SQL (migration 0015, ADR
 * 0024). A leg's meeting point is sealed under 'run/<id>', bound to (transport_legs, leg id,
 * meeting_point). The runs' views need the riders' plain facts (pseudonym, reference, age group,
 * needs, languages, family label) and the hearings' plain columns: they are read here directly,
 * never a sealed column of those tables.
 *
 * Writers serialise on the run row: every change first bumps its version with `touch` (only while
 * planned or underway, and only from the version the writer saw), so a change racing another or an
 * end either lands first or is refused.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, TransportLegTable, TransportRunTable } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import type { Mark } from '../../domain/accompaniment/marks.js';
import type { RunStatus } from '../../domain/accompaniment/run.js';

export interface RunRow {
  id: string;
  orgId: string;
  ref: string;
  day: string;
  label: string | null;
  coordinatorId: string;
  /** the place and instant the plan was made back from, and the margin kept before it */
  arrivePlace: string;
  arriveZone: string;
  arriveAt: string;
  marginMinutes: number;
  status: RunStatus;
  endedAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

export interface LegRow {
  id: string;
  runId: string;
  ordinal: number;
  from: string;
  fromZone: string;
  to: string;
  toZone: string;
  mode: string;
  departAt: string;
  /** the departure was fixed (a timetable), not planned backwards */
  fixedDepart: boolean;
  arriveAt: string;
  seats: number | null;
  escortId: string | null;
  handoffOrgId: string | null;
  markBy: string;
  hasMeetingPoint: boolean;
}

export interface PassengerRow { runId: string; personId: string; hearingId: string | null; ordinal: number }
export interface MarkRow { legId: string; personId: string; status: Mark; at: string | null; byUser: string | null; version: number }

/** A leg to write: its id (kept on a change for the same ordinal), and its meeting point (undefined: keep what is there). */
export interface LegWrite extends Omit<LegRow, 'runId' | 'hasMeetingPoint'> { meetingPoint: string | null | undefined }
export interface RunWrite { id: string; orgId: string; ref: string; day: string; label: string | null; coordinatorId: string; arrivePlace: string; arriveZone: string; arriveAt: string; marginMinutes: number; at: string; by: string }

/** What a run's views show of a rider: plain columns only. */
export interface RiderFacts {
  id: string;
  orgId: string;
  ref: string;
  pseudonym: string;
  familyLabel: string | null;
  ageGroup: 'child' | 'adult' | 'unknown';
  needs: string[];
  languages: string[];
  status: 'active' | 'closed';
}

/** A hearing's plain columns and who is summoned (pseudonyms and attendance). */
export interface HearingFacts {
  id: string;
  orgId: string;
  ref: string;
  court: string;
  zone: string;
  startsAt: string;
  kind: string;
  presentPlace: string | null;
  presentZone: string | null;
  presentAt: string | null;
  status: 'scheduled' | 'held' | 'cancelled';
  outcome: string | null;
  people: { id: string; ref: string; pseudonym: string; attendance: 'expected' | 'presented' | 'missed' | 'excused'; ageGroup: 'child' | 'adult' | 'unknown' }[];
}

export interface OverdueLeg { legId: string; runId: string; ref: string; coordinatorId: string; markBy: string }

const runRecord = (runId: string) => recordName('run', runId);
const meetingSlot = (runId: string, legId: string) => ({ record: runRecord(runId), table: 'transport_legs', row: legId, column: 'meeting_point' });
const LIVE = ['planned', 'underway'] as const;
const SETTLED = ['arrived', 'presented', 'returned', 'missed'] as const;
const CHUNK = 400;

function runOf(r: Selectable<TransportRunTable>): RunRow {
  return {
    id: r.id, orgId: r.org_id, ref: r.ref, day: r.day, label: r.label, coordinatorId: r.coordinator_id,
    arrivePlace: r.arrive_place, arriveZone: r.arrive_zone, arriveAt: r.arrive_at, marginMinutes: Number(r.margin_minutes), status: r.status, endedAt: r.ended_at,
    createdAt: r.created_at, createdBy: r.created_by, updatedAt: r.updated_at, version: Number(r.version),
  };
}

function legOf(r: Selectable<TransportLegTable>): LegRow {
  return {
    id: r.id, runId: r.run_id, ordinal: Number(r.ordinal), from: r.from_place, fromZone: r.from_zone, to: r.to_place, toZone: r.to_zone, mode: r.mode,
    departAt: r.depart_at, fixedDepart: Number(r.fixed_depart) === 1, arriveAt: r.arrive_at, seats: r.seats === null ? null : Number(r.seats), escortId: r.escort_id, handoffOrgId: r.handoff_org_id,
    markBy: r.mark_by, hasMeetingPoint: r.meeting_point !== null,
  };
}

const codes = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

export class TransportRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  /** The next reference: RUN- and one more than the highest number used. */
  async nextRef(): Promise<string> {
    const r = await sql<{ n: number | string | null }>`SELECT max(CAST(substr(ref, 5) AS integer)) AS n FROM transport_runs WHERE ref LIKE 'RUN-%'`.execute(this.db);
    return `RUN-${String(Number(r.rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
  }

  async run(runId: string): Promise<RunRow | undefined> {
    const r = await this.db.selectFrom('transport_runs').selectAll().where('id', '=', runId).executeTakeFirst();
    return r ? runOf(r) : undefined;
  }

  async insertRun(run: RunWrite, legs: LegWrite[], passengers: PassengerRow[]): Promise<void> {
    await this.db.insertInto('transport_runs').values({
      id: run.id, org_id: run.orgId, ref: run.ref, day: run.day, label: run.label, coordinator_id: run.coordinatorId,
      arrive_place: run.arrivePlace, arrive_zone: run.arriveZone, arrive_at: run.arriveAt, margin_minutes: run.marginMinutes, status: 'planned', ended_at: null,
      created_at: run.at, created_by: run.by, updated_at: run.at, version: 1,
    }).execute();
    await this.writeLegs(run.id, legs, passengers, new Map());
  }

  /**
   * Replaces a run's plan (inside the transaction that touched it): the row's day, label and
   * coordinator; legs kept by ordinal (their id, meeting point and marks stay), others removed or
   * added; passengers replaced; marks kept for every (leg, person) pair that remains, pending for new ones.
   */
  async replacePlan(run: Pick<RunWrite, 'id' | 'day' | 'label' | 'coordinatorId' | 'arrivePlace' | 'arriveZone' | 'arriveAt' | 'marginMinutes' | 'at'>, legs: LegWrite[], passengers: PassengerRow[]): Promise<void> {
    await this.db.updateTable('transport_runs').set({ day: run.day, label: run.label, coordinator_id: run.coordinatorId, arrive_place: run.arrivePlace, arrive_zone: run.arriveZone, arrive_at: run.arriveAt, margin_minutes: run.marginMinutes, updated_at: run.at }).where('id', '=', run.id).execute();
    const old = await this.db.selectFrom('transport_legs').selectAll().where('run_id', '=', run.id).execute();
    const keep = new Set(legs.map((l) => l.id));
    const gone = old.filter((l) => !keep.has(l.id)).map((l) => l.id);
    if (gone.length) await this.db.deleteFrom('transport_legs').where('id', 'in', gone).execute();
    await this.db.deleteFrom('transport_passengers').where('run_id', '=', run.id).execute();
    await this.writeLegs(run.id, legs, passengers, new Map(old.map((l) => [l.id, l.meeting_point])));
  }

  private async writeLegs(runId: string, legs: LegWrite[], passengers: PassengerRow[], oldPoints: Map<string, string | null>): Promise<void> {
    const dk = legs.some((l) => l.meetingPoint) ? await this.sealer.dataKey(runRecord(runId), true) : undefined;
    for (const l of legs) {
      const point = l.meetingPoint === undefined ? (oldPoints.get(l.id) ?? null) : l.meetingPoint ? this.sealer.seal(dk!, meetingSlot(runId, l.id), l.meetingPoint) : null;
      const values = {
        ordinal: l.ordinal, from_place: l.from, from_zone: l.fromZone, to_place: l.to, to_zone: l.toZone, mode: l.mode, depart_at: l.departAt, fixed_depart: l.fixedDepart ? 1 : 0, arrive_at: l.arriveAt,
        seats: l.seats, escort_id: l.escortId, handoff_org_id: l.handoffOrgId, mark_by: l.markBy, meeting_point: point,
      };
      if (oldPoints.has(l.id)) {
        // a leg kept: free its ordinal first if another leg moves into it (the unique (run, ordinal))
        await this.db.updateTable('transport_legs').set({ ...values, ordinal: -1 - l.ordinal }).where('id', '=', l.id).execute();
      } else {
        await this.db.insertInto('transport_legs').values({ id: l.id, run_id: runId, ...values, ordinal: -1 - l.ordinal }).execute();
      }
    }
    if (legs.length) await this.db.updateTable('transport_legs').set((eb) => ({ ordinal: eb(eb.val(-1), '-', eb.ref('ordinal')) })).where('run_id', '=', runId).where('ordinal', '<', 0).execute();
    for (const part of chunks(passengers)) {
      await this.db.insertInto('transport_passengers').values(part.map((p) => ({ run_id: runId, person_id: p.personId, hearing_id: p.hearingId, ordinal: p.ordinal }))).execute();
    }
  }

  /** Sets the (leg, person) pairs that have marks: removes the others, adds the missing ones as pending. */
  async syncMarks(legIds: string[], pairs: { legId: string; personId: string }[]): Promise<void> {
    if (!legIds.length) return;
    const existing = await this.db.selectFrom('leg_marks').select(['leg_id', 'person_id']).where('leg_id', 'in', legIds).execute();
    const want = new Set(pairs.map((p) => `${p.legId}|${p.personId}`));
    const have = new Set(existing.map((m) => `${m.leg_id}|${m.person_id}`));
    for (const m of existing) {
      if (!want.has(`${m.leg_id}|${m.person_id}`)) await this.db.deleteFrom('leg_marks').where('leg_id', '=', m.leg_id).where('person_id', '=', m.person_id).execute();
    }
    const added = pairs.filter((p) => !have.has(`${p.legId}|${p.personId}`));
    for (const part of chunks(added)) {
      await this.db.insertInto('leg_marks').values(part.map((p) => ({ leg_id: p.legId, person_id: p.personId, status: 'pending' as const, at: null, by_user: null, version: 1 }))).execute();
    }
  }

  /**
   * Marks a change to a live run from the version the writer saw: one more version, and a lock on
   * its row until the transaction ends. False when the version moved or the run is ended or cancelled.
   */
  async touch(runId: string, version: number, now: string): Promise<boolean> {
    const r = await this.db.updateTable('transport_runs').set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', runId).where('version', '=', version).where('status', 'in', [...LIVE]).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** A new status from the version seen (still live); false otherwise. */
  async setStatus(runId: string, version: number, status: RunStatus, now: string): Promise<boolean> {
    const closing = status === 'ended' || status === 'cancelled';
    const r = await this.db.updateTable('transport_runs').set((eb) => ({ status, version: eb('version', '+', 1), updated_at: now, ...(closing ? { ended_at: now } : {}) }))
      .where('id', '=', runId).where('version', '=', version).where('status', 'in', [...LIVE]).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** A planned run becomes underway (the first pick-up); false when it was not planned. */
  async startIfPlanned(runId: string, now: string): Promise<boolean> {
    const r = await this.db.updateTable('transport_runs').set((eb) => ({ status: 'underway' as const, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', runId).where('status', '=', 'planned').executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async legs(runIds: string[]): Promise<LegRow[]> {
    if (!runIds.length) return [];
    const out: LegRow[] = [];
    for (const part of chunks(runIds)) out.push(...(await this.db.selectFrom('transport_legs').selectAll().where('run_id', 'in', part).orderBy('run_id').orderBy('ordinal').execute()).map(legOf));
    return out;
  }

  async passengers(runIds: string[]): Promise<PassengerRow[]> {
    if (!runIds.length) return [];
    const out: PassengerRow[] = [];
    for (const part of chunks(runIds)) {
      const rows = await this.db.selectFrom('transport_passengers').selectAll().where('run_id', 'in', part).orderBy('run_id').orderBy('ordinal').execute();
      out.push(...rows.map((r) => ({ runId: r.run_id, personId: r.person_id, hearingId: r.hearing_id, ordinal: Number(r.ordinal) })));
    }
    return out;
  }

  async marks(legIds: string[]): Promise<MarkRow[]> {
    if (!legIds.length) return [];
    const out: MarkRow[] = [];
    for (const part of chunks(legIds)) {
      const rows = await this.db.selectFrom('leg_marks').selectAll().where('leg_id', 'in', part).execute();
      out.push(...rows.map((r) => ({ legId: r.leg_id, personId: r.person_id, status: r.status, at: r.at, byUser: r.by_user, version: Number(r.version) })));
    }
    return out;
  }

  /**
   * One tap: the mark of a passenger on a leg (last writer wins); false when they do not ride that
   * leg, or when the run is no longer planned or underway as the write happens (a run ended by
   * another request after the tap's access check: the write itself checks, not only the read before it).
   */
  async setMark(legId: string, personId: string, status: Mark, at: string, by: string): Promise<boolean> {
    const r = await this.db.updateTable('leg_marks').set((eb) => ({ status, at: status === 'pending' ? null : at, by_user: status === 'pending' ? null : by, version: eb('version', '+', 1) }))
      .where('leg_id', '=', legId).where('person_id', '=', personId)
      .where((eb) => eb.exists(eb.selectFrom('transport_legs as l').innerJoin('transport_runs as r', 'r.id', 'l.run_id').select('l.id').whereRef('l.id', '=', 'leg_marks.leg_id').where('r.status', 'in', [...LIVE])))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** The meeting points of these legs of a run, opened. */
  async meetingPoints(runId: string, legIds: string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    if (!legIds.length) return out;
    const rows = await this.db.selectFrom('transport_legs').select(['id', 'meeting_point']).where('run_id', '=', runId).where('id', 'in', legIds).execute();
    const dk = rows.some((r) => r.meeting_point !== null) ? await this.sealer.dataKey(runRecord(runId), false) : undefined;
    for (const r of rows) out.set(r.id, r.meeting_point === null || !dk ? null : (this.sealer.open(dk, meetingSlot(runId, r.id), r.meeting_point) ?? null));
    return out;
  }

  /** Runs of an organisation whose day is within [from, to] (days 'YYYY-MM-DD'). */
  async runsOfOrg(orgId: string, fromDay: string, toDay: string): Promise<RunRow[]> {
    const rows = await this.db.selectFrom('transport_runs').selectAll().where('org_id', '=', orgId).where('day', '>=', fromDay).where('day', '<=', toDay).orderBy('day').orderBy('ref').execute();
    return rows.map(runOf);
  }

  /** Live runs where this account drives or escorts a leg, or its organisation takes one over (another organisation's run). */
  async tripsOf(userId: string, orgId: string): Promise<RunRow[]> {
    const rows = await this.db.selectFrom('transport_runs as r').selectAll('r')
      .where('r.status', 'in', [...LIVE])
      .where((eb) => eb.exists(eb.selectFrom('transport_legs as l').select('l.id').whereRef('l.run_id', '=', 'r.id')
        .where((w) => w.or([w('l.escort_id', '=', userId), w.and([w('l.handoff_org_id', '=', orgId), w('r.org_id', '<>', orgId)])]))))
      .orderBy('r.day').orderBy('r.ref').execute();
    return rows.map(runOf);
  }

  /** Riders' plain facts (family label included). */
  async riders(personIds: string[]): Promise<Map<string, RiderFacts>> {
    const out = new Map<string, RiderFacts>();
    for (const part of chunks([...new Set(personIds)])) {
      const rows = await this.db.selectFrom('accompanied_people as p').leftJoin('accompanied_families as f', 'f.id', 'p.family_id')
        .select(['p.id', 'p.org_id', 'p.ref', 'p.pseudonym', 'f.label as family_label', 'p.age_group', 'p.needs', 'p.languages', 'p.status'])
        .where('p.id', 'in', part).execute();
      for (const r of rows) {
        out.set(r.id, { id: r.id, orgId: r.org_id, ref: r.ref, pseudonym: r.pseudonym, familyLabel: r.family_label ?? null, ageGroup: r.age_group, needs: codes(r.needs), languages: codes(r.languages), status: r.status });
      }
    }
    return out;
  }

  /** Hearings by id, plain columns and who is summoned. */
  async hearings(ids: string[]): Promise<Map<string, HearingFacts>> {
    const out = new Map<string, HearingFacts>();
    const unique = [...new Set(ids)];
    if (!unique.length) return out;
    for (const part of chunks(unique)) {
      const rows = await this.db.selectFrom('hearings')
        .select(['id', 'org_id', 'ref', 'court', 'zone', 'starts_at', 'kind', 'present_place', 'present_zone', 'present_at', 'status', 'outcome'])
        .where('id', 'in', part).execute();
      for (const r of rows) {
        out.set(r.id, {
          id: r.id, orgId: r.org_id, ref: r.ref, court: r.court, zone: r.zone, startsAt: r.starts_at, kind: r.kind, presentPlace: r.present_place, presentZone: r.present_zone,
          presentAt: r.present_at, status: r.status, outcome: r.outcome, people: [],
        });
      }
    }
    for (const part of chunks([...out.keys()])) {
      const people = await this.db.selectFrom('hearing_people as hp').innerJoin('accompanied_people as p', 'p.id', 'hp.person_id')
        .select(['hp.hearing_id', 'p.id', 'p.ref', 'p.pseudonym', 'hp.attendance', 'p.age_group']).where('hp.hearing_id', 'in', part).orderBy('p.pseudonym').orderBy('p.id').execute();
      for (const p of people) out.get(p.hearing_id)?.people.push({ id: p.id, ref: p.ref, pseudonym: p.pseudonym, attendance: p.attendance, ageGroup: p.age_group });
    }
    return out;
  }

  /** Ids of an organisation's hearings starting within [from, to) (instants). */
  async hearingIdsOfOrg(orgId: string, from: string, to: string): Promise<string[]> {
    const rows = await this.db.selectFrom('hearings').select('id').where('org_id', '=', orgId).where('starts_at', '>=', from).where('starts_at', '<', to).orderBy('starts_at').orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  /** Whether the person is summoned to the hearing. */
  async summoned(hearingId: string, personId: string): Promise<boolean> {
    return !!(await this.db.selectFrom('hearing_people').select('person_id').where('hearing_id', '=', hearingId).where('person_id', '=', personId).executeTakeFirst());
  }

  /** Display names of accounts. */
  async userNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** Names of organisations. */
  async orgNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', unique).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * Legs of live runs whose deadline passed at `now` with someone still pending or only picked up
   * and no `run-unmarked:<leg>:<deadline>` alert yet, with the run's reference and coordinator
   * (oldest deadline first). The key here and in tracking/unmarked-legs.ts are the same.
   */
  async overdueLegs(now: string, limit: number): Promise<OverdueLeg[]> {
    const rows = await this.db.selectFrom('transport_legs as l').innerJoin('transport_runs as r', 'r.id', 'l.run_id')
      .select(['l.id as leg_id', 'r.id as run_id', 'r.ref', 'r.coordinator_id', 'l.mark_by'])
      .where('r.status', 'in', [...LIVE]).where('l.mark_by', '<=', now)
      .where((eb) => eb.exists(eb.selectFrom('leg_marks as m').select('m.leg_id').whereRef('m.leg_id', '=', 'l.id').where('m.status', 'not in', [...SETTLED])))
      // raised already for this deadline (the dedupe key): not looked at again, so older legs never crowd out new ones
      .where((eb) => eb.not(eb.exists(eb.selectFrom('alerts as a').select('a.id').whereRef('a.dedupe_key', '=', sql<string>`'run-unmarked:' || l.id || ':' || l.mark_by`))))
      .orderBy('l.mark_by').orderBy('l.id').limit(limit).execute();
    return rows.map((r) => ({ legId: r.leg_id, runId: r.run_id, ref: r.ref, coordinatorId: r.coordinator_id, markBy: r.mark_by }));
  }

  /** Ends live runs whose last leg arrived before `before` (status ended, ended_at now); returns their ids. */
  async endArrivedBefore(before: string, now: string): Promise<string[]> {
    const rows = await this.db.selectFrom('transport_runs as r').select('r.id')
      .where('r.status', 'in', [...LIVE])
      .where((eb) => eb.exists(eb.selectFrom('transport_legs as l').select('l.id').whereRef('l.run_id', '=', 'r.id')))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('transport_legs as l').select('l.id').whereRef('l.run_id', '=', 'r.id').where('l.arrive_at', '>', before))))
      .execute();
    const ended: string[] = [];
    for (const { id } of rows) {
      const r = await this.db.updateTable('transport_runs').set((eb) => ({ status: 'ended' as const, ended_at: now, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', id).where('status', 'in', [...LIVE]).executeTakeFirst();
      if (Number(r.numUpdatedRows) > 0) ended.push(id);
    }
    return ended;
  }
}
