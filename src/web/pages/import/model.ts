/**
 * The import screen's state, kept in memory only (never in the URL or browser storage, wiped on
 * sign-out or seal): the uploaded file's session on the server, how it was read, the mapping being
 * built, the values to place, the dry run and the commit. Pure helpers for the mapping: the first
 * guess from the server's suggestions, keeping it when the file is read again, a saved mapping
 * applied to this file, and the same checks the server makes before it reads anything.
 */
import type { ImportMapping, ImportTarget, ValueTarget, VocabularyTarget } from '../../../domain/import/mapping';
import type { Resolution } from '../../../domain/import/resolve-value';
import type { RowProblem } from '../../../domain/import/row-problem';
import type { CommitStatus } from '../../../domain/import/commit-status';

export type { CommitStatus };
import type { FuzzyDate } from '../../types';

export type { ImportMapping, ImportTarget, ValueTarget, Resolution, RowProblem };
export type ImportOptions = ImportMapping['options'];
export type ImportDefaults = ImportMapping['defaults'];
export type Encoding = NonNullable<ImportOptions['encoding']>;
export type Delimiter = NonNullable<ImportOptions['delimiter']>;

/** How the server read the file (tableInfo). */
export interface TableInfo {
  format: 'csv' | 'xlsx' | 'json';
  encoding?: Encoding;
  encodingReason?: string;
  delimiter?: Delimiter;
  delimiterReason?: string;
  sheets?: string[];
  sheet?: string;
  header: string[];
  headerLine: number;
  rows: number;
}

export interface ColumnInfo {
  header: string;
  filled: number;
  samples: string[];
  suggested?: ImportTarget;
}

/** POST /api/v1/imports */
export interface Upload {
  id: string;
  table: TableInfo;
  readerProblems: number;
  columns: ColumnInfo[];
}

export interface ValueRow {
  value: string;
  count: number;
  resolution: Resolution;
}
export interface ValueColumn {
  column: string;
  target: ValueTarget;
  distinct: number;
  values: ValueRow[];
}

/** POST /api/v1/imports/:id/analyse */
export interface Analysis {
  table: TableInfo;
  readerProblems: number;
  columns: ColumnInfo[];
  values: ValueColumn[];
}

export interface PreviewIncident {
  line: number;
  title: string;
  date?: FuzzyDate;
  place: { precision: string; country?: string; state?: string; locality?: string; routeSegment?: string; point: boolean };
  acts: string[];
  counts?: Partial<Record<string, number>>;
  status: string;
  confidentiality: string;
}

/** POST /api/v1/imports/:id/dry-run */
export interface DryRun {
  table: TableInfo;
  rows: number;
  incidents: number;
  errors: number;
  warnings: number;
  problems: RowProblem[];
  moreProblems: number;
  preview: PreviewIncident[];
}

export interface SavedMapping {
  id: string;
  name: string;
  body: unknown;
  version: number;
  updatedAt: string;
}

export interface ImportRun {
  id: string;
  at: string;
  userName: string | null;
  mappingName: string | null;
  format: 'csv' | 'tsv' | 'xlsx' | 'json';
  rows: number;
  incidents: number;
  warnings: number;
  mappingId: string | null;
}

/** The targets offered for a column, in groups (every target once: model.test.ts). */
export const TARGET_GROUPS = {
  what: ['title', 'summary', 'act', 'perpetrator', 'context', 'victim', 'victimRole', 'externalId'],
  when: ['date', 'dateEnd', 'year', 'month'],
  where: ['country', 'state', 'locality', 'place', 'crossing', 'routeSegment', 'coordinates', 'latitude', 'longitude', 'region'],
  follow: ['status', 'followUp', 'confidentiality'],
  counts: ['counts.dead', 'counts.missing', 'counts.survivors', 'counts.women', 'counts.men', 'counts.children'],
} as const satisfies Record<string, readonly ImportTarget[]>;
export type TargetGroup = keyof typeof TARGET_GROUPS;

/** Targets whose values are vocabulary codes, and the vocabulary of each (as the server's VOCABULARY_TARGETS). */
export const VOCABULARY_OF = {
  routeSegment: 'route_segment', act: 'act', perpetrator: 'perpetrator', context: 'context',
  status: 'incident_status', followUp: 'follow_up', confidentiality: 'confidentiality', victimRole: 'victim_role',
} as const satisfies Record<VocabularyTarget, string>;

