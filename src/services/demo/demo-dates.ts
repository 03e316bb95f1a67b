/**
 * Dates for the demo generator: the fixed window (January 2014 to October 2026), the monthly
 * intensity curve (slow growth, a jump at the end of 2018, a dip during the 2020 lockdown), drawing
 * an incident's fuzzy date (`DatePlan`), later partial dates for sources and interventions, and the
 * month-window helpers used to gate time-bound acts and context tags.
 */
import type { FuzzyDate } from './demo-input-types.js';
import type { Rng } from './demo-random.js';

/** Dates run from January 2014 to this month (fixed, so a seed always gives the same data). */
const FIRST_YEAR = 2014;
export const LAST_MONTH = { year: 2026, month: 10 };
const LAST_DAY = Date.UTC(LAST_MONTH.year, LAST_MONTH.month, 0);

export const pad = (n: number, w: number) => String(n).padStart(w, '0');

export interface DatePlan {
  date: FuzzyDate;
  /** a representative day, as ms since epoch */
  day: number;
  year: number;
  /** months since January 2014 */
  m: number;
}

export const monthIndex = (y: number, mo: number) => (y - FIRST_YEAR) * 12 + (mo - 1);
const LAST_INDEX = monthIndex(LAST_MONTH.year, LAST_MONTH.month);
const RISE = monthIndex(2018, 10);

/** Months in the window (January 2014 = 0 … LAST_MONTH). */
export const MONTHS = LAST_INDEX + 1;

/** Relative number of incidents per month: slow growth, a jump at the end of 2018, then steady growth. */
export function intensity(m: number): number {
  let f = m < RISE ? 1 + m * 0.02 : 3.2 + (m - RISE) * 0.025;
  if (m >= monthIndex(2020, 4) && m <= monthIndex(2020, 6)) f *= 0.6; // lockdown
  return f;
}
const MAX_INTENSITY = intensity(LAST_INDEX) + 0.1;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

export function drawDate(rng: Rng): DatePlan {
  let m: number;
  do m = rng.int(0, LAST_INDEX);
  while (rng.float() * MAX_INTENSITY > intensity(m));
  return drawDateInMonth(rng, m);
}

/** An incident's fuzzy date within month `m` (months since January 2014). */
export function drawDateInMonth(rng: Rng, m: number): DatePlan {
  const year = FIRST_YEAR + Math.floor(m / 12);
  const month = (m % 12) + 1;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Date.UTC(year, month - 1, rng.int(1, days));
  const ym = `${year}-${pad(month, 2)}`;
  const r = rng.float();
  let date: FuzzyDate;
  if (r < 0.68) date = { start: isoDay(day) };
  else if (r < 0.83) date = { start: ym };
  else if (r < 0.88) date = { start: String(year) };
  else if (r < 0.96) date = { start: isoDay(day), end: isoDay(Math.min(day + rng.int(1, 20) * DAY, LAST_DAY)) };
  else {
    const endM = Math.min(m + rng.int(1, 4), LAST_INDEX);
    date = { start: ym, end: `${FIRST_YEAR + Math.floor(endM / 12)}-${pad((endM % 12) + 1, 2)}` };
  }
  if (date.end === date.start) delete date.end;
  if (rng.chance(date.start.length === 4 ? 0.05 : 0.11)) date.approximate = true;
  return { date, day, year, m };
}

/** A later partial date (a source received, an intervention made), never after the last day. */
export function laterDate(rng: Rng, d: DatePlan, minDays: number, maxDays: number, dayShare: number): string {
  const ms = Math.min(d.day + rng.int(minDays, maxDays) * DAY, LAST_DAY);
  const s = isoDay(ms);
  if (d.date.start.length === 4) return s.slice(0, 4);
  return rng.chance(dayShare) && d.date.start.length === 10 ? s : s.slice(0, 7);
}

export const inWindow = (m: number, from: [number, number], to: [number, number]) => m >= monthIndex(...from) && m <= monthIndex(...to);
