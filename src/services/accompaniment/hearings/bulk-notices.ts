/**
 * Hearings from a spreadsheet of notices (ADR 0024): one row per person and hearing, read with the
 * import feature's table readers (encoding and delimiter detected, XLSX by content). Columns by
 * name, English or Spanish (notice-row.ts). A person by reference or by the organisation's exact
 * pseudonym (two people with it: a problem); a court by code or name; dates as notices write them
 * (an order-ambiguous date is a problem unless `dateOrder` says); times as typed. Rows for the same
 * person, court and instant are one hearing; rows of several people with the same court, instant
 * and kind become one hearing with all of them summoned (a family's case). Every problem names its
 * line and column; a dry run writes nothing; a commit writes every hearing or none, in one
 * transaction. At most 2,000 rows and 5 MB.
 */
import { z } from 'zod';
import type { ServiceContext } from '../../context.js';
import { parseInput } from '../../validate.js';
import { invalid, ServiceError } from '../../errors.js';
import { readTable } from '../../import/read-table.js';
import { isTableFileError, type TableResult } from '../../import/table.js';
import { DOCUMENTS, HEARING_KINDS, hearingRef, localTimeProblem, type HearingSummary } from '../../../domain/accompaniment/hearing.js';
import { PLACES, type AccompanimentPlace } from '../../../domain/accompaniment/places.js';
import { toInstant } from '../../../domain/accompaniment/time.js';
import { codeList, noticeColumnOf, parseNoticeDate, parseNoticeTime, REQUIRED_NOTICE_COLUMNS, type NoticeColumn } from '../../../domain/accompaniment/notice-row.js';
import type { PersonRecord } from '../../../store/repositories/accompaniment-repository.js';
import { newId } from '../../../crypto/random.js';
import { requireAccompaniment } from '../org-scope.js';
import { withRetry } from '../people/save-person.js';
import { fold } from '../people/read-people.js';
import { hearingSummaries } from './hearing-view.js';

export const BULK_MAX_ROWS = 2_000;
export const BULK_MAX_BYTES = 5 * 1024 * 1024;

export const bulkHearingsSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    /** the file, base64 */
    content: z.string().min(1, { message: 'is required' }).max(Math.ceil((BULK_MAX_BYTES * 4) / 3) + 16, { message: 'is too large: the limit is 5 MB' }),
    dryRun: z.boolean(),
    /** how to read dates like 03/04/2027: day first (Mexico) or month first (US notices) */
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
  })
  .strict();
export type BulkHearingsInput = z.infer<typeof bulkHearingsSchema>;

export interface BulkProblem { line: number; column: string; code: string; message: string }
export interface BulkResult { rows: number; problems: BulkProblem[]; created: HearingSummary[] }

interface Planned {
  line: number; court: AccompanimentPlace; startsAt: string; kind: string; presentPlace: AccompanimentPlace | null; presentAt: string | null;
  documents: Set<string>; people: Map<string, number>;
}

const KIND_ALIASES: Record<string, string> = {
  master: 'master_calendar', master_calendar_hearing: 'master_calendar', audiencia_maestra: 'master_calendar', calendario_maestro: 'master_calendar',
  individual: 'individual_merits', merits: 'individual_merits', audiencia_individual: 'individual_merits', fondo: 'individual_merits',
  fianza: 'bond', entrevista: 'non_refoulement_interview', entrevista_de_no_devolucion: 'non_refoulement_interview', no_devolucion: 'non_refoulement_interview',
  miedo_creible: 'credible_fear_review', credible_fear: 'credible_fear_review', seguimiento: 'status_check', status: 'status_check', otra: 'other', otro: 'other',
};
const codeKey = (s: string) => fold(s).replace(/[\s\-./]+/g, '_');

function kindOf(cell: string): string | undefined {
  const k = codeKey(cell);
  return (HEARING_KINDS as readonly string[]).includes(k) ? k : KIND_ALIASES[k];
}

function placeByName(cell: string, courtsOnly: boolean): AccompanimentPlace | undefined {
  const k = fold(cell);
  if (!k) return undefined;
  return PLACES.find((p) => (!courtsOnly || p.kind === 'court') && (p.code === k || fold(p.es) === k || fold(p.en) === k));
}

function decode(content: string): Buffer {
  const s = content.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) throw invalid([{ path: 'content', message: 'must be the file in base64', code: 'bad_base64' }]);
  const bytes = Buffer.from(s, 'base64');
  if (bytes.length > BULK_MAX_BYTES) throw new ServiceError(413, 'file_too_large', 'content: the file is too large: the limit is 5 MB', [{ path: 'content', message: 'the file is too large: the limit is 5 MB', code: 'file_too_large' }]);
  return bytes;
}

