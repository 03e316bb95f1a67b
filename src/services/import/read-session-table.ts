/**
 * The table of an import session as the mapping's reading options say (encoding, delimiter, sheet),
 * read once per set of options and kept with the session while it lives.
 */
import type { ImportOptions } from '../../domain/import/mapping.js';
import type { ImportSession } from './import-sessions.js';
import { readTable } from './read-table.js';
import type { TableResult } from './table.js';

export type ReadingOptions = Pick<ImportOptions, 'encoding' | 'delimiter' | 'sheet'>;

export async function sessionTable(s: ImportSession, opts: ReadingOptions = {}): Promise<TableResult> {
  const key = JSON.stringify([opts.encoding ?? null, opts.delimiter ?? null, opts.sheet ?? null]);
  if (s.table?.key === key) return s.table.result;
  const result = await readTable({ bytes: s.bytes }, {
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
    ...(opts.sheet ? { sheet: opts.sheet } : {}),
  });
  s.table = { key, result };
  return result;
}

/** What the person sees of how the file was read. */
export function tableInfo(t: TableResult) {
  return {
    format: t.format,
    ...(t.encoding ? { encoding: t.encoding, encodingReason: t.encodingReason } : {}),
    ...(t.delimiter ? { delimiter: t.delimiter, delimiterReason: t.delimiterReason } : {}),
    ...(t.sheets ? { sheets: t.sheets, sheet: t.sheet } : {}),
    header: t.header,
    headerLine: t.headerLine,
    rows: t.rows.length,
  };
}
