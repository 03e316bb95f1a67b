/**
 * Reads one sheet of an XLSX workbook (read-excel-file; nothing written to disk). Before the
 * library sees the file, its zip is opened with yauzl (the central directory) and only its XML
 * parts are taken out — each checked against its declared size while inflating, at most
 * MAX_XML_BYTES in all and MAX_ENTRIES entries — and zipped again, stored, for read-excel-file:
 * so a zip bomb, or entries hidden from the central directory, never reach it. The sheet's extent is
 * checked too (xlsx-workbook.ts): read-excel-file builds every cell up to the last row and column
 * named, so a sheet reaching past Excel's limits or over MAX_SHEET_CELLS is refused before parsing.
 *
 * The sheet read is the first, or the one named or numbered (1 for the first). Its first row with
 * any value is the header; each later row keeps its row number as `line`; empty rows are skipped.
 * Values are text (xlsx-cell-text.ts); a formula cell gives the value Excel computed and saved
 * (a formula without one, or whose result is an error such as #DIV/0!, reads as empty).
 * A damaged or foreign zip, an encrypted workbook, a missing sheet: a whole-file error.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { readSheet } from 'read-excel-file/node';
import { cellText, type RawNumber, type XlsxValue } from './xlsx-cell-text.js';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, sheetExtent, sheetNames, sheetPart } from './xlsx-workbook.js';
import { ProblemList, normaliseHeader, tableFileError, utf8Length, type TableLimits, type TableResult, type TableRow } from './table.js';
import { ServiceError } from '../errors.js';

export type XlsxInput = { bytes: Buffer } | { path: string };

export interface XlsxOptions {
  name?: string;
  sheet?: string | number;
}

/** The XML parts of a workbook, unpacked, at most (declared and real). */
export const MAX_XML_BYTES = 256 * 1024 * 1024;
export const MAX_ENTRIES = 10_000;
/** Rows × columns of the sheet read, at most (read-excel-file builds every cell of that rectangle). */
export const MAX_SHEET_CELLS = 20_000_000;

const printable = (s: string, max = 160) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, max);

async function openZip(input: XlsxInput): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false, autoClose: false };
  return 'bytes' in input ? yauzl.fromBufferPromise(input.bytes, options) : yauzl.openPromise(input.path, options);
}

async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const p of stream) {
    n += (p as Buffer).length;
    if (n > limit) {
      stream.destroy();
      throw new RangeError('over the limit');
    }
    parts.push(p as Buffer);
  }
  return Buffer.concat(parts);
}

/** The workbook's XML parts, by name, checked. */
async function xmlParts(input: XlsxInput, name: string | undefined): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(input);
  } catch (e) {
    throw tableFileError('unreadable_file', name, `cannot be read: it looks like a zip archive (as XLSX files are) but is damaged or cut short (${printable((e as Error).message)})`);
  }
  const parts = new Map<string, Buffer>();
  try {
    if (zip.entryCount > MAX_ENTRIES) throw tableFileError('unreadable_file', name, `cannot be read: it holds ${zip.entryCount} files inside (an XLSX workbook has far fewer; at most ${MAX_ENTRIES} are read)`);
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      const path = entry.fileName;
      if (!(path.endsWith('.xml') || path.endsWith('.rels')) || parts.has(path) || path.startsWith('/') || path.includes('..') || path.includes('\\')) continue;
      if (entry.isEncrypted()) throw tableFileError('unreadable_file', name, 'cannot be read: it is protected with a password; save a copy without one');
      total += entry.uncompressedSize;
      if (total > MAX_XML_BYTES) throw tableFileError('file_too_large', name, `is too large: its sheets unpack to more than ${MAX_XML_BYTES / 1024 / 1024} MiB`);
      parts.set(path, await readAll(await zip.openReadStreamPromise(entry), entry.uncompressedSize));
    }
  } catch (e) {
    if (e instanceof ServiceError) throw e;
    throw tableFileError('unreadable_file', name, `cannot be read: it looks like a zip archive (as XLSX files are) but is damaged (${printable((e as Error).message)})`);
  } finally {
    zip.close();
  }
  if (!parts.has('xl/workbook.xml')) throw tableFileError('unsupported_type', name, 'is a zip archive but not an XLSX workbook');
  return parts;
}

async function zipStored(parts: Map<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [path, data] of parts) zip.addBuffer(data, path, { compress: false, mtime: new Date(0) });
  zip.end();
  const out: Buffer[] = [];
  for await (const p of zip.outputStream as AsyncIterable<Buffer>) out.push(p);
  return Buffer.concat(out);
}

