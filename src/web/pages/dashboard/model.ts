/**
 * The dashboard's state and words: the filters (in memory only — never in the URL), what to count
 * by and per which period, the request bodies for /stats/breakdown and /stats/compare, and the
 * labels of dimensions, periods and values in the current language.
 */
import { t, lang } from '../../i18n/i18n';
import { onReset } from '../../state';
import type { BreakdownDimension, BreakdownRequest, ComparisonRequest, Granularity, Places, StatsFilters } from '../../types';
import type { Vocab } from '../../lib/vocab';
import { countryName, stateName } from '../../lib/format';

/** One value per filter (a select each); empty = any. Dates are partial ("2019", "2019-07", "2019-07-14"). */
export interface Filters {
  q: string;
  from: string;
  to: string;
  country: string;
  act: string;
  perpetrator: string;
  role: string;
}

export const emptyFilters = (): Filters => ({ q: '', from: '', to: '', country: '', act: '', perpetrator: '', role: '' });

export interface Range {
  since: string;
  until: string;
}

/** What the page remembers while the session lasts (wiped on sign-out or seal). */
export const memory: { filters: Filters; dimension: BreakdownDimension; granularity: Granularity; range: Range | null } = {
  filters: emptyFilters(),
  dimension: 'act',
  granularity: 'year',
  range: null,
};
onReset(() => {
  memory.filters = emptyFilters();
  memory.dimension = 'act';
  memory.granularity = 'year';
  memory.range = null;
});

// (Records keyed by the API's own unions: a dimension added on the server is a type error here until worded.)
const DIMENSION_ORDER: Record<BreakdownDimension, true> = { act: true, perpetratorType: true, perpetrator: true, country: true, state: true, role: true, gender: true, lgbti: true, migrationStatus: true };
export const DIMENSIONS = Object.keys(DIMENSION_ORDER) as BreakdownDimension[];
const GRANULARITY_ORDER: Record<Granularity, true> = { month: true, quarter: true, year: true };
export const GRANULARITIES = Object.keys(GRANULARITY_ORDER) as Granularity[];

export function dimensionLabel(d: BreakdownDimension): string {
  switch (d) {
    case 'act': return t('dashboard.dim.act');
    case 'perpetratorType': return t('dashboard.dim.perpetratorType');
    case 'perpetrator': return t('dashboard.dim.perpetrator');
    case 'country': return t('dashboard.dim.country');
    case 'state': return t('dashboard.dim.state');
    case 'role': return t('dashboard.dim.role');
    case 'gender': return t('dashboard.dim.gender');
    case 'lgbti': return t('dashboard.dim.lgbti');
    case 'migrationStatus': return t('dashboard.dim.migrationStatus');
  }
}

export function granularityLabel(g: Granularity): string {
  switch (g) {
    case 'month': return t('dashboard.gran.month');
    case 'quarter': return t('dashboard.gran.quarter');
    case 'year': return t('dashboard.gran.year');
  }
}

/**
 * A value of a dimension as the list page's facets show it (vocabulary label, country or state
 * name), with the same helpers; not imported from incident-list, whose chunk (the shell) the bundler
 * would otherwise split in three to share it with this one.
 */
export function keyLabel(d: BreakdownDimension, key: string, vocab: Vocab, places: Places | null): string {
  switch (d) {
    case 'act': return vocab.label('act', key);
    case 'perpetratorType': return vocab.pathLabel('perpetrator', key);
    case 'perpetrator': return vocab.shortPath('perpetrator', key);
    case 'country': return countryName(places, key);
    case 'state': return stateName(places, key);
    case 'role': return vocab.label('victim_role', key);
    case 'gender': return vocab.label('gender_identity', key);
    case 'lgbti': return vocab.label('lgbti', key);
    case 'migrationStatus': return vocab.label('migration_status', key);
  }
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** "2019-07" → "jul 2019", "2019-Q3" → "T3 2019", "2019" → "2019". */
export function bucketLabel(bucket: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(bucket);
  if (q) return t('dashboard.quarter', { quarter: q[2]!, year: q[1]! });
  const m = /^(\d{4})-(\d{2})$/.exec(bucket);
  if (!m) return bucket;
  const l = lang();
  let f = monthFormats.get(l);
  if (!f) monthFormats.set(l, (f = new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' })));
  return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}

export function locale(): string {
  return lang() === 'es' ? 'es-MX' : 'en-US';
}

/** A change in percent as people read it ("+25 %", "−10 %"); none (nothing before) → "—". */
export function percent(change: number | null): string {
  if (change === null) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(change / 100);
}

/** The search filters of a request: only the ones set. */
/** The filters without dates (patterns, comparisons). */
export function filterBody(f: Filters): Omit<StatsFilters, 'from' | 'to'> {
  const b: Omit<StatsFilters, 'from' | 'to'> = {};
  if (f.q.trim()) b.q = f.q.trim();
  if (f.country) b.country = [f.country];
  if (f.act) b.act = [f.act];
  if (f.perpetrator) b.perpetrator = [f.perpetrator];
  if (f.role) b.role = [f.role];
  return b;
}

export function breakdownBody(f: Filters, dimension: BreakdownDimension, granularity: Granularity): BreakdownRequest {
  return { ...filterBody(f), ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}), dimension, granularity };
}

/** A comparison takes the same filters but its own dates. */
export function comparisonBody(f: Filters, dimension: BreakdownDimension, r: Range): ComparisonRequest {
  return { ...filterBody(f), dimension, since: r.since, ...(r.until ? { until: r.until } : {}) };
}

/** Whether partial date `to` ends before partial date `from` starts ("2024-06" before "2024-07-15"). */
export function endsBefore(to: string, from: string): boolean {
  const first = from.length === 4 ? `${from}-01-01` : from.length === 7 ? `${from}-01` : from;
  const last = to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to;
  return last < first;
}