export function vocabularyOf(target: ValueTarget): string | undefined {
  return Object.hasOwn(VOCABULARY_OF, target) ? VOCABULARY_OF[target as VocabularyTarget] : undefined;
}

/** Targets that may take several columns (their texts are joined), as the server's MULTI_COLUMN_TARGETS. */
export const MULTI_COLUMN: readonly ImportTarget[] = ['title', 'summary'];

export const ENCODINGS: readonly Encoding[] = ['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'windows-1252'];
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];
export const LIST_SEPARATORS: readonly ImportOptions['listSeparator'][] = [';', ',', '|', '/'];

export const DEFAULT_OPTIONS: ImportOptions = { dateOrder: 'auto', decimal: 'auto', listSeparator: ';', placeFromCoordinates: true };

export function emptyMapping(): ImportMapping {
  return { columns: {}, values: {}, defaults: {}, options: { ...DEFAULT_OPTIONS } };
}

/** The server's first guess: each column with a suggested target becomes it. */
export function initialMapping(columns: readonly ColumnInfo[]): ImportMapping {
  const m = emptyMapping();
  for (const c of columns) if (c.suggested) m.columns[c.header] = c.suggested;
  return m;
}

/**
 * After the file is read again (another encoding, separator or sheet): columns the person mapped
 * keep their target when their header is still there; a column never seen before takes the
 * server's guess when no other column has that target yet.
 */
export function reconcileColumns(mapping: ImportMapping, before: readonly string[], columns: readonly ColumnInfo[]): ImportMapping {
  const next: Record<string, ImportTarget> = {};
  const present = new Set(columns.map((c) => c.header));
  for (const [h, target] of Object.entries(mapping.columns)) if (present.has(h)) next[h] = target;
  const seen = new Set(before);
  for (const c of columns) {
    if (seen.has(c.header) || next[c.header] || !c.suggested) continue;
    if (!MULTI_COLUMN.includes(c.suggested) && Object.values(next).includes(c.suggested)) continue;
    next[c.header] = c.suggested;
  }
  return { ...mapping, columns: next };
}

/** A saved mapping's body on this file: its columns this file lacks are left out (and named). */
export function applySaved(body: unknown, header: readonly string[]): { mapping: ImportMapping; missing: string[] } {
  const b = (body ?? {}) as Partial<ImportMapping>;
  const present = new Set(header);
  const columns: Record<string, ImportTarget> = {};
  const missing: string[] = [];
  for (const [h, target] of Object.entries(b.columns ?? {})) {
    if (present.has(h)) columns[h] = target;
    else missing.push(h);
  }
  return {
    mapping: { columns, values: { ...(b.values ?? {}) }, defaults: { ...(b.defaults ?? {}) }, options: { ...DEFAULT_OPTIONS, ...(b.options ?? {}) } },
    missing,
  };
}

export type MappingIssue =
  | { code: 'title_required' }
  | { code: 'target_taken'; column: string; other: string }
  | { code: 'lat_lon_pair' }
  | { code: 'coordinates_twice' };

/** What the server would refuse in a mapping (mapping.ts), found before asking it. */
export function mappingIssues(m: Pick<ImportMapping, 'columns'>, header?: readonly string[]): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const order = header ? header.filter((h) => Object.hasOwn(m.columns, h)) : Object.keys(m.columns);
  const first = new Map<ImportTarget, string>();
  for (const column of order) {
    const target = m.columns[column]!;
    if (MULTI_COLUMN.includes(target)) continue;
    const other = first.get(target);
    if (other !== undefined) issues.push({ code: 'target_taken', column, other });
    else first.set(target, column);
  }
  const targets = new Set(Object.values(m.columns));
  if (!targets.has('title')) issues.push({ code: 'title_required' });
  if (targets.has('latitude') !== targets.has('longitude')) issues.push({ code: 'lat_lon_pair' });
  if (targets.has('coordinates') && targets.has('latitude')) issues.push({ code: 'coordinates_twice' });
  return issues;
}

export function setColumn(m: ImportMapping, column: string, target: ImportTarget | ''): ImportMapping {
  const columns = { ...m.columns };
  if (target) columns[column] = target;
  else delete columns[column];
  return { ...m, columns };
}

/** The select's value for "leave it empty" (a mapping's '' code); '' in the select is "not chosen yet". */
export const LEAVE_EMPTY = '-';

