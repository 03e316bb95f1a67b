/**
 * A hearing (ADR 0024): a court, the instant it starts and the court's zone, its kind, where and
 * when the people summoned must present themselves (often a port of entry before dawn, in another
 * zone than the court's), the representative (sealed), the documents to bring, the outcome and the
 * next hearing. Times are sent as the wall time the notice shows at its place ('2027-03-14T04:00')
 * and kept as instants; a time the clocks skip or pass twice is refused with the choices.
 */
import { z } from 'zod';
import { line, text, uuid } from '../text.js';

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
