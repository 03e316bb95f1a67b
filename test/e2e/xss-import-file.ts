/**
 * The spreadsheet test/e2e/xss.test.ts imports: a valid CSV (csv-stringify, every cell quoted, UTF-8,
 * CRLF) whose headers are payloads — every payload but those a header would repeat in another case
 * (the reader names such a column "column N") — with one row per payload. Cell (r, c) is payload
 * r + c, except in the date column (dates ten days apart, so no two imported incidents look like
 * duplicates). Which column becomes what is in `ROLES`; the others are not imported but show their
 * header and sample cells on the column step.
 */
import { stringify } from 'csv-stringify/sync';
import { XSS_PAYLOADS as P } from './xss-payloads.js';

/** What the test maps each of the first columns onto (a target of the import page's selects). */
export const ROLES = ['title', 'date', 'act', 'perpetrator', 'place', 'counts.dead', 'summary'] as const;
export type Role = (typeof ROLES)[number];
export const column = (role: Role): number => ROLES.indexOf(role);

/** The payloads used as headers, in column order. */
export const HEADER_PAYLOADS: number[] = (() => {
  const seen = new Set<string>();
  return [...P.keys()].filter((i) => {
    const key = P[i]!.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
})();

/** The row of payload r (its title is payload r): its 1-based line in the file is r + 2. */
export const ROWS = P.length;

/** A row's date: 2015-01-01 plus ten days per row. */
export function dateOf(r: number): string {
  return new Date(Date.UTC(2015, 0, 1) + r * 10 * 86_400_000).toISOString().slice(0, 10);
}

/** Payload index of cell (r, c), or undefined for the date column. */
export function cellPayload(r: number, c: number): number | undefined {
  return c === column('date') ? undefined : (r + c) % P.length;
}

/** The text of an imported title or cell as the import keeps it: trimmed, whitespace collapsed. */
export const asImported = (s: string): string => s.trim().replace(/\s+/g, ' ');

export function payloadCsv(): Buffer {
  const header = HEADER_PAYLOADS.map((i) => P[i]!);
  const rows = Array.from({ length: ROWS }, (_, r) => header.map((_h, c) => {
    const p = cellPayload(r, c);
    return p === undefined ? dateOf(r) : P[p]!;
  }));
  return Buffer.from(stringify([header, ...rows], { quoted: true, record_delimiter: 'windows' }), 'utf8');
}