function chooseSheet(names: string[], sheet: string | number | undefined, name: string | undefined): number {
  const list = names.map((n) => `"${n}"`).join(', ');
  if (names.length === 0) throw tableFileError('unreadable_file', name, 'cannot be read: the workbook lists no sheets');
  if (sheet === undefined) return 1;
  if (typeof sheet === 'number') {
    if (Number.isInteger(sheet) && sheet >= 1 && sheet <= names.length) return sheet;
    throw tableFileError('sheet_not_found', name, `has no sheet number ${sheet}: it has ${names.length} (${list})`);
  }
  const at = names.indexOf(sheet);
  const loose = at >= 0 ? at : names.findIndex((n) => n.trim().toLowerCase() === sheet.trim().toLowerCase());
  if (loose < 0) throw tableFileError('sheet_not_found', name, `has no sheet named "${sheet.replace(/[\p{Cc}\p{Cf}"]/gu, '').slice(0, 80)}": its sheets are ${list}`);
  return loose + 1;
}

/** Refuses a sheet whose cells reach past Excel's limits, or span more than MAX_SHEET_CELLS. */
function checkExtent(parts: Map<string, Buffer>, index: number, name: string | undefined): void {
  const part = sheetPart(parts.get('xl/workbook.xml')!.toString('utf8'), parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '', index);
  // when the workbook does not say which part is the sheet, every worksheet part is checked
  const xmls = part !== undefined && parts.has(part) ? [parts.get(part)!] : [...parts].filter(([p]) => p.startsWith('xl/worksheets/')).map(([, b]) => b);
  for (const xml of xmls) {
    const { rows, columns } = sheetExtent(xml.toString('utf8'));
    if (rows > EXCEL_MAX_ROWS || columns > EXCEL_MAX_COLUMNS) {
      throw tableFileError('unreadable_file', name, `cannot be read: its sheet has cells past row ${EXCEL_MAX_ROWS} or column ${EXCEL_MAX_COLUMNS}, Excel's limits (it is damaged)`);
    }
    if (rows * columns > MAX_SHEET_CELLS) {
      throw tableFileError('file_too_large', name, `is too large: its sheet spans ${rows} rows × ${columns} columns; at most ${MAX_SHEET_CELLS} cells are read`);
    }
  }
}

export async function readXlsx(input: XlsxInput, opts: XlsxOptions, limits: TableLimits): Promise<TableResult> {
  const name = opts.name;
  const parts = await xmlParts(input, name);
  const sheets = sheetNames(parts.get('xl/workbook.xml')!.toString('utf8'));
  const index = chooseSheet(sheets, opts.sheet, name);
  checkExtent(parts, index, name);
  const stored = await zipStored(parts);
  parts.clear();

  let data: XlsxValue[][];
  try {
    data = (await readSheet<RawNumber>(stored, index, { trim: false, parseNumber: (raw: string) => ({ raw }) })) as unknown as XlsxValue[][];
  } catch (e) {
    throw tableFileError('unreadable_file', name, `cannot be read as an XLSX workbook: ${printable((e as Error).message)}`);
  }

  const sheet = sheets[index - 1]!;
  const problems = new ProblemList(limits.maxProblems);
  const rows: TableRow[] = [];
  let header: string[] | undefined;
  let headerLine = 0;
  let dataRows = 0;
  for (let i = 0; i < data.length; i++) {
    const line = i + 1;
    const cells = (data[i] ?? []).map(cellText);
    if (cells.every((c) => c.trim() === '')) continue;
    if (!header) {
      header = normaliseHeader(cells, line, problems);
      headerLine = line;
      continue;
    }
    if (++dataRows > limits.maxRows) {
      problems.add({ line, code: 'too_many_rows', message: `the sheet has more than ${limits.maxRows} rows; only the first ${limits.maxRows} were read` });
      break;
    }
    while (cells.length < header.length) cells.push('');
    const big = cells.findIndex((c) => c.length > limits.maxCellBytes / 3 && utf8Length(c) > limits.maxCellBytes);
    if (big >= 0) {
      problems.add({ line, column: header[big] ?? `column ${big + 1}`, code: 'cell_too_large', message: `the cell is larger than ${limits.maxCellBytes} bytes; the row is left out` });
      continue;
    }
    rows.push({ line, cells: cells.slice(0, header.length) });
  }
  if (!header) throw tableFileError('empty_file', name, `has no rows: its sheet "${sheet}" is empty`);
  return { format: 'xlsx', sheets, sheet, header, headerLine, rows, problems: problems.list() };
}
