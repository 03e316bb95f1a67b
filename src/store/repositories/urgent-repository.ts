/**
 * Urgent cases, their checklists and notes in SQL (migration 0011, ADR 0018). Kind, status,
 * deadlines and who did what stay plain for lists and the scheduler; every free text — a custom
 * step's label, a step's note, a note, the closing note — is sealed under the incident's data key,
 * bound to its table, row and column, so a case is exactly as protected as its incident.
 *
 * Writers serialise on the case row: every change first bumps the case's version with
 * `touch` (only while open), so a change racing a close either lands before it or is refused.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, UrgentCaseTable } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import { visibleTo, type Viewer } from './visibility.js';
import { dialectOf } from '../migrations/dialect.js';
import { incidentRef } from '../../domain/incident/view.js';
import type { StepCode, UrgentKind, UrgentOutcome } from '../../domain/urgent/checklist.js';
import type { PersonRef } from '../../domain/urgent/view.js';

export interface UrgentCaseHead {
  id: string;
  incidentId: string;
  ref: string;
  kind: UrgentKind;
  ownerId: string;
  status: 'open' | 'closed';
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  outcome: UrgentOutcome | null;
  updatedAt: string;
  version: number;
}

export interface NewUrgentCase { id: string; incidentId: string; ref: string; kind: UrgentKind; ownerId: string; openedAt: string; openedBy: string }
export interface NewUrgentStep { id: string; code: StepCode; label?: string | undefined; dueAt?: string | null | undefined }

export interface StoredStep {
  id: string;
  ordinal: number;
  code: StepCode;
  label: string | undefined;
  dueAt: string | null;
  doneAt: string | null;
  doneBy: PersonRef | null;
  note: string | undefined;
}
export interface StoredNote { id: string; at: string; author: PersonRef; body: string }

/** What the list shows of a case: its head, the owner's name, the incident's reference and date, and its steps' deadlines. */
export interface UrgentCaseListRow extends UrgentCaseHead {
  ownerName: string;
  incidentRef: string;
  incidentDate: { start: string; approximate: boolean } | null;
  steps: { dueAt: string | null; doneAt: string | null }[];
}

export interface OverdueCandidate { stepId: string; dueAt: string; caseId: string; ref: string; ownerId: string }

const incidentRecord = (incidentId: string) => recordName('incident', incidentId);
const slot = (incidentId: string, table: 'urgent_steps' | 'urgent_notes' | 'urgent_cases', row: string, column: string) => ({ record: incidentRecord(incidentId), table, row, column });

function headOf(r: Selectable<UrgentCaseTable>): UrgentCaseHead {
  return {
    id: r.id, incidentId: r.incident_id, ref: r.ref, kind: r.kind as UrgentKind, ownerId: r.owner_id, status: r.status, openedAt: r.opened_at, openedBy: r.opened_by,
    closedAt: r.closed_at, outcome: r.outcome as UrgentOutcome | null, updatedAt: r.updated_at, version: Number(r.version),
  };
}

