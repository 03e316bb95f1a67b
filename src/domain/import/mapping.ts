/**
 * An import mapping: which column of a table becomes which part of an incident, how category values
 * become vocabulary codes, and how the file's dates and numbers are written. Saved mappings are this
 * object (per organisation, by name) so the next file of the same kind needs no work.
 *
 * It holds column headers and category values only — never a row.
 */
import { z } from 'zod';
import { COUNT_FIELDS } from '../incident/schema.js';
import { countryCode, line, vocabCode } from '../text.js';

/** What a column can become. Text targets take several columns (joined); the others take one. */
export const IMPORT_TARGETS = [
  'title', 'summary', 'externalId',
  'date', 'dateEnd', 'year', 'month',
  'country', 'state', 'locality', 'place', 'coordinates', 'latitude', 'longitude', 'region',
  'routeSegment', 'crossing', 'act', 'perpetrator', 'context', 'status', 'followUp', 'confidentiality',
  'victim', 'victimRole',
  ...COUNT_FIELDS.map((f) => `counts.${f}` as const),
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** Targets whose values are vocabulary codes, and the vocabulary of each. */
export const VOCABULARY_TARGETS = {
  routeSegment: 'route_segment', act: 'act', perpetrator: 'perpetrator', context: 'context',
  status: 'incident_status', followUp: 'follow_up', confidentiality: 'confidentiality', victimRole: 'victim_role',
} as const satisfies Partial<Record<ImportTarget, string>>;
export type VocabularyTarget = keyof typeof VOCABULARY_TARGETS;
export function isVocabularyTarget(t: string): t is VocabularyTarget {
  return Object.hasOwn(VOCABULARY_TARGETS, t);
}

/** Targets whose values are codes of the places data (ISO 3166-1, ISO 3166-2, border crossings). */
export const PLACE_TARGETS = ['country', 'state', 'crossing'] as const;
export type PlaceTarget = (typeof PLACE_TARGETS)[number];

/** Every target whose values are mapped one by one onto codes. */
export const VALUE_TARGETS = [...(Object.keys(VOCABULARY_TARGETS) as VocabularyTarget[]), ...PLACE_TARGETS] as const;
export type ValueTarget = VocabularyTarget | PlaceTarget;
export function isValueTarget(t: string): t is ValueTarget {
  return (VALUE_TARGETS as readonly string[]).includes(t);
}

/** Targets that may take several columns: their values are joined. */
export const MULTI_COLUMN_TARGETS: readonly ImportTarget[] = ['title', 'summary'];
/** Targets whose cell may hold several values separated by `listSeparator`. */
export const LIST_TARGETS: readonly ImportTarget[] = ['context'];

const sourceValue = z.string().max(500);
const valueCode = z.string().regex(/^[A-Za-z0-9_.-]{1,120}$/, { message: 'must be a code' });
const valueMapSchema = z.record(sourceValue, z.union([valueCode, z.literal('')])).refine((m) => Object.keys(m).length <= 5_000, { message: 'at most 5,000 values per field' });

export const importOptionsSchema = z
  .object({
    /** how D/M and M/D dates are read: 'auto' refuses the ambiguous ones */
    dateOrder: z.enum(['auto', 'dmy', 'mdy']).default('auto'),
    /** the decimal mark of numbers ('auto': decided per cell, with a warning when a guess was made) */
    decimal: z.enum(['auto', '.', ',']).default('auto'),
    /** the separator of several values in one cell (context) */
    listSeparator: z.enum([';', ',', '|', '/']).default(';'),
    /** derive country and state from the coordinates when no column gives them */
    placeFromCoordinates: z.boolean().default(true),
    /** CSV: the encoding and delimiter (detected when absent) */
    encoding: z.enum(['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'windows-1252']).optional(),
    delimiter: z.enum([',', ';', '\t']).optional(),
    /** XLSX: the sheet (name) read; the first when absent */
    sheet: line(200).optional(),
  })
  .strict();
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const importDefaultsSchema = z
  .object({
    act: vocabCode.optional(),
    status: vocabCode.optional(),
    followUp: vocabCode.optional(),
    confidentiality: vocabCode.optional(),
    country: countryCode.optional(),
    victimRole: vocabCode.optional(),
  })
  .strict();

export const importMappingSchema = z
  .object({
    /** column header → target; a header not listed is not imported */
    columns: z.record(z.string().max(500), z.enum(IMPORT_TARGETS)).refine((m) => Object.keys(m).length <= 500, { message: 'at most 500 columns' }),
    /** per vocabulary target: the file's value (as written, trimmed) → a code, or '' to leave it empty */
    values: z.object(Object.fromEntries(VALUE_TARGETS.map((t) => [t, valueMapSchema.optional()])) as Record<ValueTarget, z.ZodOptional<typeof valueMapSchema>>).strict().default({}),
    /** values for every row whose cell is empty or that no column gives */
    defaults: importDefaultsSchema.default({}),
    options: importOptionsSchema.default({ dateOrder: 'auto', decimal: 'auto', listSeparator: ';', placeFromCoordinates: true }),
  })
  .strict()
  .superRefine((m, ctx) => {
    const seen = new Map<string, string>();
    for (const [column, target] of Object.entries(m.columns)) {
      if (MULTI_COLUMN_TARGETS.includes(target)) continue;
      const other = seen.get(target);
      if (other !== undefined) ctx.addIssue({ code: 'custom', path: ['columns', column], message: `"${target}" is already given by another column`, params: { code: 'target_taken' } });
      else seen.set(target, column);
    }
    const targets = new Set(Object.values(m.columns));
    if (!targets.has('title')) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'choose at least one column for the title', params: { code: 'title_required' } });
    if (targets.has('latitude') !== targets.has('longitude')) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'choose both a latitude and a longitude column, or one coordinates column', params: { code: 'lat_lon_pair' } });
    if (targets.has('coordinates') && targets.has('latitude')) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'choose one coordinates column or a latitude and a longitude column, not both', params: { code: 'coordinates_twice' } });
  });
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** The columns given for a target, in the table's order. */
export function columnsFor(mapping: Pick<ImportMapping, 'columns'>, header: readonly string[], target: ImportTarget): string[] {
  return header.filter((h) => mapping.columns[h] === target);
}
