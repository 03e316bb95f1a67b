/**
 * Reads a CSV or TSV file as a stream: bytes → text (iconv-lite, the encoding asked for or detected)
 * → records (RecordSplitter: RFC 4180 quoting, physical line numbers, broken quotes and oversized
 * cells recovered from) → cells (csv-parse's streaming parser, `relax_column_count`) → rows. The
 * decoded text is held only one record at a time (twice for that record: the splitter's copy and
 * csv-parse's), never whole.
 *
 * Cells are text, exactly as in the file (not trimmed, not converted). A cell that looks like a
 * spreadsheet formula (starting with =, +, - or @) stays text: nothing here evaluates anything.
 *
 * Row problems (each on the record's first line; the row is left out): a record with more or fewer
 * cells than the header (`ragged_row`), a broken quote, a cell over the limit, a NUL character, bytes
 * the encoding cannot decode. Whole-file errors: NUL characters in the first 64 KiB (binary data,
 * or UTF-16 without a byte order mark), no records at all, a header line that cannot be read.
 */
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import { RecordSplitter, type SplitProblem } from './csv-records.js';
import { detectDelimiter } from './detect-delimiter.js';
import { detectEncoding, ICONV_NAMES } from './detect-encoding.js';
import {
  NUL, ProblemList, hasUndecodable, normaliseHeader, tableFileError,
  type TableDelimiter, type TableEncoding, type TableLimits, type TableProblem, type TableResult, type TableRow,
} from './table.js';
import type { ServiceError } from '../errors.js';

export interface CsvSource {
  /** the first bytes of the file (up to HEAD_BYTES) */
  head: Buffer;
  /** `head` is the whole file */
  whole: boolean;
  /** all the bytes of the file, from the start, in chunks */
  chunks: () => AsyncIterable<Buffer>;
}

export interface CsvOptions {
  name?: string;
  encoding?: TableEncoding;
  delimiter?: TableDelimiter | 'auto';
}

const ENCODING_NAMES: Record<TableEncoding, string> = {
  utf8: 'UTF-8', 'utf8-bom': 'UTF-8', utf16le: 'UTF-16', utf16be: 'UTF-16', 'windows-1252': 'Windows-1252',
};

