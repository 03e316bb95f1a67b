/**
 * What a records export asks for (issue 8 §4, ADR 0022): the file's format and language, what the
 * file is for, whether identifying values go in, and the same words and filters as a search.
 * A file for partner organisations never holds identifying values: asking for them is a 400
 * naming `includeIdentifying`, not a silent downgrade.
 */
import { z } from 'zod';
import { checkDateRange, searchFilterFields } from '../incident/search-query.js';
import { LANGS } from '../vocabulary/vocabulary.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'huridocs', 'uwazi'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** internal: the organisation's own use; partners: records moved to a partner's system. */
export const EXPORT_PURPOSES = ['internal', 'partners'] as const;
export type ExportPurpose = (typeof EXPORT_PURPOSES)[number];

/** The use of a source's consent that lets its testimony into a file for this purpose. */
export const CONSENT_FOR_PURPOSE = { internal: 'internal_analysis', partners: 'share_partners' } as const satisfies Record<ExportPurpose, string>;

export const exportQuerySchema = z
  .object({
    ...searchFilterFields,
    format: z.enum(EXPORT_FORMATS),
    lang: z.enum(LANGS).default('es'),
    purpose: z.enum(EXPORT_PURPOSES),
    includeIdentifying: z.boolean().default(false),
  })
  .strict()
  .superRefine((q, ctx) => {
    checkDateRange(q, ctx);
    if (q.purpose === 'partners' && q.includeIdentifying) {
      ctx.addIssue({ code: 'custom', path: ['includeIdentifying'], message: 'a file for partners never holds identifying values', params: { code: 'not_for_partners' } });
    }
  });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** Fixed file names and types: nothing from the search or the records ever names a file. */
export const EXPORT_FILES: Record<ExportFormat, { name: string; type: string }> = {
  csv: { name: 'bitacora-incidents.csv', type: 'text/csv; charset=utf-8' },
  xlsx: { name: 'bitacora-incidents.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  geojson: { name: 'bitacora-incidents.geojson', type: 'application/geo+json; charset=utf-8' },
  huridocs: { name: 'bitacora-incidents.huridocs.json', type: 'application/json; charset=utf-8' },
  uwazi: { name: 'bitacora-incidents.uwazi.csv', type: 'text/csv; charset=utf-8' },
};
