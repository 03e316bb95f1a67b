/**
 * The report page's state, in memory only (never in the URL, wiped on sign-out or seal): the
 * filters and period, the title and language, the chosen case studies with their excerpts, the
 * recommendations; and the request body (the spec) the server checks again in full.
 */
import { onReset } from '../../state';
import { emptyFilters, filterBody, type Filters } from '../dashboard/model';
import type { CaseCandidate } from '../../../domain/report/candidate';

export type Granularity = 'month' | 'quarter' | 'year';

/** One testimony chosen for quoting: the whole of it, or a passage copied from it. */
export interface ChosenExcerpt { sourceId: string; whole: boolean; text: string }
export interface ChosenCase { candidate: CaseCandidate; includeSummary: boolean; excerpts: ChosenExcerpt[] }
export interface DraftRecommendation { key: number; addressee: string; text: string }

export interface ReportDraft {
  title: string;
  lang: 'es' | 'en';
  granularity: Granularity;
  filters: Filters;
  cases: ChosenCase[];
  recommendations: DraftRecommendation[];
}

export const emptyDraft = (lang: 'es' | 'en'): ReportDraft => ({ title: '', lang, granularity: 'month', filters: emptyFilters(), cases: [], recommendations: [] });

export const memory: { draft: ReportDraft | null } = { draft: null };
onReset(() => {
  memory.draft = null;
});

let keys = 0;
export const newRecommendation = (): DraftRecommendation => ({ key: ++keys, addressee: '', text: '' });

export function specBody(d: ReportDraft): object {
  return {
    ...filterBody(d.filters),
    ...(d.filters.from ? { from: d.filters.from } : {}),
    ...(d.filters.to ? { to: d.filters.to } : {}),
    title: d.title.trim(),
    lang: d.lang,
    granularity: d.granularity,
    caseStudies: d.cases.map((c) => ({
      incidentId: c.candidate.id,
      includeSummary: c.includeSummary,
      excerpts: c.excerpts.map((x) => ({ sourceId: x.sourceId, ...(x.whole ? {} : { text: x.text }) })),
    })),
    recommendations: d.recommendations.map((r) => ({ addressee: r.addressee.trim(), text: r.text.trim() })),
  };
}

export interface JobStatus { id: string; state: 'running' | 'done' | 'failed'; done: number; total: number; step: string; error?: { code: string; message: string } }
