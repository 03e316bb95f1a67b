/**
 * Comparing a period with the one before it ("threats rose 40 % on the previous year"), for reports
 * that put the flags in context.
 */
import { dayNumber, dayString } from './days.js';

/**
 * The period of as many days ending the day before `from`. Both periods are inclusive:
 * 2024-01-01..2024-12-31 (366 days) → 2022-12-31..2023-12-31. Throws a RangeError on a day that is
 * not a real 'YYYY-MM-DD' day or when `to` is before `from`, since either is a caller's bug.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (start === null || end === null) throw new RangeError(`not a period of real days: ${from}..${to}`);
  if (end < start) throw new RangeError(`the period ends before it starts: ${from}..${to}`);
  const days = end - start + 1;
  return { from: dayString(start - days), to: dayString(start - 1) };
}

/**
 * The change from `before` to `after` in percent, rounded to one decimal (halves away from zero, so
 * a rise and a fall of the same size read the same); null when `before` is 0, where no percentage
 * means anything.
 */
export function percentChange(before: number, after: number): number | null {
  if (before === 0) return null;
  const change = ((after - before) / before) * 100;
  const rounded = Math.sign(change) * Math.round(Math.abs(change) * 10) / 10;
  return rounded === 0 ? 0 : rounded; // never -0
}
