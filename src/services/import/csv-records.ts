/**
 * Splits decoded CSV text into records, pushed in chunks, following RFC 4180's quoting: a cell that
 * starts with a quote runs to the quote that is followed by the delimiter, a line break or the end
 * ("" inside is one quote) and may span lines; any other quote is an error. Each record comes with
 * the physical line it starts on (line breaks: CRLF, LF or a lone CR, inside quotes too) and its
 * number of cells. Blank lines are skipped.
 *
 * What RFC 4180 does not allow becomes a problem on the record's first line, and reading goes on:
 *  - a quote inside a cell that does not start with one, or text after a closing quote: when the
 *    record is on one line, that line is left out and reading resumes on the next line;
 *  - a quote that is never closed (the end of the file comes first), or whose "closing" quote is
 *    followed by text on a later line, or whose cell grows over the cell limit across lines: the
 *    quote opened on line L ran away. Line L is left out and the text after it is read again from
 *    line L + 1, so the rows after a broken quote are still read. Text is kept for re-reading only
 *    up to the cell limit per cell, and re-reading is bounded overall (REPLAY_BUDGET); past that,
 *    the lines the runaway swallowed are reported as not read;
 *  - a cell over the cell limit on one line: the record is left out (its text is not kept).
 * The records passed on are well-formed, so a strict RFC 4180 parser (csv-parse) reads each of them
 * as exactly one record.
 */
export interface SplitRecord {
  /** the physical line the record starts on */
  line: number;
  /** the record's text, without its final line break */
  text: string;
  /** how many cells it has */
  cells: number;
}

export interface SplitProblem {
  line: number;
  /** 0-based index of the cell the problem is in, when it is in one */
  cell?: number;
  code: 'broken_quote' | 'cell_too_large';
  /** what is wrong, then what was done about it */
  message: string;
  /** what is wrong only */
  reason: string;
}

export interface SplitterOptions {
  delimiter: string;
  maxCellBytes: number;
  onRecord: (r: SplitRecord) => void;
  onProblem: (p: SplitProblem) => void;
  /** characters re-read after runaway quotes, in all (default 32 Mi) */
  replayBudget?: number;
}

const QUOTE = 34, CR = 13, LF = 10;
export const REPLAY_BUDGET = 32 * 1024 * 1024;

const enum S {
  /** at the start of a cell (the record may be empty so far) */
  CellStart,
  Unquoted,
  Quoted,
  /** just after a quote inside a quoted cell: closing, or the first of "" */
  QuoteInQuoted,
  /** a broken record on one line: everything up to the line break belongs to it */
  SkipLine,
}

export class RecordSplitter {
  private readonly delim: number;
  private readonly max: number;
  private replayLeft: number;
  private readonly queue: string[] = [];
  private busy = false;
  private halted = false;

  // position
  private line = 1;
  private lastWasCR = false;

  // the record being read
  private state = S.CellStart;
  private empty = true; // no character of the record read yet
  private recLine = 1;
  private cells = 1;
  private cellBytes = 0;
  private quoteLine = 0; // where the current quoted cell opened
  private keep = true; // whether the record's text is still being kept
  private parts: string[] = [];
  private partsLength = 0;
  private firstBreakEnd = -1; // offset in the record's text where its second line starts
  private bad: SplitProblem | undefined;
  private firstCells: number | undefined; // cells of the first record read (the header)

  constructor(private readonly opts: SplitterOptions) {
    if (opts.delimiter.length !== 1) throw new Error('the delimiter is one character');
    this.delim = opts.delimiter.charCodeAt(0);
    this.max = opts.maxCellBytes;
    this.replayLeft = opts.replayBudget ?? REPLAY_BUDGET;
  }

  /** Reads more text. */
  push(text: string): void {
    if (this.halted || text === '') return;
    this.queue.push(text);
    this.drain();
  }

