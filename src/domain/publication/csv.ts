/**
 * CSV for spreadsheets and scripts alike: RFC 4180 (csv-stringify, CRLF, quotes doubled), UTF-8
 * with a byte-order mark so spreadsheet programs read the accents, and any cell a spreadsheet
 * would take for a formula (starting with =, +, -, @, tab or carriage return) made inert with a
 * leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';

export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvFile(header: string[], rows: string[][]): string {
  return `\uFEFF${stringify([header, ...rows].map((r) => r.map(neutralise)), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ })}`;
}
