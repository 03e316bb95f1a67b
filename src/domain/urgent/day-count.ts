/**
 * The day counter of an urgent case ("sigue sin aparecer — día 23"): day 1 is the day it began —
 * the incident's start day when the record knows it to the day (not approximate), else the day the
 * case was opened — counted in calendar days (UTC) up to today, or to the day it was closed.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The incident's start day when known to the day and not approximate, else undefined. */
export function knownStartDay(date: { start: string; approximate?: boolean | undefined } | null | undefined): string | undefined {
  if (!date || date.approximate) return undefined;
  return DAY.test(date.start) ? date.start : undefined;
}

function dayNumber(day: string): number {
  return Math.floor(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000);
}

/** The day the count starts from: the known start day, or the opening day — whichever is earlier. */
export function counterStart(startDay: string | undefined, openedAt: string): string {
  const opened = openedAt.slice(0, 10);
  return startDay !== undefined && startDay < opened ? startDay : opened;
}

/**
 * Day N of the case at `until` (an ISO instant: now, or when it was closed): 1 on its first day.
 * A start day after `until` (a date typed wrong, a clock behind) still counts as day 1.
 */
export function dayCount(startDay: string | undefined, openedAt: string, until: string): number {
  const from = dayNumber(counterStart(startDay, openedAt));
  const to = dayNumber(new Date(Date.parse(until)).toISOString().slice(0, 10));
  return Math.max(1, to - from + 1);
}
