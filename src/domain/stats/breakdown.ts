/**
 * A breakdown: the incidents matching a search, counted per period (month, quarter or year of the
 * day they start) and per value of one dimension — kind of act, type or institution of
 * perpetrator, country, state, or a victim's attribute. An incident counts once per value it
 * holds (two acts of one kind count once), so a value's counts add up to its incidents.
 * Incidents whose date is too coarse for the period (a year only, in a monthly breakdown) or
 * missing are counted apart as "undated".
 */
import { z } from 'zod';
import { checkDateRange, searchFilterFields } from '../incident/search-query.js';

export const BREAKDOWN_DIMENSIONS = ['act', 'perpetratorType', 'perpetrator', 'country', 'state', 'role', 'gender', 'lgbti', 'migrationStatus'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
export const GRANULARITIES = ['month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const breakdownQuerySchema = z
  .object({
    ...searchFilterFields,
    dimension: z.enum(BREAKDOWN_DIMENSIONS),
    granularity: z.enum(GRANULARITIES).default('month'),
  })
  .strict()
  .superRefine(checkDateRange);
export type BreakdownQuery = z.infer<typeof breakdownQuerySchema>;

export interface BreakdownSeries {
  key: string;
  /** one count per bucket, in bucket order */
  counts: number[];
  total: number;
}

export interface Breakdown {
  dimension: BreakdownDimension;
  granularity: Granularity;
  /** every period from the first to the last holding an incident, none skipped ("2019-07", "2019-Q3", "2019") */
  buckets: string[];
  /** incidents per bucket, whatever their dimension values */
  totals: number[];
  /** most incidents first, then by key */
  series: BreakdownSeries[];
  /** matching incidents without a date precise enough for the granularity */
  undated: number;
}

/** The bucket of a start date ("2019", "2019-07", "2019-07-14"), or null when too coarse. */
export function bucketOf(dateStart: string | null | undefined, g: Granularity): string | null {
  if (!dateStart || dateStart.length < 4) return null;
  if (g === 'year') return dateStart.slice(0, 4);
  if (dateStart.length < 7) return null;
  if (g === 'month') return dateStart.slice(0, 7);
  return `${dateStart.slice(0, 4)}-Q${Math.floor((Number(dateStart.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The bucket after this one. */
function nextBucket(b: string, g: Granularity): string {
  const y = Number(b.slice(0, 4));
  if (g === 'year') return String(y + 1).padStart(4, '0');
  if (g === 'quarter') {
    const q = Number(b.slice(6));
    return q === 4 ? `${String(y + 1).padStart(4, '0')}-Q1` : `${b.slice(0, 4)}-Q${q + 1}`;
  }
  const m = Number(b.slice(5, 7));
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${b.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/** Every bucket from first to last (the labels sort in time order). */
export function bucketRange(first: string, last: string, g: Granularity): string[] {
  const out: string[] = [];
  for (let b = first; b <= last; b = nextBucket(b, g)) out.push(b);
  return out;
}

/**
 * Assembles a breakdown from counts per (bucket, key) and incidents per bucket, as the store
 * computes them (SQL or the memory index).
 */
export function assembleBreakdown(q: Pick<BreakdownQuery, 'dimension' | 'granularity'>, cells: { bucket: string; key: string; count: number }[], perBucket: { bucket: string; count: number }[], undated: number): Breakdown {
  const used = perBucket.filter((r) => r.count > 0).map((r) => r.bucket).sort();
  const buckets = used.length ? bucketRange(used[0]!, used[used.length - 1]!, q.granularity) : [];
  const at = new Map(buckets.map((b, i) => [b, i]));
  const totals = new Array<number>(buckets.length).fill(0);
  for (const r of perBucket) {
    const i = at.get(r.bucket);
    if (i !== undefined) totals[i] = totals[i]! + r.count;
  }
  const byKey = new Map<string, number[]>();
  for (const c of cells) {
    const i = at.get(c.bucket);
    if (i === undefined || c.count === 0) continue;
    let counts = byKey.get(c.key);
    if (!counts) byKey.set(c.key, (counts = new Array<number>(buckets.length).fill(0)));
    counts[i] = counts[i]! + c.count;
  }
  const series = [...byKey.entries()].map(([key, counts]) => ({ key, counts, total: counts.reduce((a, b) => a + b, 0) }));
  series.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { dimension: q.dimension, granularity: q.granularity, buckets, totals, series, undated };
}
