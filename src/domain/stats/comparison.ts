/**
 * A period comparison: the incidents matching a search "since <date>" (to a day, today by
 * default) against the same number of days just before, in total and per value of one dimension,
 * with the change in percent and the counts behind it. An incident belongs to a period when it
 * may have happened in it (the search's own date rule), so an incident whose uncertain date spans
 * both periods counts in both — the same incidents the search lists for each period.
 */
import { z } from 'zod';
import { partialDateSchema, earliestDay, latestDay } from '../dates.js';
import { searchFilterFields } from '../incident/search-query.js';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from './breakdown.js';
import { percentChange, previousPeriod } from '../patterns/period.js';

const { from: _from, to: _to, ...filtersWithoutDates } = searchFilterFields;

export const comparisonQuerySchema = z
  .object({
    ...filtersWithoutDates,
    dimension: z.enum(BREAKDOWN_DIMENSIONS),
    /** the start of the recent period: a day, a month or a year (its first day) */
    since: partialDateSchema,
    /** its end (its last day); today when absent */
    until: partialDateSchema.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.until && latestDay(q.until) < earliestDay(q.since)) ctx.addIssue({ code: 'custom', path: ['until'], message: 'is before since' });
  });
export type ComparisonQuery = z.infer<typeof comparisonQuerySchema>;

export interface Period { from: string; to: string }

/** The two periods compared: [since, until] and as many days right before. */
export function comparedPeriods(q: Pick<ComparisonQuery, 'since' | 'until'>, today: string): { recent: Period; before: Period } {
  const recent = { from: earliestDay(q.since), to: q.until ? latestDay(q.until) : today };
  if (recent.to < recent.from) recent.to = recent.from;
  return { recent, before: previousPeriod(recent.from, recent.to) };
}

export interface ComparisonRow { key: string; before: number; recent: number; changePercent: number | null }

export interface Comparison {
  dimension: BreakdownDimension;
  recent: Period & { total: number };
  before: Period & { total: number };
  changePercent: number | null;
  /** every value seen in either period: the largest recent counts first, then by key */
  rows: ComparisonRow[];
}

export function assembleComparison(dimension: BreakdownDimension, recent: Period & { total: number; byKey: Map<string, number> }, before: Period & { total: number; byKey: Map<string, number> }): Comparison {
  const keys = new Set([...recent.byKey.keys(), ...before.byKey.keys()]);
  const rows = [...keys].map((key) => {
    const b = before.byKey.get(key) ?? 0;
    const r = recent.byKey.get(key) ?? 0;
    return { key, before: b, recent: r, changePercent: percentChange(b, r) };
  });
  rows.sort((a, b) => b.recent - a.recent || b.before - a.before || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    dimension,
    recent: { from: recent.from, to: recent.to, total: recent.total },
    before: { from: before.from, to: before.to, total: before.total },
    changePercent: percentChange(before.total, recent.total),
    rows,
  };
}
