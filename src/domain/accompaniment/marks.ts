/**
 * Marks of the day (ADR 0024): per leg and passenger, what the driver or escort saw. A leg whose
 * deadline (`mark_by`) passes with a passenger still pending or only picked up raises one alert to
 * the run's coordinator (no names in it); a passenger marked missed raises one at once.
 */
import { z } from 'zod';
import { uuid } from '../text.js';
import { instant } from '../checkin/plan.js';

export const MARKS = ['pending', 'picked_up', 'arrived', 'presented', 'returned', 'missed'] as const;
export type Mark = (typeof MARKS)[number];
/** the marks a tap can set (pending only by correcting a mistake) */
export const SETTABLE_MARKS = ['picked_up', 'arrived', 'presented', 'returned', 'missed', 'pending'] as const;
/** marks that settle a leg for its deadline */
export const SETTLED: ReadonlySet<Mark> = new Set(['arrived', 'presented', 'returned', 'missed']);

export function isSettled(m: Mark): boolean {
  return SETTLED.has(m);
}

/** The legs whose deadline passed at `now` with someone unsettled. */
export function overdueLeg(markBy: string, marks: readonly Mark[], now: string): boolean {
  return Date.parse(markBy) <= Date.parse(now) && marks.some((m) => !isSettled(m));
}


/** how far behind the server's clock a tap's own time may be (a phone that kept taps while it had no signal) */
export const TAP_MAX_DELAY_MS = 12 * 60 * 60_000;
/** how far ahead of the server's clock a phone's clock may be */
export const TAP_CLOCK_SLACK_MS = 5 * 60_000;

/**
 * One tap: a passenger's mark on a leg, and optionally when it was made (a tap the phone kept while
 * it had no signal and sends later; without it the mark takes the server's time).
 */
export const markInputSchema = z.object({ legId: uuid, personId: uuid, mark: z.enum(SETTABLE_MARKS), at: instant.optional() }).strict();

/** The time a tap's mark takes: its own when it has one within the bounds, else a problem on `at`. */
export function tapTime(at: string | undefined, now: string): { at: string } | { problem: { path: string; code: string; message: string } } {
  if (at === undefined) return { at: now };
  const delta = Date.parse(now) - Date.parse(at);
  if (delta < -TAP_CLOCK_SLACK_MS) return { problem: { path: 'at', code: 'tap_in_future', message: 'must not be later than now' } };
  if (delta > TAP_MAX_DELAY_MS) return { problem: { path: 'at', code: 'tap_too_old', message: 'must be within the last 12 hours' } };
  return { at };
}
export type MarkInput = z.input<typeof markInputSchema>;
