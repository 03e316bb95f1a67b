/**
 * A hearing (ADR 0024): a court, the instant it starts and the court's zone, its kind, where and
 * when the people summoned must present themselves (often a port of entry before dawn, in another
 * zone than the court's), the representative (sealed), the documents to bring, the outcome and the
 * next hearing. Times are sent as the wall time the notice shows at its place ('2027-03-14T04:00')
 * and kept as instants; a time the clocks skip or pass twice is refused with the choices.
 */
import { z } from 'zod';
import { line, text, uuid } from '../text.js';
import { placeOf } from './places.js';
import { toInstant, type Resolved } from './time.js';

export const HEARING_REF = 'HRG';
export const hearingRef = (n: number) => `${HEARING_REF}-${String(n).padStart(4, '0')}`;

export const HEARING_KINDS = ['master_calendar', 'individual_merits', 'bond', 'non_refoulement_interview', 'credible_fear_review', 'status_check', 'other'] as const;
export const HEARING_OUTCOMES = [
  'continued', 'relief_granted', 'asylum_granted', 'withholding_granted', 'removal_ordered', 'removal_in_absentia',
  'voluntary_departure', 'case_terminated', 'case_dismissed', 'transferred_to_us_custody', 'returned_to_mexico', 'other',
] as const;
export type HearingOutcome = (typeof HEARING_OUTCOMES)[number];
export const DOCUMENTS = ['hearing_notice', 'passport', 'identity_document', 'asylum_application', 'evidence_packet', 'translations', 'medical_records', 'change_of_address'] as const;
export const ATTENDANCE = ['expected', 'presented', 'missed', 'excused'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** 'YYYY-MM-DDTHH:mm' as the notice shows it at its place */
export const localTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'must be a date and time (YYYY-MM-DDTHH:mm)' });
/** which of two instants a wall time names on the night the clocks go back */
export const foldSchema = z.enum(['earlier', 'later']);

export const hearingInputSchema = z
  .object({
    /** a court code from the places list */
    court: z.string().max(60),
    startsLocal: localTimeSchema,
    startsFold: foldSchema.optional(),
    kind: z.enum(HEARING_KINDS),
    /** where to present oneself: a place code (a port of entry …) */
    presentPlace: z.string().max(60).nullable().optional(),
    presentLocal: localTimeSchema.nullable().optional(),
    presentFold: foldSchema.optional(),
    /** sealed */
    representative: line(200).optional(),
    documents: z.array(z.enum(DOCUMENTS)).max(DOCUMENTS.length).default([]),
    /** sealed */
    notes: text(5000).optional(),
    /** the people summoned (at least one) */
    people: z.array(uuid).min(1, { message: 'name at least one person' }).max(30),
  })
  .strict()
  .refine((x) => (x.presentPlace ? !!x.presentLocal : !x.presentLocal), { path: ['presentLocal'], message: 'a place to present oneself needs its time, and a time its place', params: { code: 'present_pair' } });
export type HearingInput = z.input<typeof hearingInputSchema>;

export const hearingOutcomeSchema = z
  .object({
    status: z.enum(['held', 'cancelled']),
    outcome: z.enum(HEARING_OUTCOMES).nullable().optional(),
    /** attendance per person summoned */
    attendance: z.record(uuid, z.enum(ATTENDANCE)).optional(),
    /** the next hearing, recorded at the same time */
    next: hearingInputSchema.optional(),
  })
  .strict();

/** What PUT /hearings/:id takes: a hearing and the version it was read at. */
export const hearingUpdateSchema = hearingInputSchema.safeExtend({ version: z.number().int().min(1) });
/** What POST /hearings/:id/outcome takes. */
export const hearingOutcomeRequestSchema = hearingOutcomeSchema.safeExtend({ version: z.number().int().min(1) });
export const hearingSearchSchema = z
  .object({
    from: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }),
    to: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }),
    status: z.enum(['scheduled', 'held', 'cancelled']).optional(),
    personId: uuid.optional(),
  })
  .strict();
