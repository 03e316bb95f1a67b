/**
 * What an author asks the report builder for (issue 5 §6, ADR 0017): a title, a period (required:
 * a report is about a period, and the key figures compare it with the one before), the search's
 * filters, case studies chosen by incident id with the testimony excerpts to quote, and
 * recommendations addressed to named governments or agencies. Everything here is the author's
 * choice; what the report may show of an incident is decided elsewhere (case-study.ts).
 */
import { z } from 'zod';
import { checkDateRange, searchFilterFields } from '../incident/search-query.js';
import { partialDateSchema } from '../dates.js';
import { GRANULARITIES } from '../stats/breakdown.js';
import { LANGS } from '../vocabulary/vocabulary.js';
import { line, text, uuid } from '../text.js';

/** The longest excerpt an author may quote from one testimony. */
export const MAX_EXCERPT = 2000;
export const MAX_CASE_STUDIES = 12;
export const MAX_EXCERPTS_PER_CASE = 6;
export const MAX_RECOMMENDATIONS = 30;

export const excerptSpecSchema = z
  .object({
    /** the source (testimony) quoted */
    sourceId: uuid,
    /** a passage of the testimony, copied exactly; absent: the whole testimony */
    text: text(MAX_EXCERPT, 1).optional(),
  })
  .strict();
export type ExcerptSpec = z.infer<typeof excerptSpecSchema>;

export const caseStudySpecSchema = z
  .object({
    incidentId: uuid,
    /** the author's own heading for the case; the incident's title when absent */
    heading: line(200, 1).optional(),
    /** the incident's summary, when the workspace does not mark summaries identifying */
    includeSummary: z.boolean().default(true),
    excerpts: z.array(excerptSpecSchema).max(MAX_EXCERPTS_PER_CASE).default([]),
  })
  .strict();
export type CaseStudySpec = z.infer<typeof caseStudySpecSchema>;

export const recommendationSchema = z
  .object({
    /** a government or an agency ("Instituto Nacional de Migración", "U.S. Customs and Border Protection") */
    addressee: line(200, 1),
    text: text(4000, 1),
  })
  .strict();
export type Recommendation = z.infer<typeof recommendationSchema>;

const { from: _f, to: _t, ...filterFields } = searchFilterFields;

export const reportSpecSchema = z
  .object({
    ...filterFields,
    from: partialDateSchema,
    to: partialDateSchema,
    title: line(200, 1),
    lang: z.enum(LANGS).default('es'),
    granularity: z.enum(GRANULARITIES).default('month'),
    caseStudies: z.array(caseStudySpecSchema).max(MAX_CASE_STUDIES).default([])
      .refine((a) => new Set(a.map((c) => c.incidentId)).size === a.length, { message: 'lists an incident twice' }),
    recommendations: z.array(recommendationSchema).max(MAX_RECOMMENDATIONS).default([]),
  })
  .strict()
  .superRefine(checkDateRange);
export type ReportSpec = z.infer<typeof reportSpecSchema>;

/** The search filters of a spec (what the figures count). */
export function specFilters(s: ReportSpec) {
  const { title: _ti, lang: _l, granularity: _g, caseStudies: _c, recommendations: _r, ...filters } = s;
  return filters;
}
