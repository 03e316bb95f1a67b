/**
 * Marks of the day (ADR 0024): per leg and passenger, what the driver or escort saw. A leg whose
 * deadline (`mark_by`) passes with a passenger still pending or only picked up raises one alert to
 * the run's coordinator (no names in it); a passenger marked missed raises one at once.
 */
import { z } from 'zod';
import { uuid } from '../text.js';

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


/** One tap: a passenger's mark on a leg. */
export const markInputSchema = z.object({ legId: uuid, personId: uuid, mark: z.enum(SETTABLE_MARKS) }).strict();
export type MarkInput = z.input<typeof markInputSchema>;
