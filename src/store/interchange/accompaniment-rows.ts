/**
 * Accompaniment (migration 0015, ADR 0024) read and written whole for the interchange format:
 * families, people, hearings with who is summoned and the reminders sent, transport runs with their
 * legs, passengers and marks — every row as stored (ids, versions, dates and authors kept), with
 * the sealed values opened on reading and sealed again on writing, each under its record's data key
 * and bound to exactly the table, row and column the repositories use:
 *   - a person's identity (JSON) and needs note: 'accompanied/<person>', accompanied_people/<person>/identity|needs_note;
 *   - a hearing's representative and notes: 'hearing/<hearing>', hearings/<hearing>/representative|notes;
 *   - a leg's meeting point: 'run/<run>', transport_legs/<leg>/meeting_point.
 * Nothing here is a use case's change: no version is bumped, no rule about runs or hearings applies.
 * References (ACP-…, FAM-…, HRG-…, RUN-…) are numbered by the caller (`nextRefs`).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  Database, AccompaniedFamilyTable, AccompaniedPersonTable, HearingTable, HearingPersonTable, HearingReminderTable, TransportRunTable, TransportLegTable,
  TransportPassengerTable, LegMarkTable,
} from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from '../repositories/sealed-fields.js';
import type { DataKey } from '../../crypto/envelope.js';
import { groupBy, refNumber } from '../../domain/group-by.js';

export type FamilyRow = Selectable<AccompaniedFamilyTable>;
/** A person's row with `identity` and `needs_note` opened (identity: the JSON text as sealed). */
export type PersonRow = Selectable<AccompaniedPersonTable>;
/** A hearing's row with `representative` and `notes` opened, who is summoned, and its reminders. */
export type HearingRow = Selectable<HearingTable> & { people: Omit<Selectable<HearingPersonTable>, 'hearing_id'>[]; reminders: Omit<Selectable<HearingReminderTable>, 'hearing_id'>[] };
export type LegRow = Omit<Selectable<TransportLegTable>, 'run_id'> & { marks: Omit<Selectable<LegMarkTable>, 'leg_id'>[] };
/** A run's row with its legs (meeting points opened) and passengers. */
export type RunRow = Selectable<TransportRunTable> & { legs: LegRow[]; passengers: Omit<Selectable<TransportPassengerTable>, 'run_id'>[] };

export type RefTable = 'accompanied_families' | 'accompanied_people' | 'hearings' | 'transport_runs';

const byRef = <R extends { ref: string; id: string }>(a: R, b: R) => refNumber(a.ref) - refNumber(b.ref) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byCodeUnits = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);


const personSlot = (id: string, column: string) => ({ record: recordName('accompanied', id), table: 'accompanied_people', row: id, column });
const hearingSlot = (id: string, column: string) => ({ record: recordName('hearing', id), table: 'hearings', row: id, column });
const legSlot = (runId: string, legId: string) => ({ record: recordName('run', runId), table: 'transport_legs', row: legId, column: 'meeting_point' });

export class AccompanimentRows {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  /** Every family, in the order of their references. */
  async families(): Promise<FamilyRow[]> {
    return (await this.db.selectFrom('accompanied_families').selectAll().execute()).map((r) => ({ ...r, version: Number(r.version) })).sort(byRef);
  }

  /** Every person, in the order of their references, identity and needs note opened. */
  async people(): Promise<PersonRow[]> {
    const rows = (await this.db.selectFrom('accompanied_people').selectAll().execute()).sort(byRef);
    const keys = await this.sealer.dataKeys(rows.filter((r) => r.identity !== null || r.needs_note !== null).map((r) => recordName('accompanied', r.id)));
    return rows.map((r) => {
      const dk = keys.get(recordName('accompanied', r.id));
      return {
        ...r, version: Number(r.version),
        identity: this.sealer.open(dk, personSlot(r.id, 'identity'), r.identity) ?? null,
        needs_note: this.sealer.open(dk, personSlot(r.id, 'needs_note'), r.needs_note) ?? null,
      };
    });
  }

  /** Every hearing, in the order of their references, sealed values opened, with who is summoned and the reminders. */
  async hearings(): Promise<HearingRow[]> {
    const rows = (await this.db.selectFrom('hearings').selectAll().execute()).sort(byRef);
    if (!rows.length) return [];
    const people = groupBy((await this.db.selectFrom('hearing_people').selectAll().execute()).sort((a, b) => byCodeUnits(a.person_id, b.person_id)), (p) => p.hearing_id);
    const reminders = groupBy(await this.db.selectFrom('hearing_reminders').selectAll().orderBy('hearing_id').orderBy('at').orderBy('id').execute(), (p) => p.hearing_id);
    const keys = await this.sealer.dataKeys(rows.filter((r) => r.representative !== null || r.notes !== null).map((r) => recordName('hearing', r.id)));
    return rows.map((r) => {
      const dk = keys.get(recordName('hearing', r.id));
      return {
        ...r, version: Number(r.version),
        representative: this.sealer.open(dk, hearingSlot(r.id, 'representative'), r.representative) ?? null,
        notes: this.sealer.open(dk, hearingSlot(r.id, 'notes'), r.notes) ?? null,
        people: (people.get(r.id) ?? []).map(({ hearing_id: _h, ...p }) => p),
        reminders: (reminders.get(r.id) ?? []).map(({ hearing_id: _h, ...m }) => m),
      };
    });
  }

