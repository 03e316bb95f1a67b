/**
 * Urgent appeals to protection bodies in SQL (migration 0011, ADR 0018). The letter — stored with
 * the record of what the draft was filled with and what was withheld — and the note on the answer
 * are sealed under the data key of the case's incident, each bound to its table, row and column, so
 * an appeal is as protected as its incident. Body, language, dates and channels stay plain for lists.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AppealTable, Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import type { AppealSummary, AppealView } from '../../domain/appeal/view.js';
import type { AnswerChannel, AppealLang, ProtectionBody, SendChannel } from '../../domain/appeal/bodies.js';
import type { IncludedItem, WithheldItem } from '../../domain/appeal/facts.js';

/** The case an appeal belongs to, as appeals need it: its incident (for need-to-know and the key), reference and status. */
export interface AppealCase { id: string; incidentId: string; ref: string; status: 'open' | 'closed' }

export interface NewAppeal {
  id: string;
  caseId: string;
  incidentId: string;
  body: ProtectionBody;
  lang: AppealLang;
  letter: string;
  included: IncludedItem[];
  withheld: WithheldItem[];
  createdAt: string;
  createdBy: string;
}

/** What the sealed `letter` column holds: the text, and what the draft was filled with. */
interface StoredLetter { text: string; included: IncludedItem[]; withheld: WithheldItem[] }

const slot = (incidentId: string, rowId: string, column: 'letter' | 'answer_note') => ({ record: recordName('incident', incidentId), table: 'appeals', row: rowId, column });

type Row = Selectable<AppealTable> & { author: string | null };

function summaryOf(r: Omit<Row, 'letter' | 'answer_note'>): AppealSummary {
  return {
    id: r.id, caseId: r.case_id, body: r.body_code as ProtectionBody, lang: r.lang as AppealLang, version: Number(r.version),
    createdAt: r.created_at, createdBy: r.author ?? '', updatedAt: r.updated_at,
    ...(r.sent_at ? { sentAt: r.sent_at } : {}), ...(r.sent_how ? { sentHow: r.sent_how as SendChannel } : {}),
    ...(r.answered_at ? { answeredAt: r.answered_at } : {}), ...(r.answer_how ? { answerHow: r.answer_how as AnswerChannel } : {}),
  };
}

const SUMMARY_COLUMNS = ['a.id', 'a.case_id', 'a.body_code', 'a.lang', 'a.version', 'a.created_at', 'a.created_by', 'a.updated_at', 'a.sent_at', 'a.sent_how', 'a.answered_at', 'a.answer_how'] as const;

export class AppealRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  /** The urgent case `caseId` (its incident, reference and status), or undefined. */
  async caseOf(caseId: string): Promise<AppealCase | undefined> {
    const r = await this.db.selectFrom('urgent_cases').select(['id', 'incident_id', 'ref', 'status']).where('id', '=', caseId).executeTakeFirst();
    return r ? { id: r.id, incidentId: r.incident_id, ref: r.ref, status: r.status } : undefined;
  }

  /** The case of appeal `id` (to check need-to-know before reading the appeal), or undefined. */
  async caseOfAppeal(id: string): Promise<AppealCase | undefined> {
    const r = await this.db
      .selectFrom('appeals as a')
      .innerJoin('urgent_cases as c', 'c.id', 'a.case_id')
      .select(['c.id', 'c.incident_id', 'c.ref', 'c.status'])
      .where('a.id', '=', id)
      .executeTakeFirst();
    return r ? { id: r.id, incidentId: r.incident_id, ref: r.ref, status: r.status } : undefined;
  }

  async add(a: NewAppeal): Promise<void> {
    const dk = await this.sealer.dataKey(recordName('incident', a.incidentId), true);
    const stored: StoredLetter = { text: a.letter, included: a.included, withheld: a.withheld };
    await this.db.insertInto('appeals').values({
      id: a.id, case_id: a.caseId, body_code: a.body, lang: a.lang, letter: this.sealer.seal(dk, slot(a.incidentId, a.id, 'letter'), JSON.stringify(stored))!,
      created_at: a.createdAt, created_by: a.createdBy, updated_at: a.createdAt, version: 1,
      sent_at: null, sent_how: null, answered_at: null, answer_how: null, answer_note: null,
    }).execute();
  }

  /** The appeals of a case, oldest first, without their letters or notes. */
  async listByCase(caseId: string): Promise<AppealSummary[]> {
    const rows = await this.db
      .selectFrom('appeals as a')
      .leftJoin('users as u', 'u.id', 'a.created_by')
      .select([...SUMMARY_COLUMNS, 'u.display_name as author'])
      .where('a.case_id', '=', caseId)
      .orderBy('a.created_at')
      .orderBy('a.id')
      .execute();
    return rows.map(summaryOf);
  }

  /** One appeal's metadata (no sealed value opened). */
  async summary(id: string): Promise<AppealSummary | undefined> {
    const r = await this.db.selectFrom('appeals as a').leftJoin('users as u', 'u.id', 'a.created_by').select([...SUMMARY_COLUMNS, 'u.display_name as author']).where('a.id', '=', id).executeTakeFirst();
    return r ? summaryOf(r) : undefined;
  }

  /** One appeal with its letter and the answer's note opened; `incidentId` is its case's incident. */
  async load(id: string, incidentId: string): Promise<AppealView | undefined> {
    const r = await this.db.selectFrom('appeals as a').leftJoin('users as u', 'u.id', 'a.created_by').selectAll('a').select('u.display_name as author').where('a.id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    const dk = await this.sealer.dataKey(recordName('incident', incidentId), false);
    const stored = JSON.parse(this.sealer.open(dk, slot(incidentId, id, 'letter'), r.letter)!) as StoredLetter;
    const note = this.sealer.open(dk, slot(incidentId, id, 'answer_note'), r.answer_note);
    return { ...summaryOf(r), letter: stored.text, included: stored.included, withheld: stored.withheld, ...(note !== undefined ? { answerNote: note } : {}) };
  }

  /** Replaces the letter when the stored version is `version`; false when it is not (someone saved meanwhile). */
  async updateLetter(id: string, incidentId: string, version: number, letter: string, at: string): Promise<boolean> {
    const current = await this.load(id, incidentId);
    if (!current || current.version !== version) return false;
    const dk = await this.sealer.dataKey(recordName('incident', incidentId), true);
    const stored: StoredLetter = { text: letter, included: current.included, withheld: current.withheld };
    const r = await this.db
      .updateTable('appeals')
      .set({ letter: this.sealer.seal(dk, slot(incidentId, id, 'letter'), JSON.stringify(stored))!, updated_at: at, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Records when and how the letter was sent; false when the stored version is not `version`. */
  async recordSent(id: string, version: number, sentAt: string, sentHow: SendChannel, at: string): Promise<boolean> {
    const r = await this.db
      .updateTable('appeals')
      .set({ sent_at: sentAt, sent_how: sentHow, updated_at: at, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Records when and how the body answered, with an optional note (sealed); false when the stored version is not `version`. */
  async recordAnswer(id: string, incidentId: string, version: number, answeredAt: string, answerHow: AnswerChannel, note: string | undefined, at: string): Promise<boolean> {
    const dk = await this.sealer.dataKey(recordName('incident', incidentId), true);
    const r = await this.db
      .updateTable('appeals')
      .set({ answered_at: answeredAt, answer_how: answerHow, answer_note: this.sealer.seal(dk, slot(incidentId, id, 'answer_note'), note ?? null), updated_at: at, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