  /** The end of the text: the last record (if any) is passed on. */
  end(): void {
    for (;;) {
      this.drain();
      if (this.halted || this.empty) return;
      if (this.state === S.Quoted) {
        // the end of the file inside a quoted cell
        const reason = `the quote that opens a cell on line ${this.quoteLine} is never closed`;
        if (this.quoteLine < this.line) {
          if (this.replay(reason, '')) continue;
          this.bad = undefined;
          this.fail(reason, `lines ${this.recLine}–${this.line} could not be read`);
        } else {
          this.fail(reason, 'the line is left out');
        }
      }
      this.finishRecord(this.keep ? this.parts.join('') : '');
      return;
    }
  }

  private drain(): void {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length > 0 && !this.halted) this.scan(this.queue.shift()!);
    } finally {
      this.busy = false;
    }
  }

  /** Whether `stop()` was called. */
  get stopped(): boolean {
    return this.halted;
  }

  /** Ignores all further text. */
  stop(): void {
    this.halted = true;
    this.queue.length = 0;
  }

  private fail(reason: string, done: string, code: SplitProblem['code'] = 'broken_quote', cell?: number): void {
    if (!this.bad) this.bad = { line: this.recLine, code, reason, message: `${reason}; ${done}`, ...(cell !== undefined ? { cell } : {}) };
  }

  /** The record's text read so far (before `upTo` in `chunk`, from `from`). */
  private textSoFar(chunk: string, from: number, upTo: number): string {
    const tail = chunk.slice(from, upTo);
    return this.parts.length === 0 ? tail : this.parts.join('') + tail;
  }

  /**
   * The quote of the record being read ran away: its first line is a problem, and the text after
   * that line is read again (with `rest`, the text not scanned yet). False when that text was not kept
   * or the re-reading budget is spent.
   */
  private replay(reason: string, rest: string, chunk = '', from = 0, upTo = 0): boolean {
    if (!this.keep || this.firstBreakEnd < 0) return false;
    const soFar = this.textSoFar(chunk, from, upTo);
    const again = soFar.slice(this.firstBreakEnd);
    // the first line ended with a CR whose LF is not read yet: that LF ends the same line break
    const endedWithCR = soFar.charCodeAt(this.firstBreakEnd - 1) === CR;
    if (again.length > this.replayLeft) return false;
    this.replayLeft -= again.length;
    this.opts.onProblem({ line: this.recLine, code: 'broken_quote', reason, message: `${reason}; the line is left out and the lines after it are read again` });
    const nextLine = this.recLine + 1;
    this.resetRecord();
    this.line = nextLine;
    this.recLine = nextLine;
    this.lastWasCR = endedWithCR;
    this.queue.unshift(again + rest);
    return true;
  }

  private resetRecord(): void {
    this.state = S.CellStart;
    this.empty = true;
    this.cells = 1;
    this.cellBytes = 0;
    this.quoteLine = 0;
    this.keep = true;
    this.parts = [];
    this.partsLength = 0;
    this.firstBreakEnd = -1;
    this.bad = undefined;
  }

  private finishRecord(text: string): void {
    const bad = this.bad;
    if (bad) this.opts.onProblem(bad);
    else {
      this.firstCells ??= this.cells;
      this.opts.onRecord({ line: this.recLine, text, cells: this.cells });
    }
    this.resetRecord();
  }

  private scan(chunk: string): void {
    const n = chunk.length;
    const delim = this.delim;
    let from = 0; // where the record's text starts in this chunk
    for (let i = 0; i < n; i++) {
      if (this.halted) return;
      const c = chunk.charCodeAt(i);
      // a line break: CRLF, LF or a lone CR (the LF of a CRLF is not a second one)
      const lineBreak = c === CR || (c === LF && !this.lastWasCR);
      const lfOfCrlf = c === LF && this.lastWasCR;
      this.lastWasCR = c === CR;

      if (this.empty && this.state === S.CellStart) {
        if (lineBreak || lfOfCrlf) {
          // a blank line (or the LF of the CRLF that ended the last record)
          if (lineBreak) this.line++;
          from = i + 1;
          continue;
        }
        this.empty = false;
        this.recLine = this.line;
        from = i;
      }

      if (lfOfCrlf) {
        // part of a line break inside a quoted cell: the line was counted at its CR
        if (this.firstBreakEnd === this.partsLength + (i - from)) this.firstBreakEnd++;
        continue;
      }

      if (lineBreak && this.state !== S.Quoted) {
        // the end of the record (a closing quote, if any, is followed by the line break)
        this.line++;
        this.finishRecord(this.keep ? this.textSoFar(chunk, from, i) : '');
        from = i + 1;
        continue;
      }

      switch (this.state) {
        case S.CellStart:
          if (c === QUOTE) {
            this.state = S.Quoted;
            this.quoteLine = this.line;
          } else if (c === delim) {
            this.cells++;
          } else {
            this.state = S.Unquoted;
            this.addByte(c);
          }
          break;
        case S.Unquoted:
          if (c === delim) {
            this.cells++;
            this.cellBytes = 0;
            this.state = S.CellStart;
          } else if (c === QUOTE) {
            this.fail(`a quote inside cell ${this.cells}, which does not start with a quote (inside a quoted cell, a quote is written "")`, 'the line is left out');
            this.state = S.SkipLine;
          } else {
            this.addByte(c);
          }
          break;
        case S.Quoted:
          if (c === QUOTE) {
            this.state = S.QuoteInQuoted;
          } else if (lineBreak) {
            this.line++;
            if (this.firstBreakEnd < 0) this.firstBreakEnd = this.partsLength + (i + 1 - from);
            this.addByte(c);
          } else {
            this.addByte(c);
          }
          break;
        case S.QuoteInQuoted:
          if (c === QUOTE) {
            // "" inside a quoted cell: one quote
            this.state = S.Quoted;
            this.addByte(c);
          } else if (c === delim) {
            this.cells++;
            this.cellBytes = 0;
            this.state = S.CellStart;
          } else if (this.quoteLine < this.line) {
            // text after the "closing" quote of a cell that opened on an earlier line: a runaway quote
            const reason = `the quote that opens a cell on line ${this.quoteLine} is not closed where a cell ends (text follows a quote on line ${this.line})`;
            if (this.replay(reason, chunk.slice(i), chunk, from, i)) return;
            this.bad = undefined;
            this.fail(reason, `lines ${this.recLine}–${this.line} are left out`);
            this.state = S.SkipLine;
          } else {
            this.fail(`text after the closing quote of cell ${this.cells} (inside a quoted cell, a quote is written "")`, 'the line is left out');
            this.state = S.SkipLine;
          }
          break;
        case S.SkipLine:
          break;
      }
      if (this.cellBytes > this.max && this.keep) {
        // the cell grew over the limit. Across lines, and those lines look like records: a runaway quote
        if (this.state === S.Quoted && this.quoteLine < this.line && this.looksLikeRecords(this.textSoFar(chunk, from, i + 1).slice(this.firstBreakEnd))) {
          const reason = `the quote that opens a cell on line ${this.quoteLine} is not closed before the cell grows over ${this.max} bytes`;
          if (this.replay(reason, chunk.slice(i + 1), chunk, from, i + 1)) return;
        }
        this.fail(`cell ${this.cells} is larger than ${this.max} bytes`, 'the row is left out', 'cell_too_large', this.cells - 1);
        this.keep = false;
        this.parts = [];
        this.partsLength = 0;
      }
    }
    // keep the unfinished record's text for the next chunk
    if (!this.empty && this.keep && from < n) {
      const tail = chunk.slice(from);
      this.parts.push(tail);
      this.partsLength += tail.length;
    }
  }

  /**
   * Whether the lines of a long quoted cell look like records swallowed by a runaway quote (most have
   * as many delimiters as the header) rather than text (a long note with line breaks).
   */
  private looksLikeRecords(text: string): boolean {
    if (this.firstCells === undefined) return true;
    const lines = text.split(/\r\n|\n|\r/).slice(0, -1).slice(0, 200);
    if (lines.length === 0) return false;
    const want = this.firstCells - 1;
    const delim = String.fromCharCode(this.delim);
    let alike = 0;
    for (const l of lines) if (l.split(delim).length - 1 === want) alike++;
    return alike >= Math.max(1, lines.length / 2);
  }

  private addByte(c: number): void {
    this.cellBytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
}
