/**
 * The words of the accompaniment pages: needs, age groups, family roles, languages of reminders,
 * hearing kinds, outcomes, documents and attendance in the reader's language; place names; the
 * zone line under a time ("Hora de Corte de inmigración de San Diego (PDT, UTC−7)"); the problems
 * the server gives about people and hearings, worded from their code, on the field they are about.
 * The fixed lists are copied from src/domain/accompaniment (whose modules carry zod); words.test.ts
 * checks they stay the same.
 */
import { lang, t } from '../../../i18n/i18n';
import type { AccPlace, AgeGroup, Attendance, FamilyRole, Need, ReminderLang } from './api';
import { checkWall, offsetText, zoneAbbr, atZone } from './time';

export const NEEDS = ['medical', 'pregnancy', 'disability', 'wheelchair', 'interpreter', 'infant', 'unaccompanied_minor', 'mental_health', 'dietary'] as const;
export const AGE_GROUPS = ['child', 'adult', 'unknown'] as const;
export const FAMILY_ROLES = ['head', 'partner', 'child', 'parent', 'sibling', 'relative', 'other'] as const;
export const REMINDER_LANGS = ['es', 'en', 'fr', 'ht', 'pt'] as const;
export const HEARING_KINDS = ['master_calendar', 'individual_merits', 'bond', 'non_refoulement_interview', 'credible_fear_review', 'status_check', 'other'] as const;
export const HEARING_OUTCOMES = [
  'continued', 'relief_granted', 'asylum_granted', 'withholding_granted', 'removal_ordered', 'removal_in_absentia',
  'voluntary_departure', 'case_terminated', 'case_dismissed', 'transferred_to_us_custody', 'returned_to_mexico', 'other',
] as const;
export const DOCUMENTS = ['hearing_notice', 'passport', 'identity_document', 'asylum_application', 'evidence_packet', 'translations', 'medical_records', 'change_of_address'] as const;
export const ATTENDANCE = ['expected', 'presented', 'missed', 'excused'] as const;
export const IDENTITY_FIELDS = ['names', 'caseNumbers', 'registrationNumbers', 'dateOfBirth', 'phones', 'messaging', 'documents'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

const NEED = {
  medical: 'acc.need.medical',
  pregnancy: 'acc.need.pregnancy',
  disability: 'acc.need.disability',
  wheelchair: 'acc.need.wheelchair',
  interpreter: 'acc.need.interpreter',
  infant: 'acc.need.infant',
  unaccompanied_minor: 'acc.need.unaccompanied_minor',
  mental_health: 'acc.need.mental_health',
  dietary: 'acc.need.dietary',
} as const;
const AGE = { child: 'acc.age.child', adult: 'acc.age.adult', unknown: 'acc.age.unknown' } as const;
const ROLE = {
  head: 'acc.role.head',
  partner: 'acc.role.partner',
  child: 'acc.role.child',
  parent: 'acc.role.parent',
  sibling: 'acc.role.sibling',
  relative: 'acc.role.relative',
  other: 'acc.role.other',
} as const;
const RLANG = { es: 'acc.rlang.es', en: 'acc.rlang.en', fr: 'acc.rlang.fr', ht: 'acc.rlang.ht', pt: 'acc.rlang.pt' } as const;
const KIND = {
  master_calendar: 'acc.hkind.master_calendar',
  individual_merits: 'acc.hkind.individual_merits',
  bond: 'acc.hkind.bond',
  non_refoulement_interview: 'acc.hkind.non_refoulement_interview',
  credible_fear_review: 'acc.hkind.credible_fear_review',
  status_check: 'acc.hkind.status_check',
  other: 'acc.hkind.other',
} as const;
const OUTCOME = {
  continued: 'acc.outcome.continued',
  relief_granted: 'acc.outcome.relief_granted',
  asylum_granted: 'acc.outcome.asylum_granted',
  withholding_granted: 'acc.outcome.withholding_granted',
  removal_ordered: 'acc.outcome.removal_ordered',
  removal_in_absentia: 'acc.outcome.removal_in_absentia',
  voluntary_departure: 'acc.outcome.voluntary_departure',
  case_terminated: 'acc.outcome.case_terminated',
  case_dismissed: 'acc.outcome.case_dismissed',
  transferred_to_us_custody: 'acc.outcome.transferred_to_us_custody',
  returned_to_mexico: 'acc.outcome.returned_to_mexico',
  other: 'acc.outcome.other',
} as const;
const DOC = {
  hearing_notice: 'acc.doc.hearing_notice',
  passport: 'acc.doc.passport',
  identity_document: 'acc.doc.identity_document',
  asylum_application: 'acc.doc.asylum_application',
  evidence_packet: 'acc.doc.evidence_packet',
  translations: 'acc.doc.translations',
  medical_records: 'acc.doc.medical_records',
  change_of_address: 'acc.doc.change_of_address',
} as const;
const ATT = { expected: 'acc.att.expected', presented: 'acc.att.presented', missed: 'acc.att.missed', excused: 'acc.att.excused' } as const;
const HSTATUS = { scheduled: 'acc.hstatus.scheduled', held: 'acc.hstatus.held', cancelled: 'acc.hstatus.cancelled' } as const;
const IDENT = {
  names: 'acc.ident.names',
  caseNumbers: 'acc.ident.caseNumbers',
  registrationNumbers: 'acc.ident.registrationNumbers',
  dateOfBirth: 'acc.ident.dateOfBirth',
  phones: 'acc.ident.phones',
  messaging: 'acc.ident.messaging',
  documents: 'acc.ident.documents',
} as const;

const CHANNEL = { webhook: 'acc.channel.webhook', print: 'acc.channel.print' } as const;
const SEND = { sent: 'acc.send.sent', failed: 'acc.send.failed', printed: 'acc.send.printed', skipped: 'acc.send.skipped', no_phone: 'acc.send.no_phone' } as const;

/** every key named above, for the catalogue test */
export const ACC_WORD_KEYS = { NEED, AGE, ROLE, RLANG, KIND, OUTCOME, DOC, ATT, HSTATUS, IDENT, CHANNEL, SEND };

const pick = <K extends string>(table: Record<K, Parameters<typeof t>[0]>, k: string | null | undefined): string => (k && k in table ? t(table[k as K]) : (k ?? ''));
export const needName = (n: Need) => pick(NEED, n);
export const ageName = (a: AgeGroup) => pick(AGE, a);
export const roleName = (r: FamilyRole | null) => pick(ROLE, r);
export const reminderLangName = (l: ReminderLang | string) => pick(RLANG, l);
export const kindName = (k: string) => pick(KIND, k);
export const outcomeName = (o: string | null) => pick(OUTCOME, o);
export const documentName = (d: string) => pick(DOC, d);
export const attendanceName = (a: Attendance | string) => pick(ATT, a);
export const hearingStatusName = (s: string) => pick(HSTATUS, s);
export const channelName = (c: string) => pick(CHANNEL, c);
export const sendStatusName = (s: string) => pick(SEND, s);
export const identityFieldName = (f: IdentityField | string) => pick(IDENT, f);

/** A place's name in the reader's language; its code when it is not in the list. */
export function placeName(places: AccPlace[] | null | undefined, code: string | null | undefined): string {
  if (!code) return '';
  const p = places?.find((x) => x.code === code);
  return p ? (lang() === 'es' ? p.es : p.en) : code;
}

/** The zone's abbreviation and offset at a wall time on its date; both of them when the clocks pass it twice. */
export function zoneParts(zone: string, local: string): { abbr: string; offset: string; later?: { abbr: string; offset: string } } {
  const c = checkWall(local, zone);
  const part = (ms: number) => ({ abbr: zoneAbbr(ms, zone), offset: offsetText(ms, zone) });
  if (c.kind === 'ok') return part(c.instant);
  if (c.kind === 'ambiguous') return { ...part(c.earlier), later: part(c.later) };
  // skipped or not yet a full time: the zone at noon that day (or today)
  const day = /^\d{4}-\d{2}-\d{2}/.test(local) ? local.slice(0, 10) : new Date().toISOString().slice(0, 10);
  const noon = Date.parse(`${day}T12:00:00Z`);
  return part(Number.isNaN(noon) ? Date.now() : noon);
}

/** The line under a typed time: "Hora local de Garita de San Ysidro (PDT, UTC−7)" on that date. */
export function zoneLine(place: AccPlace | undefined, local: string): string {
  if (!place) return '';
  const z = zoneParts(place.zone, local);
  const name = lang() === 'es' ? place.es : place.en;
  if (z.later) return t('acc.zone.lineTwo', { place: name, first: `${z.abbr}, ${z.offset}`, second: `${z.later.abbr}, ${z.later.offset}` });
  return t('acc.zone.line', { place: name, abbr: z.abbr, offset: z.offset });
}

/** One of the two instants a doubled wall time names, for the choice: "1:30 PDT (UTC−7), la primera vez". */
export function foldChoice(ms: number, zone: string, which: 'earlier' | 'later'): string {
  const when = atZone(ms, zone, lang());
  return which === 'earlier' ? t('acc.fold.earlier', { when, offset: offsetText(ms, zone) }) : t('acc.fold.later', { when, offset: offsetText(ms, zone) });
}

/** The words of a problem code only the accompaniment server gives; null for the codes every form words. */
export function accProblemKey(code: string | undefined) {
  switch (code) {
    case 'nonexistent_local_time': return 'acc.problem.nonexistent' as const;
    case 'ambiguous_local_time': return 'acc.problem.ambiguous' as const;
    case 'family_twice': return 'acc.problem.familyTwice' as const;
    case 'present_pair': return 'acc.problem.presentPair' as const;
    case 'bad_local_time': return 'acc.problem.badLocal' as const;
    case 'unknown_place':
    case 'unknown_court': return 'acc.problem.unknownPlace' as const;
    case 'unknown_person':
    case 'no_such_person': return 'acc.problem.unknownPerson' as const;
    case 'no_such_family': return 'acc.problem.noSuchFamily' as const;
    case 'not_an_organisation': return 'acc.problem.notAnOrganisation' as const;
    case 'not_summoned': return 'acc.problem.notSummoned' as const;
    case 'duplicate_person': return 'acc.problem.duplicatePerson' as const;
    case 'already_recorded': return 'acc.problem.alreadyRecorded' as const;
    case 'ambiguous_date': return 'acc.problem.ambiguousDate' as const;
    case 'bad_date': return 'acc.problem.badDate' as const;
    case 'bad_time': return 'acc.problem.badTime' as const;
    case 'missing_column': return 'acc.problem.missingColumn' as const;
    case 'format_mismatch': return 'acc.problem.formatMismatch' as const;
    case 'file_too_large': return 'acc.problem.fileTooLarge' as const;
    default: return null;
  }
}

/**
 * The form field a server problem belongs to: list fields are one input, so "languages[2]" and
 * "identity.phones[0]" land on "languages" and "identity.phones".
 */
export function fieldPath(path: string): string {
  return path.replace(/(\[\d+\]|\.\d+)$/, '');
}

/** "es, quc" → ['es', 'quc'] (lower case, no repeats). */
export function parseLanguages(text: string): string[] {
  const out: string[] = [];
  for (const x of text.split(/[\s,;]+/)) {
    const v = x.trim().toLowerCase();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** One value a line: blank lines dropped, spaces trimmed. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);
}