export class UrgentRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  /** The next reference: URG- and one more than the highest number used (zero-padded to four). */
  async nextRef(): Promise<string> {
    const r = await sql<{ n: number | string | null }>`SELECT max(CAST(substr(ref, 5) AS integer)) AS n FROM urgent_cases WHERE ref LIKE 'URG-%'`.execute(this.db);
    return `URG-${String(Number(r.rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
  }

  /**
   * Holds the incident's row until the transaction ends (PostgreSQL), so two people marking the
   * same incident urgent at once open one case. SQLite's writers are serialised already.
   */
  async lockIncident(incidentId: string): Promise<void> {
    if (dialectOf(this.db) === 'postgres') await sql`SELECT id FROM incidents WHERE id = ${incidentId} FOR UPDATE`.execute(this.db);
  }

  async openCaseOf(incidentId: string): Promise<{ id: string; ref: string } | undefined> {
    return this.db.selectFrom('urgent_cases').select(['id', 'ref']).where('incident_id', '=', incidentId).where('status', '=', 'open').executeTakeFirst();
  }

  async insert(c: NewUrgentCase, steps: NewUrgentStep[]): Promise<void> {
    await this.db.insertInto('urgent_cases').values({
      id: c.id, incident_id: c.incidentId, ref: c.ref, kind: c.kind, owner_id: c.ownerId, status: 'open', opened_at: c.openedAt, opened_by: c.openedBy,
      closed_at: null, outcome: null, closing_note: null, updated_at: c.openedAt, version: 1,
    }).execute();
    if (steps.length) await this.insertSteps(c.id, c.incidentId, 0, steps);
  }

  private async insertSteps(caseId: string, incidentId: string, from: number, steps: NewUrgentStep[]): Promise<void> {
    const dk = steps.some((s) => s.label !== undefined) ? await this.sealer.dataKey(incidentRecord(incidentId), true) : undefined;
    await this.db.insertInto('urgent_steps').values(steps.map((s, i) => ({
      id: s.id, case_id: caseId, ordinal: from + i, code: s.code,
      label: s.label === undefined ? null : this.sealer.seal(dk!, slot(incidentId, 'urgent_steps', s.id, 'label'), s.label),
      due_at: s.dueAt ?? null, done_at: null, done_by: null, note: null,
    }))).execute();
  }

  async head(caseId: string): Promise<UrgentCaseHead | undefined> {
    const r = await this.db.selectFrom('urgent_cases').selectAll().where('id', '=', caseId).executeTakeFirst();
    return r ? headOf(r) : undefined;
  }

  /** The cases of one incident, open first, then newest first. */
  async ofIncident(incidentId: string): Promise<UrgentCaseHead[]> {
    const rows = await this.db.selectFrom('urgent_cases').selectAll().where('incident_id', '=', incidentId)
      .orderBy(sql`CASE WHEN status = 'open' THEN 0 ELSE 1 END`).orderBy('opened_at', 'desc').orderBy('id').execute();
    return rows.map(headOf);
  }

  /**
   * Marks a change to an open case: one more version, and a lock on its row until the transaction
   * ends. False when the case is closed (or gone).
   */
  async touch(caseId: string, now: string): Promise<boolean> {
    const r = await this.db.updateTable('urgent_cases').set((eb) => ({ version: eb('version', '+', 1), updated_at: now })).where('id', '=', caseId).where('status', '=', 'open').executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async closingNote(caseId: string, incidentId: string): Promise<string | undefined> {
    const r = await this.db.selectFrom('urgent_cases').select('closing_note').where('id', '=', caseId).executeTakeFirst();
    if (!r?.closing_note) return undefined;
    return this.sealer.open(await this.sealer.dataKey(incidentRecord(incidentId), false), slot(incidentId, 'urgent_cases', caseId, 'closing_note'), r.closing_note);
  }

  /** The checklist in recorded order, labels and notes opened. */
  async steps(caseId: string, incidentId: string): Promise<StoredStep[]> {
    const rows = await this.db.selectFrom('urgent_steps as s').leftJoin('users as u', 'u.id', 's.done_by')
      .selectAll('s').select('u.display_name as done_by_name').where('s.case_id', '=', caseId).orderBy('s.ordinal').execute();
    const dk = rows.some((r) => r.label !== null || r.note !== null) ? await this.sealer.dataKey(incidentRecord(incidentId), false) : undefined;
    return rows.map((r) => ({
      id: r.id, ordinal: Number(r.ordinal), code: r.code as StepCode,
      label: this.sealer.open(dk, slot(incidentId, 'urgent_steps', r.id, 'label'), r.label),
      dueAt: r.due_at, doneAt: r.done_at, doneBy: r.done_by ? { id: r.done_by, displayName: r.done_by_name ?? '' } : null,
      note: this.sealer.open(dk, slot(incidentId, 'urgent_steps', r.id, 'note'), r.note),
    }));
  }

  async step(caseId: string, stepId: string): Promise<{ id: string; doneAt: string | null; dueAt: string | null } | undefined> {
    const r = await this.db.selectFrom('urgent_steps').select(['id', 'done_at', 'due_at']).where('case_id', '=', caseId).where('id', '=', stepId).executeTakeFirst();
    return r ? { id: r.id, doneAt: r.done_at, dueAt: r.due_at } : undefined;
  }

  async addStep(caseId: string, incidentId: string, step: NewUrgentStep): Promise<void> {
    const r = await this.db.selectFrom('urgent_steps').select((eb) => eb.fn.max('ordinal').as('n')).where('case_id', '=', caseId).executeTakeFirst();
    await this.insertSteps(caseId, incidentId, r?.n === null || r?.n === undefined ? 0 : Number(r.n) + 1, [step]);
  }

  /** Changes what is given: done (who and when, or undone), the note (sealed; null removes it), the deadline. */
  async updateStep(caseId: string, incidentId: string, stepId: string, patch: { done?: { at: string; by: string } | null; note?: string | null; dueAt?: string | null }): Promise<void> {
    const set: { done_at?: string | null; done_by?: string | null; note?: string | null; due_at?: string | null } = {};
    if (patch.done !== undefined) {
      set.done_at = patch.done?.at ?? null;
      set.done_by = patch.done?.by ?? null;
    }
    if (patch.note !== undefined) {
      const dk = patch.note === null ? undefined : await this.sealer.dataKey(incidentRecord(incidentId), true);
      set.note = patch.note === null ? null : this.sealer.seal(dk!, slot(incidentId, 'urgent_steps', stepId, 'note'), patch.note);
    }
    if (patch.dueAt !== undefined) set.due_at = patch.dueAt;
    if (Object.keys(set).length) await this.db.updateTable('urgent_steps').set(set).where('case_id', '=', caseId).where('id', '=', stepId).execute();
  }

  async addNote(caseId: string, incidentId: string, note: { id: string; at: string; userId: string; body: string }): Promise<void> {
    const dk = await this.sealer.dataKey(incidentRecord(incidentId), true);
    await this.db.insertInto('urgent_notes').values({ id: note.id, case_id: caseId, at: note.at, user_id: note.userId, body: this.sealer.seal(dk, slot(incidentId, 'urgent_notes', note.id, 'body'), note.body)! }).execute();
  }

  /** Notes newest first, opened. */
  async notes(caseId: string, incidentId: string): Promise<StoredNote[]> {
    const rows = await this.db.selectFrom('urgent_notes as n').leftJoin('users as u', 'u.id', 'n.user_id').selectAll('n').select('u.display_name as author')
      .where('n.case_id', '=', caseId).orderBy('n.at', 'desc').orderBy('n.id', 'desc').execute();
    if (!rows.length) return [];
    const dk = await this.sealer.dataKey(incidentRecord(incidentId), false);
    return rows.map((r) => ({ id: r.id, at: r.at, author: { id: r.user_id, displayName: r.author ?? '' }, body: this.sealer.open(dk, slot(incidentId, 'urgent_notes', r.id, 'body'), r.body)! }));
  }

  async setOwner(caseId: string, ownerId: string): Promise<void> {
    await this.db.updateTable('urgent_cases').set({ owner_id: ownerId }).where('id', '=', caseId).execute();
  }

  /** Closes an open case at the version the closer saw; false when it changed meanwhile or was closed. */
  async close(caseId: string, incidentId: string, expectedVersion: number, c: { outcome: UrgentOutcome; note: string | undefined; at: string }): Promise<boolean> {
    const dk = c.note ? await this.sealer.dataKey(incidentRecord(incidentId), true) : undefined;
    const r = await this.db.updateTable('urgent_cases')
      .set((eb) => ({
        status: 'closed' as const, closed_at: c.at, outcome: c.outcome, updated_at: c.at, version: eb('version', '+', 1),
        closing_note: c.note ? this.sealer.seal(dk!, slot(incidentId, 'urgent_cases', caseId, 'closing_note'), c.note) : null,
      }))
      .where('id', '=', caseId).where('status', '=', 'open').where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** People who may own a case: active accounts of the given roles, by name. */
  async ownerCandidates(roles: readonly string[]): Promise<PersonRef[]> {
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('disabled', '=', 0).where('role', 'in', [...roles]).orderBy('display_name').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  /**
   * The cases the viewer may see (need-to-know through the incident; removed incidents left out),
   * with what a list shows. Two statements whatever the number of cases.
   */
  async list(viewer: Viewer, status: 'open' | 'closed' | 'all', limit: number): Promise<UrgentCaseListRow[]> {
    let q = this.db.selectFrom('urgent_cases as c')
      .innerJoin('incidents as i', 'i.id', 'c.incident_id')
      .leftJoin('users as u', 'u.id', 'c.owner_id')
      .selectAll('c')
      .select(['u.display_name as owner_name', 'i.seq', 'i.date_start', 'i.date_approx'])
      .where('i.deleted_at', 'is', null)
      .where(visibleTo(viewer));
    if (status !== 'all') q = q.where('c.status', '=', status);
    const rows = await q.orderBy(sql`CASE WHEN c.status = 'open' THEN 0 ELSE 1 END`).orderBy('c.opened_at', 'desc').orderBy('c.id').limit(limit).execute();
    const steps = await this.deadlinesOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      ...headOf(r), ownerName: r.owner_name ?? '', incidentRef: incidentRef(Number(r.seq)),
      incidentDate: r.date_start ? { start: r.date_start, approximate: Number(r.date_approx) === 1 } : null,
      steps: steps.get(r.id) ?? [],
    }));
  }

  /** Each case's steps' deadlines and completion (no labels or notes), by case id. */
  async deadlinesOf(caseIds: string[]): Promise<Map<string, { dueAt: string | null; doneAt: string | null }[]>> {
    const steps = new Map<string, { dueAt: string | null; doneAt: string | null }[]>();
    for (let k = 0; k < caseIds.length; k += 500) {
      const part = await this.db.selectFrom('urgent_steps').select(['case_id', 'due_at', 'done_at']).where('case_id', 'in', caseIds.slice(k, k + 500)).execute();
      for (const s of part) {
        const list = steps.get(s.case_id) ?? [];
        list.push({ dueAt: s.due_at, doneAt: s.done_at });
        steps.set(s.case_id, list);
      }
    }
    return steps;
  }

  /**
   * Steps past their deadline, not done, in open cases of incidents not removed, whose alert for
   * that deadline was not raised yet (the index on done_at, due_at; the alerts' unique dedupe key).
   */
  async overdueCandidates(now: string, limit: number): Promise<OverdueCandidate[]> {
    const rows = await this.db.selectFrom('urgent_steps as s')
      .innerJoin('urgent_cases as c', 'c.id', 's.case_id')
      .innerJoin('incidents as i', 'i.id', 'c.incident_id')
      .leftJoin('alerts as a', (j) => j.on('a.dedupe_key', '=', sql<string>`'step-overdue:' || s.id || ':' || s.due_at`))
      .select(['s.id', 's.due_at', 'c.id as case_id', 'c.ref', 'c.owner_id'])
      .where('a.id', 'is', null)
      .where('s.done_at', 'is', null)
      .where('s.due_at', 'is not', null)
      .where('s.due_at', '<=', now)
      .where('c.status', '=', 'open')
      .where('i.deleted_at', 'is', null)
      .orderBy('s.due_at').orderBy('s.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ stepId: r.id, dueAt: r.due_at!, caseId: r.case_id, ref: r.ref, ownerId: r.owner_id }));
  }

  /** The incident's reference and date, for a case's answer. */
  async incidentFacts(incidentId: string): Promise<{ ref: string; date: { start: string; approximate: boolean } | null } | undefined> {
    const r = await this.db.selectFrom('incidents').select(['seq', 'date_start', 'date_approx']).where('id', '=', incidentId).executeTakeFirst();
    return r ? { ref: incidentRef(Number(r.seq)), date: r.date_start ? { start: r.date_start, approximate: Number(r.date_approx) === 1 } : null } : undefined;
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }
}
