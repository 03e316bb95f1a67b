/**
 * CSV made in the browser from what the page already holds (nothing is asked of the server again):
 * RFC 4180 quoting, a byte-order mark so spreadsheet programs read the accents as UTF-8, and text
 * that a spreadsheet would take for a formula (=, +, -, @) made inert with a leading apostrophe.
 * File names are fixed: never a filter word, a name or a place.
 */
import { saveBlob } from '../../lib/save-blob';

export type Cell = string | number | null;

function cell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: Cell[][]): string {
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Saves the rows as a file through a temporary link (a Blob URL, revoked right after). */
export function downloadCsv(fileName: string, rows: Cell[][]): void {
  saveBlob(new Blob([csvText(rows)], { type: 'text/csv;charset=utf-8' }), fileName);
}
