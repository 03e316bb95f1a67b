/**
 * A report's key figures, from the publishable facts of the incidents in the report's period and
 * in the period of the same length just before (src/domain/publication/facts.ts: codes, dates and
 * public places only). The dashboard's own rules are reused: an incident counts once per value it
 * holds (assembleComparison), the change in percent is percentChange, the periods are
 * comparedPeriods/previousPeriod. What is counted is published, so it is counted on published
 * terms: places coarsened to the state, dates coarsened by the open-data rules (an incident dated
 * by year only never lands in a month), distinct victims below k not shown.
 */
import type { PublicationFacts } from '../publication/facts.js';
import { coarsenPlace } from '../publication/coarse-place.js';
import { coarsenDate } from '../publication/coarse-date.js';
import type { OpenDataSettings } from '../publication/settings.js';
import { assembleComparison, type Comparison, type Period } from '../stats/comparison.js';
import { assembleBreakdown, bucketOf, type Breakdown, type BreakdownDimension, type Granularity } from '../stats/breakdown.js';
import { percentChange } from '../patterns/period.js';

export const FIGURE_DIMENSIONS = ['act', 'perpetratorType', 'country', 'state'] as const satisfies readonly BreakdownDimension[];
export type FigureDimension = (typeof FIGURE_DIMENSIONS)[number];

export interface PeriodCount extends Period {
  incidents: number;
  /** distinct victims (people and organisations); null when fewer than k (not published) */
  victims: number | null;
}

export interface KeyFigures {
  k: number;
  recent: PeriodCount;
  before: PeriodCount;
  incidentsChange: number | null;
  /** null when either period's victims are not published, or none before */
  victimsChange: number | null;
  by: Record<FigureDimension, Comparison>;
  /** incidents of the report's period per month, quarter or year (coarsened dates) */
  overTime: Breakdown;
}

type Settings = Pick<OpenDataSettings, 'k' | 'dateLevel' | 'yearForActs'>;

/** Perpetrator type: the first two levels of the code ("state.mx" of "state.mx.inm"), as the dashboard counts it. */
export const perpetratorGroup = (code: string) => code.split('.').slice(0, 2).join('.');

/** The values an incident holds for a dimension, each once. */
export function valuesOf(f: PublicationFacts, d: FigureDimension): string[] {
  switch (d) {
    case 'act': return [...new Set(f.acts.map((a) => a.root))];
    case 'perpetratorType': return [...new Set(f.perpetrators.map(perpetratorGroup))];
    case 'country': {
      const c = coarsenPlace(f.place, 'state').country;
      return c ? [c] : [];
    }
    case 'state': {
      const s = coarsenPlace(f.place, 'state').state;
      return s ? [s] : [];
    }
  }
}

function countPeriod(period: Period, facts: readonly PublicationFacts[], k: number): PeriodCount & { byKey: Record<FigureDimension, Map<string, number>> } {
  const victims = new Set<number>();
  const byKey = Object.fromEntries(FIGURE_DIMENSIONS.map((d) => [d, new Map<string, number>()])) as Record<FigureDimension, Map<string, number>>;
  for (const f of facts) {
    for (const v of f.victims) victims.add(v.n);
    for (const d of FIGURE_DIMENSIONS) for (const key of valuesOf(f, d)) byKey[d].set(key, (byKey[d].get(key) ?? 0) + 1);
  }
  return { ...period, incidents: facts.length, victims: victims.size >= k ? victims.size : null, byKey };
}

/** Incidents per period bucket of their published (coarsened) start date. */
export function overTime(facts: readonly PublicationFacts[], granularity: Granularity, s: Settings): Breakdown {
  const perBucket = new Map<string, number>();
  let undated = 0;
  for (const f of facts) {
    const d = coarsenDate(f, s);
    const b = bucketOf(d.start, granularity);
    if (b === null) undated++;
    else perBucket.set(b, (perBucket.get(b) ?? 0) + 1);
  }
  return assembleBreakdown({ dimension: 'act', granularity }, [], [...perBucket].map(([bucket, count]) => ({ bucket, count })), undated);
}

export function keyFigures(recentPeriod: Period, recentFacts: readonly PublicationFacts[], beforePeriod: Period, beforeFacts: readonly PublicationFacts[], granularity: Granularity, s: Settings): KeyFigures {
  const recent = countPeriod(recentPeriod, recentFacts, s.k);
  const before = countPeriod(beforePeriod, beforeFacts, s.k);
  const by = Object.fromEntries(FIGURE_DIMENSIONS.map((d) => [d, assembleComparison(d,
    { from: recent.from, to: recent.to, total: recent.incidents, byKey: recent.byKey[d] },
    { from: before.from, to: before.to, total: before.incidents, byKey: before.byKey[d] })])) as Record<FigureDimension, Comparison>;
  const strip = ({ byKey: _b, ...p }: typeof recent): PeriodCount => p;
  return {
    k: s.k,
    recent: strip(recent),
    before: strip(before),
    incidentsChange: percentChange(before.incidents, recent.incidents),
    victimsChange: recent.victims !== null && before.victims !== null ? percentChange(before.victims, recent.victims) : null,
    by,
    overTime: overTime(recentFacts, granularity, s),
  };
}
