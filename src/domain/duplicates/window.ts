/**
 * Which incidents can be duplicates of one incident, or of a period's, by their dates alone — what
 * the SQL reads by the indexed first day (date_from). A match needs both spans to be a month or less
 * and no more than `windowDays` apart, so a candidate's span starts at most windowDays after the
 * incident's ends, and at most windowDays + MAX_SPAN_DAYS − 1 before its start.
 */
import { dayNumber, dayString } from '../patterns/days.js';
import { earliestDay, latestDay } from '../dates.js';
import { MAX_SPAN_DAYS } from './score.js';

export interface DayWindow { firstFrom: string; lastFrom: string; minTo: string }

/** The window of one incident's candidates, or null when its date cannot match (undated, vaguer than a month). */
export function candidateWindow(span: { from: string; to: string } | undefined, windowDays: number): DayWindow | null {
  const from = span ? dayNumber(span.from) : null;
  const to = span ? dayNumber(span.to) : null;
  if (from === null || to === null || to < from || to - from + 1 > MAX_SPAN_DAYS) return null;
  return { firstFrom: dayString(from - windowDays - (MAX_SPAN_DAYS - 1)), lastFrom: dayString(to + windowDays), minTo: dayString(from - windowDays) };
}

/**
 * A period's incidents and those close enough to pair with them: spans starting from windowDays +
 * MAX_SPAN_DAYS − 1 days before the period to windowDays after it. `periodFrom`/`periodTo` are the
 * period's own days (a pair is listed when one of its incidents starts inside them).
 */
export function periodWindow(from: string, to: string, windowDays: number): { firstFrom: string; lastFrom: string; periodFrom: string; periodTo: string } {
  const a = dayNumber(earliestDay(from))!;
  const b = dayNumber(latestDay(to))!;
  return { firstFrom: dayString(a - windowDays - (MAX_SPAN_DAYS - 1)), lastFrom: dayString(b + windowDays), periodFrom: dayString(a), periodTo: dayString(b) };
}