/** What a value's select shows: the person's choice, else the exact match, else nothing yet. */
export function valueChoice(m: ImportMapping, target: ValueTarget, row: ValueRow): string {
  const mapped = m.values[target];
  if (mapped && Object.hasOwn(mapped, row.value)) return mapped[row.value] || LEAVE_EMPTY;
  return row.resolution.how === 'none' ? '' : row.resolution.code || LEAVE_EMPTY;
}

export function setValue(m: ImportMapping, target: ValueTarget, value: string, choice: string): ImportMapping {
  const map = { ...(m.values[target] ?? {}) };
  if (choice === '') delete map[value];
  else map[value] = choice === LEAVE_EMPTY ? '' : choice;
  const values = { ...m.values };
  if (Object.keys(map).length) values[target] = map;
  else delete values[target];
  return { ...m, values };
}

/** How many values of the analysed columns are still to be chosen. */
export function unplaced(m: ImportMapping, columns: readonly ValueColumn[]): number {
  let n = 0;
  for (const c of columns) for (const v of c.values) if (valueChoice(m, c.target, v) === '') n++;
  return n;
}

/** The mapping as the server takes it: no empty defaults, value maps only for mapped targets. */
export function mappingBody(m: ImportMapping): ImportMapping {
  const targets = new Set<string>(Object.values(m.columns));
  const values: ImportMapping['values'] = {};
  for (const [t, map] of Object.entries(m.values) as [ValueTarget, Record<string, string> | undefined][]) {
    if (map && Object.keys(map).length && targets.has(t)) values[t] = map;
  }
  const defaults: ImportDefaults = {};
  for (const [k, v] of Object.entries(m.defaults) as [keyof ImportDefaults, string | undefined][]) if (v) defaults[k] = v;
  const options: ImportOptions = { dateOrder: m.options.dateOrder, decimal: m.options.decimal, listSeparator: m.options.listSeparator, placeFromCoordinates: m.options.placeFromCoordinates };
  if (m.options.encoding) options.encoding = m.options.encoding;
  if (m.options.delimiter) options.delimiter = m.options.delimiter;
  if (m.options.sheet) options.sheet = m.options.sheet;
  return { columns: { ...m.columns }, values, defaults, options };
}

/**
 * A mapping that only asks the file to be read again (analyse needs a valid mapping; a header that
 * is not in the file is ignored there): the reading options with a title from a column no file has.
 */
export function readingProbe(options: ImportOptions): ImportMapping {
  return { columns: { '\u2063': 'title' }, values: {}, defaults: {}, options: { ...options } };
}

/** The server's field path inside the request body ("mapping.columns.Fecha" → "columns.Fecha"). */
export function mappingPath(path: string): string {
  return path.startsWith('mapping.') ? path.slice('mapping.'.length) : path;
}

/** Key of what a dry run depends on: a changed mapping makes its answer stale. */
export function mappingKey(m: ImportMapping): string {
  return JSON.stringify(mappingBody(m));
}

/** Key of what the values list depends on (the columns and how the file is read, not the values chosen). */
export function analysisKey(m: ImportMapping): string {
  const b = mappingBody(m);
  return JSON.stringify([b.columns, b.options]);
}

export interface Work {
  /** the import's id on the server (the file is held there for 30 minutes) */
  id: string;
  /** the chosen file's name, shown to the person who chose it (never sent anywhere) */
  fileName: string;
  table: TableInfo;
  readerProblems: number;
  columns: ColumnInfo[];
  mapping: ImportMapping;
  /** the saved mapping applied (recorded with the import; offered for saving changes) */
  saved: { id: string; name: string; version: number } | null;
  /** step 3 is shown once values have been analysed */
  values: ValueColumn[] | null;
  analysedKey: string;
  dry: DryRun | null;
  dryKey: string;
  commit: CommitStatus | null;
}

export function newWork(u: Upload, fileName: string): Work {
  return { id: u.id, fileName, table: u.table, readerProblems: u.readerProblems, columns: u.columns, mapping: initialMapping(u.columns), saved: null, values: null, analysedKey: '', dry: null, dryKey: '', commit: null };
}

/** Percent of a commit done, 0–100. */
export function percentDone(c: Pick<CommitStatus, 'done' | 'total'>): number {
  return c.total > 0 ? Math.min(100, Math.floor((c.done / c.total) * 100)) : 0;
}
