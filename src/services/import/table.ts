/**
 * What reading a tabular file (CSV, TSV or XLSX) gives, for the import to build on: the header, the
 * rows with the line each came from, and row-level problems; and the one error that refuses a file
 * as a whole (a ServiceError naming the file: empty, too large, not a table, unreadable).
 *
 * Lines are what a person finds in a text editor: for CSV the physical line where the record starts
 * (a cell spanning lines counts its lines), for XLSX the spreadsheet's row number.
 */
import { ServiceError } from '../errors.js';

export type TableEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'windows-1252';
export const TABLE_ENCODINGS: readonly TableEncoding[] = ['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'windows-1252'];

export type TableDelimiter = ',' | ';' | '\t';
export const TABLE_DELIMITERS: readonly TableDelimiter[] = [',', ';', '\t'];

export interface TableRow {
  /** CSV: the physical line where the record starts; XLSX: the row number */
  line: number;
  /** as many as the header has, as text */
  cells: string[];
}

export type TableProblemCode =
  | 'ragged_row' // a CSV record with more or fewer cells than the header
  | 'broken_quote' // a quote that does not open or close a cell where RFC 4180 allows
  | 'cell_too_large' // a cell over maxCellBytes
  | 'nul_character' // a NUL character inside a cell
  | 'undecodable_bytes' // bytes that are not valid in the file's encoding (shown as U+FFFD)
  | 'empty_header' // a column without a name (a name is generated)
  | 'duplicate_header' // a column named like an earlier one (a name is generated)
  | 'too_many_rows' // more than maxRows: reading stopped
  | 'too_many_problems'; // more than maxProblems: the rest are counted, not listed

export interface TableProblem {
  /** ≥ 1 */
  line: number;
  /** the header name of the cell, when the problem is in one cell */
  column?: string;
  code: TableProblemCode;
  message: string;
}

export interface TableResult {
  format: 'csv' | 'xlsx' | 'json';
  /** CSV: the encoding read (asked for, or detected) */
  encoding?: TableEncoding;
  /** CSV: why that encoding ("asked for", "byte order mark", …) */
  encodingReason?: string;
  /** CSV: the delimiter read (asked for, or detected) */
  delimiter?: TableDelimiter;
  /** CSV: why that delimiter ("asked for", "semicolon: it gives the header 5 columns, …") */
  delimiterReason?: string;
  /** XLSX: every sheet's name, in the workbook's order */
  sheets?: string[];
  /** XLSX: the sheet read */
  sheet?: string;
  /** trimmed, unique, none empty (generated names: "column 3") */
  header: string[];
  /** the line of the header (0 for JSON, whose keys are the header) */
  headerLine: number;
  /** rows with a problem are left out; so are rows whose cells are all empty */
  rows: TableRow[];
  /** sorted by line */
  problems: TableProblem[];
}

export interface ReadTableOptions {
  /** the file's name, for messages only (the type is decided by the content) */
  name?: string;
  /** CSV: read with this encoding instead of detecting it */
  encoding?: TableEncoding;
  /** CSV: 'auto' (the default) chooses from the first lines */
  delimiter?: TableDelimiter | 'auto';
  /** XLSX: a sheet's name, or its position (1 for the first); the first sheet by default */
  sheet?: string | number;
  /** rows read at most (default 200,000); over that: a problem, and reading stops */
  maxRows?: number;
  /** the largest cell, in UTF-8 bytes (default 1 MiB); a larger one is a problem on its line */
  maxCellBytes?: number;
  /** the largest file accepted (default 256 MiB) */
  maxBytes?: number;
  /** problems listed at most (default 1,000); the rest are counted in a last problem */
  maxProblems?: number;
}

export const TABLE_DEFAULTS = {
  maxRows: 200_000,
  maxCellBytes: 1024 * 1024,
  maxBytes: 256 * 1024 * 1024,
  maxProblems: 1_000,
} as const;

export type TableLimits = { maxRows: number; maxCellBytes: number; maxBytes: number; maxProblems: number };

export function tableLimits(opts: ReadTableOptions): TableLimits {
  const pick = (v: number | undefined, d: number) => (v !== undefined && Number.isFinite(v) && v >= 1 ? Math.floor(v) : d);
  return {
    maxRows: pick(opts.maxRows, TABLE_DEFAULTS.maxRows),
    maxCellBytes: pick(opts.maxCellBytes, TABLE_DEFAULTS.maxCellBytes),
    maxBytes: pick(opts.maxBytes, TABLE_DEFAULTS.maxBytes),
    maxProblems: pick(opts.maxProblems, TABLE_DEFAULTS.maxProblems),
  };
}

/** The codes of the whole-file error (a ServiceError whose `problems` name the field `file`). */
export type TableFileErrorCode = 'empty_file' | 'file_too_large' | 'unsupported_type' | 'unreadable_file' | 'sheet_not_found';
export const TABLE_FILE_ERROR_CODES: readonly TableFileErrorCode[] = ['empty_file', 'file_too_large', 'unsupported_type', 'unreadable_file', 'sheet_not_found'];

const STATUS: Record<TableFileErrorCode, number> = { empty_file: 400, file_too_large: 413, unsupported_type: 415, unreadable_file: 400, sheet_not_found: 400 };

/**
 * How a message names the file: always "the file", never its name — a file name may hold a person's
 * or a place's name, and messages end up in logs and on screens (the name is given for content rules
 * such as .txt only).
 */
export function fileLabel(_name: string | undefined): string {
  return 'the file';
}

/** The whole-file error: `reason` completes "<the file> …" ("is empty", "is a PDF document, not a table"). */
export function tableFileError(code: TableFileErrorCode, name: string | undefined, reason: string): ServiceError {
  return new ServiceError(STATUS[code], code, `file: ${fileLabel(name)} ${reason}`, [{ path: 'file', message: `${fileLabel(name)} ${reason}`, code }]);
}

export function isTableFileError(e: unknown): e is ServiceError {
  return e instanceof ServiceError && (TABLE_FILE_ERROR_CODES as readonly string[]).includes(e.code);
}

/**
 * Collects problems; `list()` gives the first `max` by line (then in the order added), and one last
 * problem counting the rest. At most about 2 × max are held at a time.
 */
export class ProblemList {
  private items: { p: TableProblem; i: number }[] = [];
  private added = 0;
  private dropped = 0;
  private firstDroppedLine = Number.POSITIVE_INFINITY;
  constructor(private readonly max: number) {}

  add(p: TableProblem): void {
    this.items.push({ p, i: this.added++ });
    if (this.items.length >= 2 * this.max) this.trim();
  }

  private trim(): void {
    this.items.sort((a, b) => a.p.line - b.p.line || a.i - b.i);
    const rest = this.items.splice(this.max);
    this.dropped += rest.length;
    if (rest.length > 0) this.firstDroppedLine = Math.min(this.firstDroppedLine, rest[0]!.p.line);
  }

  list(): TableProblem[] {
    this.trim();
    const out = this.items.map((x) => x.p);
    if (this.dropped > 0) {
      out.push({ line: this.firstDroppedLine, code: 'too_many_problems', message: `${this.dropped} more problem${this.dropped === 1 ? '' : 's'} from this line on, not listed (only the first ${this.max} are)` });
    }
    return out;
  }
}

/** Names of the columns: trimmed; an empty or repeated name is a problem and gets a generated one ("column 3"). */
export function normaliseHeader(cells: readonly string[], line: number, problems: ProblemList): string[] {
  const trimmed = cells.map((c) => c.trim());
  const taken = new Set(trimmed.filter((c) => c !== '').map((c) => c.toLowerCase()));
  const seen = new Set<string>();
  return trimmed.map((name, i) => {
    const key = name.toLowerCase();
    if (name !== '' && !seen.has(key)) {
      seen.add(key);
      return name;
    }
    let generated = `column ${i + 1}`;
    for (let n = 2; taken.has(generated.toLowerCase()) || seen.has(generated.toLowerCase()); n++) generated = `column ${i + 1} (${n})`;
    seen.add(generated.toLowerCase());
    taken.add(generated.toLowerCase());
    problems.add(name === ''
      ? { line, column: generated, code: 'empty_header', message: `column ${i + 1} has no name; it is called "${generated}"` }
      : { line, column: generated, code: 'duplicate_header', message: `column ${i + 1} is named "${name}" like an earlier column; it is called "${generated}"` });
    return generated;
  });
}

/** UTF-8 length of a string (without allocating). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return n;
}

/** Whether a cell holds a NUL, or what a decoder makes of bytes it cannot read (U+FFFD, a lone surrogate). */
export const NUL = '\u0000';
const UNDECODABLE = /[\uFFFD\p{Cs}]/u;
export const hasUndecodable = (s: string) => UNDECODABLE.test(s);
