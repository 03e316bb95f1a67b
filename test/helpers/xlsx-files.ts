/**
 * Minimal XLSX workbooks for tests, written from literal SpreadsheetML parts and zipped with yazl
 * (test/helpers/bundle-zips.ts): [Content_Types].xml, _rels/.rels, xl/workbook.xml,
 * xl/_rels/workbook.xml.rels, xl/styles.xml (one date style), xl/sharedStrings.xml and one
 * xl/worksheets/sheetN.xml per sheet. Cells are inline strings, shared strings, numbers, booleans,
 * dates (Excel serial numbers with the built-in date format 14) and formulas with their cached value.
 */
import { writeZip, type ZipEntry } from './bundle-zips.js';
import type { ServiceError } from '../../src/services/errors.js';
import { isTableFileError } from '../../src/services/import/table.js';

export type XlsxCell =
  | string // an inline string
  | number
  | boolean
  | null // no cell at all
  | { shared: string } // a string from the shared strings table
  | { date: number } // an Excel serial date (1 = 1900-01-01), styled with format 14 (a date)
  | { formula: string; value: string | number }; // a formula and the value Excel computed for it

export interface XlsxRow {
  /** the row's number in the sheet (1-based); by default the row after the previous one */
  r?: number;
  cells: XlsxCell[];
}

export interface XlsxSheet {
  name: string;
  rows: (XlsxRow | XlsxCell[])[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "A", "B", … "Z", "AA", … for a 0-based column index. */
export function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellXml(ref: string, c: XlsxCell, shared: string[]): string {
  if (c === null) return '';
  if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(c)}</t></is></c>`;
  if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
  if (typeof c === 'boolean') return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
  if ('shared' in c) {
    let at = shared.indexOf(c.shared);
    if (at < 0) at = shared.push(c.shared) - 1;
    return `<c r="${ref}" t="s"><v>${at}</v></c>`;
  }
  if ('date' in c) return `<c r="${ref}" s="1"><v>${c.date}</v></c>`;
  return typeof c.value === 'number'
    ? `<c r="${ref}"><f>${esc(c.formula)}</f><v>${c.value}</v></c>`
    : `<c r="${ref}" t="str"><f>${esc(c.formula)}</f><v>${esc(c.value)}</v></c>`;
}

function sheetXml(sheet: XlsxSheet, shared: string[]): string {
  let next = 1;
  const rows = sheet.rows.map((row) => {
    const { r, cells } = Array.isArray(row) ? { r: undefined, cells: row } : row;
    const n = r ?? next;
    next = n + 1;
    return `<row r="${n}">${cells.map((c, i) => cellXml(`${columnLetters(i)}${n}`, c, shared)).join('')}</row>`;
  });
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    + rows.join('') + '</sheetData></worksheet>';
}

/** The parts of a workbook with these sheets (in order), before zipping. */
export function xlsxParts(sheets: XlsxSheet[]): ZipEntry[] {
  const shared: string[] = [];
  const sheetParts = sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(sheetXml(s, shared)) }));
  const ct = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    + '</Types>';
  const rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    + '</Relationships>';
  const workbook = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    + sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
    + '</sheets></workbook>';
  const n = sheets.length;
  const workbookRels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
    + `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
    + '</Relationships>';
  const styles = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    + '</styleSheet>';
  const sst = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">`
    + shared.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')
    + '</sst>';
  return [
    { name: '[Content_Types].xml', data: Buffer.from(ct) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'xl/workbook.xml', data: Buffer.from(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(workbookRels) },
    { name: 'xl/styles.xml', data: Buffer.from(styles) },
    { name: 'xl/sharedStrings.xml', data: Buffer.from(sst) },
    ...sheetParts,
  ];
}

/** An XLSX file (zipped with yazl, deflated) with these sheets, in order. */
export function xlsxFile(sheets: XlsxSheet[]): Promise<Buffer> {
  return writeZip(xlsxParts(sheets));
}

/** The whole-file error a table file is refused with (fails the test when it was read instead). */
export async function refusedTable(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (!isTableFileError(e)) throw e;
    return e;
  }
  throw new Error('expected the file to be refused');
}
