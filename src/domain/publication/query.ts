/** What an open-data export asks for: the file, its language, and the same words and filters as a search or the dashboard. */
import { z } from 'zod';
import { checkDateRange, searchFilterFields } from '../incident/search-query.js';
import { LANGS } from '../vocabulary/vocabulary.js';
import { OPEN_DATA_FORMATS } from './open-data.js';

export const openDataQuerySchema = z
  .object({
    ...searchFilterFields,
    format: z.enum(OPEN_DATA_FORMATS),
    lang: z.enum(LANGS).default('es'),
  })
  .strict()
  .superRefine(checkDateRange);
export type OpenDataQuery = z.infer<typeof openDataQuerySchema>;