export async function readCsv(src: CsvSource, opts: CsvOptions, limits: TableLimits): Promise<TableResult> {
  const name = opts.name;
  const detected = opts.encoding ? { encoding: opts.encoding, reason: 'asked for' } : detectEncoding(src.head, { whole: src.whole });
  const encoding = detected.encoding;
  const iconvName = ICONV_NAMES[encoding];

  // the head, decoded: binary content is refused as a whole; the delimiter is chosen from it
  const headText = iconv.getDecoder(iconvName).write(src.head);
  if (headText.includes(NUL)) {
    const hint = encoding === 'utf16le' || encoding === 'utf16be' ? '' : ' (if it is UTF-16 text without a byte order mark, choose that encoding)';
    throw tableFileError('unsupported_type', name, `is not a CSV or XLSX table: it holds binary data (NUL bytes)${hint}`);
  }
  const chosen = opts.delimiter && opts.delimiter !== 'auto' ? { delimiter: opts.delimiter, reason: 'asked for' } : detectDelimiter(headText, src.whole);
  const delimiter = chosen.delimiter;

  const problems = new ProblemList(limits.maxProblems);
  const rows: TableRow[] = [];
  let header: string[] | undefined;
  let headerLine = 0;
  let fatal: ServiceError | undefined;
  let lastLine = 1;
  let dataRecords = 0;
  let sawFirst = false;

  // csv-parse reads the records the splitter passes on, in order; `lines` says where each starts
  const lines: number[] = [];
  let linesAt = 0;
  let disagreement: string | undefined;
  const parser = parse({
    delimiter,
    quote: '"',
    escape: '"',
    record_delimiter: '\n',
    relax_column_count: true,
    skip_records_with_error: true,
    bom: false,
    max_record_size: 0,
    cast: false,
    on_skip: (err) => {
      // the splitter passes on well-formed records only: csv-parse refusing one is a bug here
      disagreement ??= `csv-parse refused a record the splitter passed on (near line ${lines[linesAt] ?? '?'}): ${err?.message ?? ''}`;
      return undefined;
    },
  });
  parser.on('data', (cells: string[]) => {
    const line = lines[linesAt++];
    if (line === undefined) {
      disagreement ??= 'csv-parse gave more records than the splitter passed on';
      return;
    }
    if (!header) {
      header = normaliseHeader(cells, line, problems);
      headerLine = line;
      return;
    }
    onRow(line, cells);
  });
  const parsed = once(parser, 'end');
  parsed.catch(() => undefined);

  function onRow(line: number, cells: string[]): void {
    const h = header!;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== h.length) {
      problems.add({ line, code: 'ragged_row', message: `this row has ${cells.length} cell${cells.length === 1 ? '' : 's'}; the header has ${h.length}; the row is left out` });
      return;
    }
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      if (c.includes(NUL)) {
        problems.add({ line, column: h[i]!, code: 'nul_character', message: 'the cell holds a NUL character (binary data); the row is left out' });
        return;
      }
      if (hasUndecodable(c)) {
        problems.add({ line, column: h[i]!, code: 'undecodable_bytes', message: `the cell holds bytes that are not valid ${ENCODING_NAMES[encoding]} (shown as \uFFFD); the row is left out. If the file is in another encoding, choose it` });
        return;
      }
    }
    rows.push({ line, cells });
  }

  /** A record read, or a broken one: counted against maxRows once the header is known. */
  function countRecord(line: number): boolean {
    lastLine = line;
    if (!sawFirst) {
      sawFirst = true;
      return true;
    }
    if (++dataRecords > limits.maxRows) {
      problems.add({ line, code: 'too_many_rows', message: `the file has more than ${limits.maxRows} rows; only the first ${limits.maxRows} were read` });
      splitter.stop();
      return false;
    }
    return true;
  }

  const splitter: RecordSplitter = new RecordSplitter({
    delimiter,
    maxCellBytes: limits.maxCellBytes,
    onRecord: (r) => {
      if (!countRecord(r.line)) return;
      lines.push(r.line);
      parser.write(`${r.text}\n`);
    },
    onProblem: (p: SplitProblem) => {
      if (!sawFirst) {
        fatal = tableFileError('unreadable_file', name, `cannot be read: its first line (the column names) has a problem: ${p.reason}`);
        splitter.stop();
        return;
      }
      if (!countRecord(p.line)) return;
      const problem: TableProblem = { line: p.line, code: p.code, message: p.message };
      problems.add(problem);
      // named once csv-parse has read the header (it may lag behind the splitter)
      if (p.cell !== undefined) inCell.push({ problem, cell: p.cell });
    },
  });
  const inCell: { problem: TableProblem; cell: number }[] = [];

  const decoder = iconv.getDecoder(iconvName);
  let bytes = 0;
  for await (const chunk of src.chunks()) {
    bytes += chunk.length;
    splitter.push(decoder.write(chunk));
    if (fatal || splitter.stopped) break;
    if (parser.writableNeedDrain) await once(parser, 'drain');
  }
  if (!fatal && !splitter.stopped) {
    const tail = decoder.end();
    if (tail) splitter.push(tail);
    splitter.end();
    if ((encoding === 'utf16le' || encoding === 'utf16be') && bytes % 2 === 1) {
      problems.add({ line: lastLine, code: 'undecodable_bytes', message: 'the file ends with half a UTF-16 character (an odd number of bytes); the last byte is left out' });
    }
  }
  parser.end();
  await parsed;
  if (fatal) throw fatal;
  if (disagreement) throw new Error(disagreement);
  if (!header) throw tableFileError('empty_file', name, 'has no rows: not even a header line');
  // a cell past the header's last column (in a ragged record) has no name: the message numbers it
  for (const { problem, cell } of inCell) if (cell < header.length) problem.column = header[cell]!;
  return {
    format: 'csv',
    encoding,
    encodingReason: detected.reason,
    delimiter,
    delimiterReason: chosen.reason,
    header,
    headerLine,
    rows,
    problems: problems.list(),
  };
}
