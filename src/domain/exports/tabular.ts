/**
 * The records CSV and the XLSX sheet, built a row at a time. CSV: UTF-8 with a byte-order mark
 * (spreadsheets then read the accents), a header line in the file's language, CRLF, every text
 * cell guarded (cells.ts). XLSX: the same header and cells; text cells are typed strings (never
 * formulas) and guarded the same way, so a copy saved as CSV stays inert; numbers are numbers.
 */
import type { IncidentView } from '../incident/view.js';
import { csvLine, guardText, type Cell } from './cells.js';
import { recordColumns, recordHeader, recordRow, rowCells, type RecordColumn } from './record-row.js';
import type { ExportWords } from './words.js';

export class RecordsCsv {
  private readonly columns: RecordColumn[];
  private readonly lines: string[];
  rows = 0;
  constructor(private readonly words: ExportWords, identifying: boolean) {
    this.columns = recordColumns(identifying);
    this.lines = [`\uFEFF${csvLine(this.columns.map((c) => recordHeader(c, words.lang)))}`];
  }
  add(v: IncidentView): void {
    this.lines.push(csvLine(rowCells(recordRow(v, this.words), this.columns)));
    this.rows++;
  }
  /** the file as chunks, in order (sent as they are: never joined into one string) */
  finish(): string[] {
    return this.lines;
  }
}

/** A cell as write-excel-file takes it: a typed string or number, or nothing. */
export type SheetCell = { value: string; type: StringConstructor } | { value: number; type: NumberConstructor } | null;

export function sheetCell(c: Cell): SheetCell {
  if (c === null) return null;
  return typeof c === 'number' ? { value: c, type: Number } : { value: guardText(c), type: String };
}

export class RecordsSheet {
  private readonly columns: RecordColumn[];
  readonly data: SheetCell[][];
  rows = 0;
  constructor(private readonly words: ExportWords, identifying: boolean) {
    this.columns = recordColumns(identifying);
    this.data = [this.columns.map((c) => sheetCell(recordHeader(c, words.lang)))];
  }
  add(v: IncidentView): void {
    this.data.push(rowCells(recordRow(v, this.words), this.columns).map(sheetCell));
    this.rows++;
  }
  /** sheet name in the file's language */
  get name(): string {
    return this.words.lang === 'es' ? 'Incidentes' : 'Incidents';
  }
}