/** days a hearing search may cover at most */
export const HEARING_SEARCH_DAYS = 92;

export interface HearingPersonView { id: string; ref: string; pseudonym: string; attendance: Attendance }
export interface HearingSummary {
  id: string; ref: string; court: string; courtZone: string; startsAt: string; startsLocal: string; kind: string;
  presentPlace: string | null; presentZone: string | null; presentAt: string | null; presentLocal: string | null;
  status: 'scheduled' | 'held' | 'cancelled'; outcome: string | null; people: HearingPersonView[];
}
export interface HearingView extends HearingSummary {
  documents: string[]; hasRepresentative: boolean; hasNotes: boolean; nextHearing: HearingSummary | null;
  previousHearing: { id: string; ref: string } | null; version: number; createdAt: string; updatedAt: string;
}

/** A problem with one field, as the services report them (the same shape as incident field problems). */
export interface TimeProblem { path: string; message: string; code: string; params?: Record<string, string | number> }

export interface HearingTimes { court: string; zone: string; startsAt: string; presentPlace: string | null; presentZone: string | null; presentAt: string | null }

/** The problem a wall time that does not resolve gives, on `path`. */
export function localTimeProblem(path: string, r: Exclude<Resolved, { ok: true }>): TimeProblem {
  switch (r.code) {
    case 'nonexistent_local_time': return { path, code: r.code, message: 'the clocks skip this time that day (they go forward): give another time' };
    case 'ambiguous_local_time': return { path, code: r.code, message: `the clocks pass this time twice that day: say which (earlier ${r.earlier}, later ${r.later})`, params: { earlier: r.earlier, later: r.later } };
    case 'bad_zone': return { path, code: 'unknown_place', message: 'the place has no known time zone' };
    default: return { path, code: 'bad_local_time', message: 'must be a real date and time (YYYY-MM-DDTHH:mm)' };
  }
}

/**
 * The instants a hearing's wall times name: the start at the court's zone, the presentation at
 * its place's zone. Unknown places and wall times the clocks skip or pass twice are problems on
 * their field (under `prefix`, e.g. 'next.').
 */
export function resolveHearingTimes(
  input: { court: string; startsLocal: string; startsFold?: 'earlier' | 'later' | undefined; presentPlace?: string | null | undefined; presentLocal?: string | null | undefined; presentFold?: 'earlier' | 'later' | undefined },
  prefix = '',
): { ok: true; times: HearingTimes } | { ok: false; problems: TimeProblem[] } {
  const problems: TimeProblem[] = [];
  const court = placeOf(input.court);
  let startsAt: string | undefined;
  if (!court || court.kind !== 'court') problems.push({ path: `${prefix}court`, code: 'unknown_place', message: 'is not a court in the places list' });
  else {
    const r = toInstant(input.startsLocal, court.zone, input.startsFold);
    if (r.ok) startsAt = r.instant;
    else problems.push(localTimeProblem(`${prefix}startsLocal`, r));
  }
  let presentAt: string | null = null;
  let presentZone: string | null = null;
  if (input.presentPlace) {
    const place = placeOf(input.presentPlace);
    if (!place) problems.push({ path: `${prefix}presentPlace`, code: 'unknown_place', message: 'is not a place in the places list' });
    else if (input.presentLocal) {
      presentZone = place.zone;
      const r = toInstant(input.presentLocal, place.zone, input.presentFold);
      if (r.ok) presentAt = r.instant;
      else problems.push(localTimeProblem(`${prefix}presentLocal`, r));
    }
  }
  if (problems.length || !court || !startsAt) return { ok: false, problems };
  return { ok: true, times: { court: court.code, zone: court.zone, startsAt, presentPlace: input.presentPlace ?? null, presentZone, presentAt } };
}
