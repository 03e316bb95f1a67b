/**
 * The open-data export's settings (issue 5, ADR 0015): the smallest victim count published (k),
 * how far places are coarsened (state, or municipality), dates (month, or year) and the kinds of
 * act whose dates are always coarsened to the year, and which confidentiality levels may be
 * published at all. 'restricted' is not a choice: restricted incidents are never published.
 */
import { z } from 'zod';
import { vocabCode } from '../text.js';

/** Confidentiality levels an export may include (never 'restricted'). */
export const PUBLISHABLE_CONFIDENTIALITY = ['public_after_review', 'organisation'] as const;
export type PublishableConfidentiality = (typeof PUBLISHABLE_CONFIDENTIALITY)[number];
export const PLACE_LEVELS = ['state', 'municipality'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];
export const DATE_LEVELS = ['month', 'year'] as const;
export type DateLevel = (typeof DATE_LEVELS)[number];

/** k below 3 would publish pairs of victims, who know each other's count: never. */
export const MIN_K = 3;
export const DEFAULT_YEAR_ACTS = ['sexual_violence', 'kidnapping', 'disappearance'];

export const openDataSettingsSchema = z
  .object({
    k: z.number().int().min(MIN_K).max(100).default(5),
    placeLevel: z.enum(PLACE_LEVELS).default('state'),
    dateLevel: z.enum(DATE_LEVELS).default('month'),
    /** kinds of act (a parent code covers its children) whose incidents are dated by year only */
    yearForActs: z.array(vocabCode).max(50).default(DEFAULT_YEAR_ACTS),
    include: z.array(z.enum(PUBLISHABLE_CONFIDENTIALITY)).min(1).max(2).default(['public_after_review'])
      .refine((a) => new Set(a).size === a.length, { message: 'lists a level twice' }),
  })
  .strict();
export type OpenDataSettings = z.infer<typeof openDataSettingsSchema>;

export const DEFAULT_OPEN_DATA_SETTINGS: OpenDataSettings = openDataSettingsSchema.parse({});
