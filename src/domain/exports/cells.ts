/**
 * Cells of the tabular exports (CSV, XLSX, Uwazi CSV) and the formula-injection guard
 * (OWASP, "CSV Injection"): a text cell that starts with = + - @, a tab or a carriage return gets
 * a leading apostrophe, so no spreadsheet takes it for a formula. A cell that is only a number, or
 * two numbers joined by "|" (Uwazi's "lat|lon"), is left alone: it holds no letters, so it cannot
 * call a function or another program, and an apostrophe would break "-99.13" for importers.
 * CSV is RFC 4180 through csv-stringify (CRLF, quotes doubled), one row at a time.
 */
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | null;

const NUMERIC = /^-?\d+(\.\d+)?(\|-?\d+(\.\d+)?)?$/;

export function guardText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !NUMERIC.test(s) ? `'${s}` : s;
}

/** A cell as text for a CSV file: empty for none, numbers as written by JavaScript, text guarded. */
export function csvCell(c: Cell): string {
  if (c === null) return '';
  return typeof c === 'number' ? String(c) : guardText(c);
}

/** One CSV line (with its CRLF) from cells; a cell holding a line break of any kind is quoted (a lone CR too). */
export function csvLine(cells: Cell[]): string {
  return stringify([cells.map(csvCell)], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

/** Joins the values of a list cell; null when there are none. */
export function list(values: (string | undefined | null)[], sep = '; '): string | null {
  const v = values.filter((x): x is string => typeof x === 'string' && x !== '');
  return v.length ? v.join(sep) : null;
}
