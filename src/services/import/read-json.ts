/**
 * JSON tables: a list of records, as KoboToolbox, Uwazi and most databases export them — an array
 * of objects, or an object holding one such array (`{ "results": [...] }`, `{ "rows": [...] }`).
 * Nested objects are flattened to "group/field" headers (Kobo's own naming); a list of plain values
 * becomes one cell joined with "; "; deeper lists are kept as their JSON text. The "line" of a row is
 * its record number (1 for the first), which is what messages name.
 *
 * Parsed with secure-json-parse (no prototype keys); the whole file is read at once, so its size is
 * bounded by the same limit as every table.
 */
import sjson from 'secure-json-parse';
import iconv from 'iconv-lite';
import { detectEncoding, ICONV_NAMES } from './detect-encoding.js';
import { NUL, ProblemList, tableFileError, utf8Length, type TableLimits, type TableResult, type TableEncoding } from './table.js';

/** Whether decoded text is a JSON document rather than a CSV: its first character opens an array or object. */
export function looksLikeJson(head: Buffer): boolean {
  const enc = detectEncoding(head);
  const text = iconv.decode(head.subarray(0, 4096), ICONV_NAMES[enc.encoding]).replace(/^\uFEFF/, '');
  return /^\s*[[{]/.test(text);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isRecord = (x: Json) => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The list of records: the document itself, or the one list of records an object holds. */
function records(doc: Json): Json[] | undefined {
  if (Array.isArray(doc)) return doc.length === 0 || doc.some(isRecord) ? doc : undefined;
  if (doc && typeof doc === 'object') {
    const lists = Object.values(doc).filter((v): v is Json[] => Array.isArray(v) && v.some(isRecord));
    if (lists.length === 1) return lists[0];
  }
  return undefined;
}

function cellOf(v: Json): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) return v.filter((x) => x !== null).map(String).join('; ');
  return JSON.stringify(v);
}

function flatten(obj: { [k: string]: Json }, prefix: string, out: Map<string, string>, depth: number): void {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}/${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && depth < 5) flatten(v, key, out, depth + 1);
    else out.set(key, cellOf(v));
  }
}

export function readJson(bytes: Buffer, opts: { name?: string; encoding?: TableEncoding }, limits: TableLimits): TableResult {
  const detected = opts.encoding ? { encoding: opts.encoding, reason: 'asked for' } : detectEncoding(bytes.subarray(0, 64 * 1024), { whole: true });
  const text = iconv.decode(bytes, ICONV_NAMES[detected.encoding]).replace(/^\uFEFF/, '');
  let doc: Json;
  try {
    doc = sjson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }) as Json;
  } catch {
    throw tableFileError('unreadable_file', opts.name, 'is not valid JSON');
  }
  const list = records(doc);
  if (!list) throw tableFileError('unreadable_file', opts.name, 'is JSON, but not a list of records: give an array of objects, or an object holding one');
  if (list.length > limits.maxRows) throw tableFileError('file_too_large', opts.name, `has ${list.length} records; the limit is ${limits.maxRows}`);

  const problems = new ProblemList(limits.maxProblems);
  const header: string[] = [];
  const seen = new Set<string>();
  const flat: (Map<string, string> | undefined)[] = list.map((rec, i) => {
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      problems.add({ line: i + 1, code: 'ragged_row', message: `record ${i + 1} is not an object` });
      return undefined;
    }
    const m = new Map<string, string>();
    flatten(rec, '', m, 0);
    for (const k of m.keys()) if (!seen.has(k)) { seen.add(k); header.push(k || `column ${header.length + 1}`); }
    return m;
  });
  const rows: TableResult['rows'] = [];
  flat.forEach((m, i) => {
    if (!m) return;
    const cells = [...seen].map((k) => m.get(k) ?? '');
    const bad = cells.findIndex((c) => utf8Length(c) > limits.maxCellBytes || c.includes(NUL));
    if (bad >= 0) {
      const c = cells[bad]!;
      problems.add(c.includes(NUL)
        ? { line: i + 1, column: header[bad]!, code: 'nul_character', message: 'the cell holds a NUL character' }
        : { line: i + 1, column: header[bad]!, code: 'cell_too_large', message: `the cell is over ${limits.maxCellBytes} bytes` });
      return;
    }
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: i + 1, cells });
  });
  return { format: 'json', encoding: detected.encoding, encodingReason: detected.reason, header, headerLine: 0, rows, problems: problems.list() };
}