async function readNotices(bytes: Buffer): Promise<TableResult> {
  try {
    return await readTable({ bytes }, { maxRows: BULK_MAX_ROWS, maxBytes: BULK_MAX_BYTES, maxCellBytes: 4096, maxProblems: 500 });
  } catch (e) {
    // the whole-file errors name the field 'file'; here the file is the field 'content'
    if (isTableFileError(e)) throw new ServiceError(e.status, e.code, e.message.replace(/^file:/, 'content:'), (e.problems ?? []).map((p) => ({ ...p, path: 'content' })));
    throw e;
  }
}

/** Reads, checks and (unless a dry run or a problem) records the hearings of a spreadsheet of notices. */
export async function bulkHearings(ctx: ServiceContext, raw: unknown): Promise<BulkResult> {
  requireAccompaniment(ctx, true);
  const input = parseInput(bulkHearingsSchema, raw);
  const table = await readNotices(decode(input.content));
  if (table.format !== input.format) throw invalid([{ path: 'format', message: `the content is ${table.format.toUpperCase()}, not ${input.format.toUpperCase()}`, code: 'format_mismatch' }]);
  const problems: BulkProblem[] = table.problems.map((p) => ({ line: p.line, column: p.column ?? '', code: p.code, message: p.message }));

  const columns = new Map<NoticeColumn, { index: number; name: string }>();
  table.header.forEach((name, index) => {
    const col = noticeColumnOf(name);
    if (col && !columns.has(col)) columns.set(col, { index, name });
  });
  for (const col of REQUIRED_NOTICE_COLUMNS) {
    if (!columns.has(col)) problems.push({ line: table.headerLine, column: col, code: 'missing_column', message: `the header has no "${col}" column` });
  }
  if (problems.some((p) => p.code === 'missing_column')) return { rows: table.rows.length, problems, created: [] };

  const people = await ctx.store.accompaniment.peopleOf(ctx.user.orgId);
  const byRef = new Map(people.map((p) => [p.ref.toUpperCase(), p]));
  const byPseudonym = new Map<string, PersonRecord[]>();
  for (const p of people) byPseudonym.set(fold(p.pseudonym), [...(byPseudonym.get(fold(p.pseudonym)) ?? []), p]);

  const groups = new Map<string, Planned>();
  /** person + court + instant → the group key it went to */
  const seenPerson = new Map<string, { key: string; line: number }>();
  for (const row of table.rows) {
    const cell = (col: NoticeColumn) => {
      const c = columns.get(col);
      return c ? (row.cells[c.index] ?? '').trim() : '';
    };
    const colName = (col: NoticeColumn) => columns.get(col)?.name ?? col;
    const problem = (col: NoticeColumn, code: string, message: string) => problems.push({ line: row.line, column: colName(col), code, message });
    const before = problems.length;

    // the person
    const who = cell('person');
    let person: PersonRecord | undefined;
    if (!who) problem('person', 'required', 'is required');
    else {
      const ref = byRef.get(who.toUpperCase());
      const named = byPseudonym.get(fold(who)) ?? [];
      if (ref) person = ref;
      else if (named.length === 1) person = named[0];
      else if (named.length > 1) problem('person', 'ambiguous_person', `${named.length} people have this pseudonym: use the reference (${named.map((p) => p.ref).join(', ')})`);
      else problem('person', 'unknown_person', 'is not a reference or pseudonym of a person your organisation accompanies');
    }
    // the court and the start
    const court = placeByName(cell('court'), true);
    if (!cell('court')) problem('court', 'required', 'is required');
    else if (!court) problem('court', 'unknown_place', 'is not a court in the places list (a code or its name)');
    const date = cell('date') ? parseNoticeDate(cell('date'), input.dateOrder) : undefined;
    if (!date) problem('date', 'required', 'is required');
    else if (!date.ok) problem('date', date.code, date.code === 'ambiguous_date' ? 'could be read day first or month first: write it YYYY-MM-DD, or say the order (dateOrder)' : 'must be a date (YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY)');
    const time = cell('time') ? parseNoticeTime(cell('time')) : undefined;
    if (!time) problem('time', 'required', 'is required');
    else if (!time.ok) problem('time', 'bad_time', 'must be a time (08:30, 8:30 AM)');
    let startsAt: string | undefined;
    if (court && date?.ok && time?.ok) {
      const r = toInstant(`${date.date}T${time.time}`, court.zone);
      if (r.ok) startsAt = r.instant;
      else problem('time', r.code === 'ambiguous_local_time' ? r.code : r.code === 'nonexistent_local_time' ? r.code : 'bad_local_time', localTimeProblem('time', r).message);
    }
    const kind = cell('kind') ? kindOf(cell('kind')) : undefined;
    if (!cell('kind')) problem('kind', 'required', 'is required');
    else if (!kind) problem('kind', 'unknown_kind', `is not a kind of hearing (${HEARING_KINDS.join(', ')})`);
    // where and when to present oneself
    let presentPlace: AccompanimentPlace | null = null;
    let presentAt: string | null = null;
    const placeCell = cell('present_place');
    const presentTimeCell = cell('present_time');
    if (placeCell) {
      presentPlace = placeByName(placeCell, false) ?? null;
      if (!presentPlace) problem('present_place', 'unknown_place', 'is not a place in the places list (a code or its name)');
      if (!presentTimeCell) problem('present_time', 'present_pair', 'a place to present oneself needs its time');
      else {
        const pt = parseNoticeTime(presentTimeCell);
        const pd = cell('present_date') ? parseNoticeDate(cell('present_date'), input.dateOrder) : date;
        if (!pt.ok) problem('present_time', 'bad_time', 'must be a time (05:00, 5:00 AM)');
        if (pd && !pd.ok && cell('present_date')) problem('present_date', pd.code, 'must be a date (YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY)');
        if (presentPlace && pt.ok && pd?.ok) {
          const r = toInstant(`${pd.date}T${pt.time}`, presentPlace.zone);
          if (r.ok) presentAt = r.instant;
          else problem('present_time', r.code === 'bad_zone' ? 'bad_local_time' : r.code, localTimeProblem('present_time', r).message);
        }
      }
    } else if (presentTimeCell) problem('present_place', 'present_pair', 'a time to present oneself needs its place');
    // documents
    const documents = codeList(cell('documents')).map(codeKey);
    for (const d of documents) if (!(DOCUMENTS as readonly string[]).includes(d)) problem('documents', 'unknown_document', `"${d.slice(0, 60)}" is not a document code (${DOCUMENTS.join(', ')})`);

    if (problems.length > before || !person || !court || !startsAt || !kind) continue;
    const key = `${court.code}|${startsAt}|${kind}`;
    const personKey = `${person.id}|${court.code}|${startsAt}`;
    const earlier = seenPerson.get(personKey);
    if (earlier && earlier.key !== key) {
      problem('kind', 'conflicting_rows', `line ${earlier.line} gives this person another kind of hearing at the same court and time`);
      continue;
    }
    const g = groups.get(key);
    if (g) {
      if ((g.presentPlace?.code ?? null) !== (presentPlace?.code ?? null) || g.presentAt !== presentAt) {
        problem('present_time', 'conflicting_rows', `line ${g.line} gives this hearing another place or time to present oneself`);
        continue;
      }
      documents.forEach((d) => g.documents.add(d));
      if (!g.people.has(person.id)) g.people.set(person.id, row.line);
    } else {
      groups.set(key, { line: row.line, court, startsAt, kind, presentPlace, presentAt, documents: new Set(documents), people: new Map([[person.id, row.line]]) });
    }
    seenPerson.set(personKey, { key, line: row.line });
  }

  // hearings already recorded for a person at the same court and instant
  if (groups.size) {
    const starts = [...groups.values()].map((g) => g.startsAt).sort();
    const existing = await ctx.store.accompaniment.hearingsBetween(ctx.user.orgId, starts[0]!, new Date(Date.parse(starts[starts.length - 1]!) + 1).toISOString());
    const summoned = await ctx.store.accompaniment.summoned(existing.filter((h) => h.status !== 'cancelled').map((h) => h.id));
    const taken = new Map<string, string>();
    for (const h of existing) for (const s of summoned.get(h.id) ?? []) taken.set(`${s.personId}|${h.court}|${h.startsAt}`, h.ref);
    for (const g of groups.values()) {
      for (const [personId, line] of g.people) {
        const ref = taken.get(`${personId}|${g.court.code}|${g.startsAt}`);
        if (ref) problems.push({ line, column: columns.get('person')!.name, code: 'already_recorded', message: `this person's hearing at this court and time is recorded already (${ref})` });
      }
    }
  }

  problems.sort((a, b) => a.line - b.line);
  if (input.dryRun || problems.length) return { rows: table.rows.length, problems, created: [] };

  const now = ctx.now();
  const ids = await withRetry(ctx.store, async (tx) => {
    let seq = await tx.accompaniment.nextSequence('hearings');
    const made: string[] = [];
    for (const g of [...groups.values()].sort((a, b) => a.line - b.line)) {
      const id = newId();
      await tx.accompaniment.writeHearing({
        id, orgId: ctx.user.orgId, ref: hearingRef(seq++), court: g.court.code, zone: g.court.zone, startsAt: g.startsAt, kind: g.kind,
        presentPlace: g.presentPlace?.code ?? null, presentZone: g.presentPlace?.zone ?? null, presentAt: g.presentAt, documents: [...g.documents],
        representative: undefined, notes: undefined, at: now, by: ctx.user.id,
      });
      await tx.accompaniment.setSummoned(id, [...g.people.keys()]);
      made.push(id);
    }
    await tx.audit.addMany([
      ...made.map((id) => ({ at: now, userId: ctx.user.id, action: 'hearing.created', targetType: 'hearing', targetId: id, detail: { bulk: true } })),
      { at: now, userId: ctx.user.id, action: 'hearing.bulk', detail: { rows: table.rows.length, hearings: made.length } },
    ]);
    return made;
  });
  const created = await ctx.store.accompaniment.hearingsByIds(ids);
  return { rows: table.rows.length, problems: [], created: await hearingSummaries(ctx.store, [...created.values()]) };
}
