/** What a search asks for: words, filters and a page. Filters take vocabulary codes; a parent code matches its children. */
import { z } from 'zod';
import { partialDateSchema, partialDateIssue, earliestDay, latestDay } from '../dates.js';
import { vocabCode, countryCode } from '../text.js';

const codes = z.array(vocabCode).max(50).optional();

export const SEARCH_FACETS = ['country', 'state', 'act', 'perpetrator', 'role', 'gender', 'lgbti', 'migrationStatus', 'status', 'year'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** The words and filters of a search, shared by everything that counts "the incidents matching this search" (search, dashboard, map, reports). */
export const searchFilterFields = {
  q: z.string().max(200).optional(),
  from: partialDateSchema.optional(),
  to: partialDateSchema.optional(),
  country: z.array(countryCode).max(50).optional(),
  state: z.array(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)).max(100).optional(),
  act: codes,
  perpetrator: codes,
  role: codes,
  gender: codes,
  lgbti: codes,
  migrationStatus: codes,
  status: codes,
  year: z.array(z.string().regex(/^\d{4}$/)).max(50).optional(),
};

/** "to" may not come before "from" — compared only when both are real dates (a bad one has its own problem). */
export function checkDateRange(q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (!q.from || !q.to || partialDateIssue(q.from) || partialDateIssue(q.to)) return;
  if (latestDay(q.to) < earliestDay(q.from)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is before from' });
}

export const searchQuerySchema = z
  .object({
    ...searchFilterFields,
    sort: z.enum(['date_desc', 'date_asc', 'relevance', 'updated_desc']).default('date_desc'),
    page: z.number().int().min(1).max(10000).default(1),
    pageSize: z.number().int().min(1).max(100).default(25),
    facets: z.boolean().default(true),
  })
  .strict()
  .superRefine(checkDateRange);
export type SearchQuery = z.infer<typeof searchQuerySchema>;
/** Just the words and filters. */
export type SearchFilters = Pick<SearchQuery, keyof typeof searchFilterFields>;


/**
 * Words of a search as full-text terms: letters and digits only, each matched as a prefix, all
 * required. Accents and case are folded by the index, so "amenazó", "AMENAZO" and "amenazo" agree.
 */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const words = q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.toLowerCase()))].slice(0, 12);
}

export interface SearchHit {
  id: string;
  ref: string;
  title: string;
  excerpt?: string;
  date?: { start: string; end?: string; approximate?: boolean };
  place: { precision: string; country?: string; state?: string; locality?: string; crossing?: string; routeSegment?: string };
  status: string;
  acts: string[];
}

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  facets: Partial<Record<SearchFacet, { value: string; count: number }[]>>;
}