  /** Every run, in the order of their references, with its legs (by ordinal, meeting points opened, marks) and passengers (by ordinal). */
  async runs(): Promise<RunRow[]> {
    const rows = (await this.db.selectFrom('transport_runs').selectAll().execute()).sort(byRef);
    if (!rows.length) return [];
    const legs = groupBy(await this.db.selectFrom('transport_legs').selectAll().orderBy('run_id').orderBy('ordinal').execute(), (l) => l.run_id);
    const passengers = groupBy(await this.db.selectFrom('transport_passengers').selectAll().orderBy('run_id').orderBy('ordinal').execute(), (p) => p.run_id);
    const marks = groupBy((await this.db.selectFrom('leg_marks').selectAll().execute()).sort((a, b) => byCodeUnits(a.person_id, b.person_id)), (m) => m.leg_id);
    const sealedRuns = new Set([...legs.values()].flat().filter((l) => l.meeting_point !== null).map((l) => l.run_id));
    const keys = await this.sealer.dataKeys([...sealedRuns].map((id) => recordName('run', id)));
    return rows.map((r) => {
      const dk = keys.get(recordName('run', r.id));
      return {
        ...r, version: Number(r.version),
        legs: (legs.get(r.id) ?? []).map(({ run_id: _r, ...l }) => ({
          ...l, ordinal: Number(l.ordinal), seats: l.seats === null ? null : Number(l.seats),
          meeting_point: this.sealer.open(dk, legSlot(r.id, l.id), l.meeting_point) ?? null,
          marks: (marks.get(l.id) ?? []).map(({ leg_id: _l, ...m }) => ({ ...m, version: Number(m.version) })),
        })),
        passengers: (passengers.get(r.id) ?? []).map(({ run_id: _r, ...p }) => ({ ...p, ordinal: Number(p.ordinal) })),
      };
    });
  }

  /** The next reference of each kind after this workspace's own: call once, then count on. */
  async nextRefs(): Promise<Record<RefTable, number>> {
    const max = async (table: RefTable) => {
      const r = await sql<{ n: number | string | null }>`SELECT max(CAST(substr(ref, 5) AS integer)) AS n FROM ${sql.table(table)}`.execute(this.db);
      return Number(r.rows[0]?.n ?? 0) + 1;
    };
    return { accompanied_families: await max('accompanied_families'), accompanied_people: await max('accompanied_people'), hearings: await max('hearings'), transport_runs: await max('transport_runs') };
  }

  async writeFamily(row: FamilyRow): Promise<void> {
    await this.db.insertInto('accompanied_families').values(row).execute();
  }

  /** Writes a person, sealing identity and needs note under 'accompanied/<id>' (a key made only when there is something to seal). */
  async writePerson(row: PersonRow): Promise<void> {
    const dk = row.identity !== null || row.needs_note !== null ? await this.sealer.dataKey(recordName('accompanied', row.id), true) : undefined;
    await this.db.insertInto('accompanied_people').values({
      ...row,
      identity: dk ? this.sealer.seal(dk, personSlot(row.id, 'identity'), row.identity) : null,
      needs_note: dk ? this.sealer.seal(dk, personSlot(row.id, 'needs_note'), row.needs_note) : null,
    }).execute();
  }

  /** Writes a hearing without its next hearing (`linkNextHearing` once every hearing is written), its summons and reminders. */
  async writeHearing(row: HearingRow): Promise<void> {
    const { people, reminders, ...h } = row;
    const dk = h.representative !== null || h.notes !== null ? await this.sealer.dataKey(recordName('hearing', h.id), true) : undefined;
    await this.db.insertInto('hearings').values({
      ...h, next_hearing_id: null,
      representative: dk ? this.sealer.seal(dk, hearingSlot(h.id, 'representative'), h.representative) : null,
      notes: dk ? this.sealer.seal(dk, hearingSlot(h.id, 'notes'), h.notes) : null,
    }).execute();
    if (people.length) await this.db.insertInto('hearing_people').values(people.map((p) => ({ hearing_id: h.id, ...p }))).execute();
    if (reminders.length) await this.db.insertInto('hearing_reminders').values(reminders.map((m) => ({ hearing_id: h.id, ...m }))).execute();
  }

  async linkNextHearing(id: string, next: string): Promise<void> {
    await this.db.updateTable('hearings').set({ next_hearing_id: next }).where('id', '=', id).execute();
  }

  /** Writes a run with its legs (meeting points sealed under 'run/<id>'), marks and passengers. */
  async writeRun(row: RunRow): Promise<void> {
    const { legs, passengers, ...r } = row;
    const dk: DataKey | undefined = legs.some((l) => l.meeting_point !== null) ? await this.sealer.dataKey(recordName('run', r.id), true) : undefined;
    await this.db.insertInto('transport_runs').values(r).execute();
    for (const { marks, ...l } of legs) {
      await this.db.insertInto('transport_legs').values({ ...l, run_id: r.id, meeting_point: dk ? this.sealer.seal(dk, legSlot(r.id, l.id), l.meeting_point) : null }).execute();
    }
    if (passengers.length) await this.db.insertInto('transport_passengers').values(passengers.map((p) => ({ run_id: r.id, ...p }))).execute();
    const allMarks = legs.flatMap((l) => l.marks.map((m) => ({ leg_id: l.id, ...m })));
    if (allMarks.length) await this.db.insertInto('leg_marks').values(allMarks).execute();
  }
}
