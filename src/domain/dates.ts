/**
 * Uncertain dates, as defenders report them: a day ("2019-07-23"), a month ("2019-07") or a
 * year ("2019"), optionally approximate, optionally a range. We never invent a day: the
 * precision is kept and searches use the earliest and latest day a value can mean.
 */
import { z } from 'zod';

export type DatePrecision = 'year' | 'month' | 'day';

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why `value` is not a real partial date (English message + machine code), or null. */
export function partialDateIssue(value: string): { message: string; code: string } | null {
  const m = PARTIAL.exec(value);
  if (!m) return { message: 'use YYYY, YYYY-MM or YYYY-MM-DD', code: 'date_format' };
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return { message: 'year must be between 1900 and 2100', code: 'date_year_range' };
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { message: `${value} has no month ${m[2]}`, code: 'date_not_real' };
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day < 1 || day > daysInMonth(year, month)) return { message: `${value} is not a real date`, code: 'date_not_real' };
    }
  }
  return null;
}

/** Returns a reason when `value` is not a real partial date, else null. */
export function partialDateProblem(value: string): string | null {
  return partialDateIssue(value)?.message ?? null;
}

export function precisionOf(value: string): DatePrecision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

/** The first day a partial date can mean, as YYYY-MM-DD. */
export function earliestDay(value: string): string {
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

/** The last day a partial date can mean, as YYYY-MM-DD. */
export function latestDay(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const [y, m] = value.split('-').map(Number) as [number, number];
    return `${value}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  }
  return value;
}

export const partialDateSchema = z.string().superRefine((v, ctx) => {
  const issue = partialDateIssue(v);
  if (issue) ctx.addIssue({ code: 'custom', message: issue.message, params: { code: issue.code, value: v.slice(0, 20) } });
});

export const fuzzyDateSchema = z
  .object({
    start: partialDateSchema,
    end: partialDateSchema.optional(),
    approximate: z.boolean().optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.end && partialDateProblem(d.start) === null && partialDateProblem(d.end) === null && latestDay(d.end) < earliestDay(d.start)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'end is before start', params: { code: 'date_end_before_start' } });
    }
  });
export type FuzzyDate = z.infer<typeof fuzzyDateSchema>;

/** The span of days a fuzzy date covers, for filtering and sorting. */
export function dateSpan(d: FuzzyDate): { from: string; to: string } {
  return { from: earliestDay(d.start), to: latestDay(d.end ?? d.start) };
}
