/**
 * Urgent cases, their steps, notes and appeals, and campaigns, read and written whole for the
 * interchange format (migration 0011, ADR 0018): every row as stored — ids, versions, dates and
 * authors kept — with the sealed values opened on reading and sealed again on writing under the
 * incident's data key, bound to exactly the table, row and column the repositories use
 * (urgent-repository.ts, appeal-repository.ts, campaign-repository.ts), so what is written here
 * reads back through them. Unlike those repositories, nothing here is a use case's change: no
 * version is bumped and no rule about open cases applies.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from '../repositories/sealed-fields.js';
import type { DataKey } from '../../crypto/envelope.js';
import { newId } from '../../crypto/random.js';
import { groupBy, refNumber } from '../../domain/group-by.js';

export interface CaseRecord {
  id: string; incidentId: string; kind: string; ownerId: string; status: 'open' | 'closed'; openedAt: string; openedBy: string;
  closedAt: string | null; outcome: string | null; closingNote: string | null; updatedAt: string; version: number;
  steps: StepRecord[]; notes: NoteRecord[]; appeals: AppealRecord[];
}
export interface StepRecord { id: string; code: string; label: string | null; dueAt: string | null; doneAt: string | null; doneBy: string | null; note: string | null }
export interface NoteRecord { id: string; at: string; userId: string; body: string }
/** The sealed letter column holds the text and what the draft was filled with. */
export interface AppealRecord {
  id: string; body: string; lang: string; letter: { text: string; included: unknown[]; withheld: unknown[] };
  createdAt: string; createdBy: string; updatedAt: string; version: number;
  sentAt: string | null; sentHow: string | null; answeredAt: string | null; answerHow: string | null; answerNote: string | null;
}
export interface CampaignRecord {
  id: string; incidentId: string; caseId: string | null; title: string; started: string | null; ended: string | null; outcome: string | null;
  actions: { date: string | null; kind: string; description: string | null }[];
  createdAt: string; createdBy: string; updatedAt: string; version: number;
}

const record = (incidentId: string) => recordName('incident', incidentId);
const slot = (incidentId: string, table: string, row: string, column: string) => ({ record: record(incidentId), table, row, column });


export class ResponseRows {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  private async keysOf(incidentIds: Iterable<string>): Promise<Map<string, DataKey>> {
    return this.sealer.dataKeys([...new Set(incidentIds)].map(record));
  }

  /** Every urgent case of the given incidents, in the order they were opened (their references'), sealed values opened. */
  async cases(incidentIds: Set<string>): Promise<CaseRecord[]> {
    const rows = (await this.db.selectFrom('urgent_cases').selectAll().execute()).filter((r) => incidentIds.has(r.incident_id));
    rows.sort((a, b) => refNumber(a.ref) - refNumber(b.ref) || (a.id < b.id ? -1 : 1));
    if (!rows.length) return [];
    const caseIds = new Set(rows.map((r) => r.id));
    const [steps, notes, appeals] = await Promise.all([
      this.db.selectFrom('urgent_steps').selectAll().orderBy('case_id').orderBy('ordinal').execute(),
      this.db.selectFrom('urgent_notes').selectAll().orderBy('case_id').orderBy('at').orderBy('id').execute(),
      this.db.selectFrom('appeals').selectAll().orderBy('case_id').orderBy('created_at').orderBy('id').execute(),
    ]);
    const keys = await this.keysOf(rows.map((r) => r.incident_id));
    const stepsOf = groupBy(steps.filter((s) => caseIds.has(s.case_id)), (s) => s.case_id);
    const notesOf = groupBy(notes.filter((s) => caseIds.has(s.case_id)), (s) => s.case_id);
    const appealsOf = groupBy(appeals.filter((s) => caseIds.has(s.case_id)), (s) => s.case_id);
    return rows.map((c) => {
      const inc = c.incident_id;
      const dk = keys.get(record(inc));
      const open = (table: string, row: string, column: string, v: string | null) => this.sealer.open(dk, slot(inc, table, row, column), v) ?? null;
      return {
        id: c.id, incidentId: inc, kind: c.kind, ownerId: c.owner_id, status: c.status, openedAt: c.opened_at, openedBy: c.opened_by,
        closedAt: c.closed_at, outcome: c.outcome, closingNote: open('urgent_cases', c.id, 'closing_note', c.closing_note), updatedAt: c.updated_at, version: Number(c.version),
        steps: (stepsOf.get(c.id) ?? []).map((s) => ({
          id: s.id, code: s.code, label: open('urgent_steps', s.id, 'label', s.label), dueAt: s.due_at, doneAt: s.done_at, doneBy: s.done_by, note: open('urgent_steps', s.id, 'note', s.note),
        })),
        notes: (notesOf.get(c.id) ?? []).map((n) => ({ id: n.id, at: n.at, userId: n.user_id, body: open('urgent_notes', n.id, 'body', n.body)! })),
        appeals: (appealsOf.get(c.id) ?? []).map((a) => ({
          id: a.id, body: a.body_code, lang: a.lang, letter: JSON.parse(open('appeals', a.id, 'letter', a.letter)!) as AppealRecord['letter'],
          createdAt: a.created_at, createdBy: a.created_by, updatedAt: a.updated_at, version: Number(a.version),
          sentAt: a.sent_at, sentHow: a.sent_how, answeredAt: a.answered_at, answerHow: a.answer_how, answerNote: open('appeals', a.id, 'answer_note', a.answer_note),
        })),
      };
    });
  }

