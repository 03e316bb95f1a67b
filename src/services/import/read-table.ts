/**
 * Reads a tabular file — CSV, TSV, XLSX or JSON records, given as bytes or a path — into a header and rows with
 * their line numbers and row-level problems (table.ts). No mapping onto incidents, no database.
 *
 * The type is decided by the content, not the name: file-type recognises an XLSX workbook (a zip
 * whose parts are under xl/; another zip is tried as one too); anything else it recognises (a PDF,
 * an image, an old .xls, a Word document, …) is refused as a whole, and so is supposed text with NUL
 * bytes in its first 64 KiB. The rest is read as XLSX (read-xlsx.ts), as JSON records when its text
 * opens with [ or { (read-json.ts), or as CSV (read-csv.ts).
 *
 * Cells that look like spreadsheet formulas (=, +, -, @ first) are kept as text and never evaluated.
 *
 * Throws only the whole-file error (table.ts `tableFileError`: a ServiceError with a 4xx status and
 * a message naming the file); everything about single rows is in `problems`.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { looksLikeJson, readJson } from './read-json.js';
import { tableFileError, tableLimits, type ReadTableOptions, type TableResult } from './table.js';

export type TableInput = { bytes: Buffer } | { path: string };

/** How much of the file decides its type, encoding, delimiter and whether it is binary. */
export const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 64 * 1024;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function refusedType(ext: string, mime: string): string {
  if (ext === 'cfb' || mime === 'application/x-cfb') return 'is an old Excel (.xls) file or another Office 97–2003 document: save it as .xlsx or CSV and send that';
  if (ext === 'docx' || ext === 'pptx' || ext === 'odt' || ext === 'odp') return `is a ${ext.toUpperCase()} document, not a table`;
  if (ext === 'ods') return 'is an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV and send that';
  return `is not a CSV or XLSX table: its content is ${ext.toUpperCase()} (${mime})`;
}

async function* bufferChunks(bytes: Buffer): AsyncIterable<Buffer> {
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
}

/** The file's bytes in chunks; if it grew past the limit since it was measured, a whole-file error. */
async function* fileChunks(path: string, maxBytes: number, name: string | undefined): AsyncIterable<Buffer> {
  let n = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    n += (chunk as Buffer).length;
    if (n > maxBytes) throw tableFileError('file_too_large', name, `is too large: the limit is ${maxBytes} bytes`);
    yield chunk as Buffer;
  }
}

async function headOfFile(path: string, size: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function sizeOf(path: string, name: string | undefined): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw tableFileError('unreadable_file', name, 'cannot be read: it is not a file');
    return s.size;
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw tableFileError('unreadable_file', name, 'cannot be read: there is no such file');
    if ((e as { code?: string }).code === 'EACCES') throw tableFileError('unreadable_file', name, 'cannot be read: permission denied');
    throw e;
  }
}

export async function readTable(input: TableInput, opts: ReadTableOptions = {}): Promise<TableResult> {
  const limits = tableLimits(opts);
  const name = opts.name;
  const size = 'bytes' in input ? input.bytes.length : await sizeOf(input.path, name);
  if (size === 0) throw tableFileError('empty_file', name, 'is empty');
  if (size > limits.maxBytes) throw tableFileError('file_too_large', name, `is too large: ${size} bytes, the limit is ${limits.maxBytes}`);

  const found = await ('bytes' in input ? fileTypeFromBuffer(input.bytes) : fileTypeFromFile(input.path)).catch(() => undefined);
  if (found && (found.mime === XLSX_MIME || found.ext === 'zip')) {
    return readXlsx(input, { name, sheet: opts.sheet }, limits);
  }
  if (found) throw tableFileError('unsupported_type', name, refusedType(found.ext, found.mime));

  const head = 'bytes' in input ? input.bytes.subarray(0, HEAD_BYTES) : await headOfFile(input.path, size);
  if (looksLikeJson(head)) {
    const bytes = 'bytes' in input ? input.bytes : await readFile(input.path);
    return readJson(bytes, { name, encoding: opts.encoding }, limits);
  }
  return readCsv({
    head,
    whole: size <= HEAD_BYTES,
    chunks: () => ('bytes' in input ? bufferChunks(input.bytes) : fileChunks(input.path, limits.maxBytes, name)),
  }, { name, encoding: opts.encoding, delimiter: opts.delimiter }, limits);
}
