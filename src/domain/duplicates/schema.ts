/** What a client sends to list likely duplicates of a period, dismiss a pair, or merge two incidents. */
import { z } from 'zod';
import { partialDateProblem, partialDateSchema } from '../dates.js';
import { countryCode, uuid } from '../text.js';
import { checkDateRange } from '../incident/search-query.js';
import { DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS } from './score.js';

/** A period (from, to: partial dates, both required), optional country and state filters, a page of pairs. */
export const duplicateSearchSchema = z
  .object({
    from: partialDateSchema,
    to: partialDateSchema,
    country: z.array(countryCode).max(50).optional(),
    state: z.array(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'must be an ISO 3166-2 code' })).max(100).optional(),
    windowDays: z.number().int().min(0).max(MAX_WINDOW_DAYS).default(DEFAULT_WINDOW_DAYS),
    page: z.number().int().min(1).max(1000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  })
  .strict()
  .superRefine((q, ctx) => {
    // (a date that is not one is already named; comparing it would name the other field too)
    if (partialDateProblem(q.from) === null && partialDateProblem(q.to) === null) checkDateRange(q, ctx);
  });
export type DuplicateSearch = z.infer<typeof duplicateSearchSchema>;

/** "Not a duplicate": the two incidents of a pair. */
export const dismissSchema = z
  .object({ a: uuid, b: uuid })
  .strict()
  .superRefine((p, ctx) => {
    if (p.a === p.b) ctx.addIssue({ code: 'custom', path: ['b'], message: 'is the same incident as a', params: { code: 'same_incident' } });
  });

/** Merge `other` into the incident of the URL, at the versions the person saw. */
export const mergeSchema = z
  .object({ other: uuid, version: z.number().int().min(1), otherVersion: z.number().int().min(1) })
  .strict();
export type MergeRequest = z.infer<typeof mergeSchema>;