  /** Every campaign of the given incidents, oldest first, sealed values opened. */
  async campaigns(incidentIds: Set<string>): Promise<CampaignRecord[]> {
    const rows = (await this.db.selectFrom('campaigns').selectAll().orderBy('created_at').orderBy('id').execute()).filter((r) => incidentIds.has(r.incident_id));
    if (!rows.length) return [];
    const ids = new Set(rows.map((r) => r.id));
    const actions = groupBy((await this.db.selectFrom('campaign_actions').selectAll().orderBy('campaign_id').orderBy('ordinal').execute()).filter((a) => ids.has(a.campaign_id)), (a) => a.campaign_id);
    const keys = await this.keysOf(rows.map((r) => r.incident_id));
    return rows.map((c) => {
      const dk = keys.get(record(c.incident_id));
      return {
        id: c.id, incidentId: c.incident_id, caseId: c.case_id, title: this.sealer.open(dk, slot(c.incident_id, 'campaigns', c.id, 'title'), c.title)!,
        started: c.started, ended: c.ended, outcome: c.outcome,
        actions: (actions.get(c.id) ?? []).map((a) => ({ date: a.date, kind: a.kind, description: this.sealer.open(dk, slot(c.incident_id, 'campaign_actions', a.id, 'description'), a.description) ?? null })),
        createdAt: c.created_at, createdBy: c.created_by, updatedAt: c.updated_at, version: Number(c.version),
      };
    });
  }

  /** Writes one case with its steps, notes and appeals as given, numbered `ref`. */
  async writeCase(c: CaseRecord, ref: string): Promise<void> {
    const inc = c.incidentId;
    const dk = await this.sealer.dataKey(record(inc), true);
    const seal = (table: string, row: string, column: string, v: string | null) => this.sealer.seal(dk, slot(inc, table, row, column), v);
    await this.db.insertInto('urgent_cases').values({
      id: c.id, incident_id: inc, ref, kind: c.kind, owner_id: c.ownerId, status: c.status, opened_at: c.openedAt, opened_by: c.openedBy,
      closed_at: c.closedAt, outcome: c.outcome, closing_note: seal('urgent_cases', c.id, 'closing_note', c.closingNote), updated_at: c.updatedAt, version: c.version,
    }).execute();
    if (c.steps.length) {
      await this.db.insertInto('urgent_steps').values(c.steps.map((s, i) => ({
        id: s.id, case_id: c.id, ordinal: i, code: s.code, label: seal('urgent_steps', s.id, 'label', s.label), due_at: s.dueAt, done_at: s.doneAt, done_by: s.doneBy,
        note: seal('urgent_steps', s.id, 'note', s.note),
      }))).execute();
    }
    for (const n of c.notes) {
      await this.db.insertInto('urgent_notes').values({ id: n.id, case_id: c.id, at: n.at, user_id: n.userId, body: seal('urgent_notes', n.id, 'body', n.body)! }).execute();
    }
    for (const a of c.appeals) {
      await this.db.insertInto('appeals').values({
        id: a.id, case_id: c.id, body_code: a.body, lang: a.lang, letter: seal('appeals', a.id, 'letter', JSON.stringify(a.letter))!,
        created_at: a.createdAt, created_by: a.createdBy, updated_at: a.updatedAt, version: a.version,
        sent_at: a.sentAt, sent_how: a.sentHow, answered_at: a.answeredAt, answer_how: a.answerHow, answer_note: seal('appeals', a.id, 'answer_note', a.answerNote),
      }).execute();
    }
  }

  /** Writes one campaign and its actions as given (actions get fresh ids, as on every save in the app). */
  async writeCampaign(c: CampaignRecord): Promise<void> {
    const inc = c.incidentId;
    const dk = await this.sealer.dataKey(record(inc), true);
    await this.db.insertInto('campaigns').values({
      id: c.id, incident_id: inc, case_id: c.caseId, title: this.sealer.seal(dk, slot(inc, 'campaigns', c.id, 'title'), c.title)!,
      started: c.started, ended: c.ended, outcome: c.outcome, created_at: c.createdAt, created_by: c.createdBy, updated_at: c.updatedAt, version: c.version,
    }).execute();
    if (!c.actions.length) return;
    await this.db.insertInto('campaign_actions').values(c.actions.map((a, i) => {
      const id = newId();
      return { id, campaign_id: c.id, ordinal: i, date: a.date, kind: a.kind, description: this.sealer.seal(dk, slot(inc, 'campaign_actions', id, 'description'), a.description) };
    })).execute();
  }
}
