/**
 * A check-in plan (issue 6, ADR 0018): a defender about to take a risky trip (accompanying a
 * caravan, crossing the border, visiting a remote shelter) sets when they will check in — a first
 * deadline, optionally repeating every so many minutes until an end — how long a deadline may pass
 * before it counts as missed (the grace), and which accounts are told when it is missed. The
 * purpose is free text, sealed in the store; nothing of it goes into an alert.
 */
import { z } from 'zod';
import { text, uuid } from '../text.js';
import type { FieldProblem } from '../incident/check-codes.js';

export const EVERY_MINUTES_MIN = 15;
export const EVERY_MINUTES_MAX = 10_080; // a week
export const GRACE_MINUTES_MAX = 1_440; // a day
export const GRACE_MINUTES_DEFAULT = 30;
export const CONTACTS_MAX = 10;
export const PURPOSE_MAX = 300;
/** how far in the past a first deadline may be (the clock of a phone, the time to press "save") */
export const FIRST_DUE_SLACK_MS = 60_000;

/** A moment with its offset ("2026-05-01T14:05:00Z", "2026-05-01T08:05:00-06:00"), kept as UTC ISO. */
export const instant = z
  .string()
  .max(40)
  .pipe(z.iso.datetime({ offset: true, message: 'must be a date and time with its offset (ISO 8601)' }))
  .refine((s) => {
    const y = new Date(s).getUTCFullYear();
    return Number.isNaN(y) || (y >= 2000 && y <= 2199);
  }, { message: 'must be between the years 2000 and 2199', params: { code: 'date_year_range' } })
  .transform((s) => new Date(s).toISOString());

const minutes = (min: number, max: number) =>
  z.number().int({ message: 'must be a whole number of minutes' }).min(min, { message: `must be at least ${min} minutes` }).max(max, { message: `must be at most ${max} minutes` });

export const checkinPlanInputSchema = z
  .object({
    /** what the trip is (sealed; never in an alert) */
    purpose: text(PURPOSE_MAX).optional(),
    /** the first deadline */
    firstDueAt: instant,
    /** repeat: a deadline every so many minutes after the first */
    everyMinutes: minutes(EVERY_MINUTES_MIN, EVERY_MINUTES_MAX).optional(),
    /** no deadline after this moment */
    endsAt: instant.optional(),
    /** how long after a deadline the contacts are told */
    graceMinutes: minutes(0, GRACE_MINUTES_MAX).default(GRACE_MINUTES_DEFAULT),
    /** the accounts told when a deadline is missed (and of a duress check-in) */
    contacts: z.array(uuid).min(1, { message: 'name at least one contact' }).max(CONTACTS_MAX, { message: `name at most ${CONTACTS_MAX} contacts` }),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.endsAt !== undefined && p.endsAt <= p.firstDueAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the first deadline', params: { code: 'ends_before_first' } });
  });
export type CheckinPlanInput = z.input<typeof checkinPlanInputSchema>;
export type CheckinPlanDraft = z.output<typeof checkinPlanInputSchema>;

/** What depends on the clock: a first deadline already past (beyond a minute's slack) is refused. */
export function planTimeProblems(p: Pick<CheckinPlanDraft, 'firstDueAt'>, now: string): FieldProblem[] {
  return Date.parse(p.firstDueAt) < Date.parse(now) - FIRST_DUE_SLACK_MS ? [{ path: 'firstDueAt', message: 'is in the past', code: 'in_the_past' }] : [];
}

export const checkInInputSchema = z
  .object({
    /** optional: the duress code when forced, anything else (or nothing) is an ordinary check-in */
    code: z.string().max(200, { message: 'must have at most 200 characters' }).optional(),
  })
  .strict();
export type CheckInInput = z.input<typeof checkInInputSchema>;

/** A duress code as typed when setting it: trimmed and NFC (as it is digested), 4 to 32 characters. */
export const duressCodeText = z
  .string()
  .max(200, { message: 'must have at most 32 characters' })
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(4, { message: 'must have at least 4 characters' }).max(32, { message: 'must have at most 32 characters' }));

export const setDuressCodeSchema = z.object({ code: duressCodeText, password: z.string().max(200) }).strict();
export const removeDuressCodeSchema = z.object({ password: z.string().max(200) }).strict();
export type SetDuressCodeInput = z.input<typeof setDuressCodeSchema>;

export type CheckinStatus = 'active' | 'ended';

/** A plan as its owner reads it. Never whether a check-in was made under duress. */
export interface CheckinPlanView {
  id: string;
  ref: string;
  purpose?: string;
  firstDueAt: string;
  everyMinutes?: number;
  endsAt?: string;
  graceMinutes: number;
  /** the deadline now running (null once the plan has no deadline left) */
  nextDueAt: string | null;
  status: CheckinStatus;
  /** the running deadline passed its grace and the contacts were alerted */
  escalated: boolean;
  contacts: { id: string; displayName: string }[];
  /** recent check-ins, newest first: times only */
  last: { at: string }[];
}

/** The answer to a check-in: the same shape and the same values whatever code was typed. */
export interface CheckInAnswer {
  at: string;
  nextDueAt: string | null;
  status: CheckinStatus;
}

/** "CHK-0007": the plan's reference in alerts (nothing else of it leaves). */
export function checkinRef(sequence: number): string {
  return `CHK-${String(sequence).padStart(4, '0')}`;
}
