/**
 * The report as the renderers see it: every piece already in words of the chosen language. It is
 * assembled only from the key figures (codes and counts), the case studies (case-study.ts), the
 * author's own text (title, recommendations) and fixed words — nothing else reaches the HTML or
 * the PDF, so nothing else can leak into them.
 */
import type { Lang } from '../vocabulary/vocabulary.js';
import type { Labeller } from '../publication/labels.js';
import type { CoarsePlace } from '../publication/coarse-place.js';
import type { CoarseDate } from '../publication/coarse-date.js';
import type { Comparison } from '../stats/comparison.js';
import type { KeyFigures } from './figures.js';
import type { CaseStudy } from './case-study.js';
import type { MeasureRow } from './measures.js';
import type { PublishedFigures } from '../accompaniment/figures.js';
import { ATTENDANCE_WORDS, outcomeWords, placeWords as accPlaceWords } from '../accompaniment/labels.js';
import type { Recommendation, ReportSpec } from './spec.js';
import { dateWords, percentWords, w } from './words.js';

export interface ChartRow { label: string; value: number; before?: number; change?: string }
export interface ReportChart { id: string; title: string; rows: ChartRow[]; compared: boolean; note?: string }
export interface Figure { label: string; value: string; before: string; change: string }
export interface RenderedCase { heading: string; summary?: string; facts: { label: string; value: string }[]; victims: string[]; excerpts: { source?: string; text: string }[] }

export interface ReportModel {
  lang: Lang;
  title: string;
  workspace: string;
  generatedOn: string;
  period: string;
  previousPeriod: string;
  criteria: string[];
  figures: Figure[];
  charts: ReportChart[];
  /** the counts by state, where the map goes (a choropleth can be drawn from the same rows) */
  stateTable: ReportChart;
  /** the same counts by ISO 3166-2 code, for a state choropleth (render-html.ts: StateMapHook) */
  stateCounts: { state: string; count: number }[];
  cases: RenderedCase[];
  recommendations: Recommendation[];
  methodology: string[];
}

const num = (n: number, lang: Lang) => n.toLocaleString(lang === 'es' ? 'es-MX' : 'en-US');

export function placeWords(p: CoarsePlace, l: Labeller): string {
  if (p.precision === 'unknown' || !p.country) return w(l.lang, 'unknownPlace');
  return [p.municipality, p.state ? l.state(p.state) : undefined, l.country(p.country)].filter(Boolean).join(', ');
}

export function coarseDateWords(d: CoarseDate, lang: Lang): string {
  if (!d.start) return w(lang, 'unknownDate');
  const s = dateWords(d.start, lang) + (d.end ? ` – ${dateWords(d.end, lang)}` : '');
  return d.approximate ? `${w(lang, 'approximate')} ${s}` : s;
}

/** A perpetrator type or code in words: "State actors: Mexico", "Mexico: National Migration Institute (INM)". */
export function perpetratorWords(code: string, l: Labeller): string {
  const parts = code.split('.');
  if (parts.length < 2) return l.term('perpetrator', code);
  return `${l.term('perpetrator', parts.slice(0, -1).join('.'))}: ${l.term('perpetrator', code)}`;
}

function comparisonChart(id: string, title: string, c: Comparison, label: (key: string) => string, lang: Lang): ReportChart {
  return { id, title, compared: true, rows: c.rows.map((r) => ({ label: label(r.key), value: r.recent, before: r.before, change: percentWords(r.changePercent, lang) })) };
}

function renderCase(c: CaseStudy, n: number, l: Labeller): RenderedCase {
  const lang = l.lang;
  const victim = (v: CaseStudy['victims'][number]) => {
    if (v.kind === 'organisation') return `${w(lang, 'organisation')}${v.orgType ? `: ${l.term('org_type', v.orgType)}` : ''}`;
    const profile = [v.role && l.term('victim_role', v.role), v.genderIdentity && l.term('gender_identity', v.genderIdentity), v.lgbti === 'yes' ? 'LGBTI+' : undefined, v.migrationStatus && l.term('migration_status', v.migrationStatus)].filter(Boolean);
    return `${v.pseudonym ?? w(lang, 'person')}${profile.length ? ` (${profile.join(', ')})` : ''}`;
  };
  return {
    heading: c.heading ?? w(lang, 'caseN', { n }),
    ...(c.summary !== undefined ? { summary: c.summary } : {}),
    facts: [
      { label: w(lang, 'when'), value: coarseDateWords(c.date, lang) },
      { label: w(lang, 'where'), value: placeWords(c.place, l) },
      { label: w(lang, 'acts'), value: c.acts.map((a) => l.term('act', a)).join('; ') },
      { label: w(lang, 'perpetrators'), value: c.perpetrators.map((p) => perpetratorWords(p, l)).join('; ') },
    ].filter((f) => f.value !== ''),
    victims: c.victims.map(victim),
    excerpts: c.excerpts.map((x) => ({ ...(x.source ? { source: x.source } : {}), text: x.text })),
  };
}

function criteriaOf(spec: ReportSpec, l: Labeller): string[] {
  const lang = l.lang;
  const list = (codes: string[] | undefined, f: (c: string) => string) => (codes?.length ? codes.map(f).join(', ') : null);
  const lines = [
    list(spec.country, l.country),
    list(spec.state, l.state),
    list(spec.act, (c) => l.term('act', c)),
    list(spec.perpetrator, (c) => perpetratorWords(c, l)),
    list(spec.role, (c) => l.term('victim_role', c)),
    list(spec.gender, (c) => l.term('gender_identity', c)),
    list(spec.lgbti, (c) => l.term('lgbti', c)),
    list(spec.migrationStatus, (c) => l.term('migration_status', c)),
    list(spec.status, (c) => l.term('incident_status', c)),
    list(spec.year, (y) => y),
    spec.q?.trim() ? w(lang, 'textSearch') : null,
  ].filter((x): x is string => x !== null);
  return lines.length ? lines : [w(lang, 'allIncidents')];
}

/**
 * The organisation's accompaniment in the period (issue 9 §6), on published terms: counts below k
 * are left out (and one more where a total would give them back); nothing when nothing is left.
 */
export function accompanimentCharts(a: PublishedFigures | undefined, lang: Lang): ReportChart[] {
  if (!a) return [];
  const kept = <T extends { count: number | null }>(cells: T[]) => cells.filter((c): c is T & { count: number } => c.count !== null);
  const charts: ReportChart[] = [];
  const attendance = kept(a.attendance);
  if (attendance.length) {
    charts.push({ id: 'accompaniment-attendance', title: w(lang, 'accAttendance'), compared: false, note: w(lang, 'accNote', { k: a.k }), rows: attendance.map((c) => ({ label: ATTENDANCE_WORDS[c.key as keyof typeof ATTENDANCE_WORDS][lang], value: c.count })) });
  }
  const outcomes = kept(a.outcomes);
  if (outcomes.length) charts.push({ id: 'accompaniment-outcomes', title: w(lang, 'accOutcomes'), compared: false, note: w(lang, 'accNote', { k: a.k }), rows: outcomes.map((c) => ({ label: outcomeWords(c.key, lang), value: c.count })) });
  const routes = a.byMonthRoute.filter((r): r is typeof r & { people: number } => r.people !== null);
  if (routes.length) {
    charts.push({ id: 'accompaniment-routes', title: w(lang, 'accRoutes'), compared: false, note: w(lang, 'accNote', { k: a.k }), rows: routes.map((r) => ({ label: `${r.month} · ${accPlaceWords(r.from, lang)} → ${accPlaceWords(r.to, lang)}`, value: r.people })) });
  }
  return charts;
}

export function buildReportModel(input: { spec: ReportSpec; figures: KeyFigures; measures?: MeasureRow[]; accompaniment?: PublishedFigures; cases: CaseStudy[]; labels: Labeller; workspace: string; today: string; include: readonly string[] }): ReportModel {
  const { spec, figures: f, labels: l } = input;
  const lang = l.lang;
  const period = (p: { from: string; to: string }) => `${dateWords(p.from, lang)} – ${dateWords(p.to, lang)}`;
  const victims = (v: number | null) => (v === null ? w(lang, 'fewerThan', { k: f.k }) : num(v, lang));
  const overTime: ReportChart = {
    id: 'over-time', title: w(lang, 'overTime'), compared: false,
    rows: f.overTime.buckets.map((b, i) => ({ label: dateWords(b, lang), value: f.overTime.totals[i] ?? 0 })),
    ...(f.overTime.undated ? { note: w(lang, 'undated', { n: f.overTime.undated }) } : {}),
  };
  return {
    lang,
    title: spec.title,
    workspace: input.workspace,
    generatedOn: dateWords(input.today, lang),
    period: period(f.recent),
    previousPeriod: period(f.before),
    criteria: criteriaOf(spec, l),
    figures: [
      { label: w(lang, 'incidents'), value: num(f.recent.incidents, lang), before: num(f.before.incidents, lang), change: percentWords(f.incidentsChange, lang) },
      { label: w(lang, 'victims'), value: victims(f.recent.victims), before: victims(f.before.victims), change: percentWords(f.victimsChange, lang) },
    ],
    charts: [
      comparisonChart('by-act', w(lang, 'byAct'), f.by.act, (k) => l.term('act', k), lang),
      comparisonChart('by-perpetrator-type', w(lang, 'byPerpetratorType'), f.by.perpetratorType, (k) => perpetratorWords(k, l), lang),
      comparisonChart('by-country', w(lang, 'byCountry'), f.by.country, l.country, lang),
      overTime,
      {
        id: 'protection-measures', title: w(lang, 'measures'), compared: false, note: w(lang, 'measuresNote', { k: f.k }),
        rows: (input.measures ?? []).map((r) => ({ label: l.term('protection_kind', r.kind), value: r.victims })),
      },
      ...accompanimentCharts(input.accompaniment, lang),
    ],
    stateTable: { ...comparisonChart('by-state', w(lang, 'byState'), f.by.state, l.state, lang), note: w(lang, 'mapNote') },
    stateCounts: f.by.state.rows.filter((r) => r.recent > 0).map((r) => ({ state: r.key, count: r.recent })),
    cases: input.cases.map((c, i) => renderCase(c, i + 1, l)),
    recommendations: spec.recommendations,
    methodology: [
      w(lang, 'm1'),
      w(lang, 'm2', { levels: input.include.map((c) => l.term('confidentiality', c)).join(', ') }),
      w(lang, 'm3'), w(lang, 'm4', { k: f.k }), w(lang, 'm5'), w(lang, 'm6'),
    ],
  };
}
