/**
 * A problem found on one line of an imported file. Errors stop the commit (nothing is imported
 * until they are fixed, in the file or in the mapping); warnings are shown and the row imports as
 * the warning says. Messages are plain English, quote at most a short excerpt of the cell
 * (import-warning.ts `quote`), and never name the file.
 */
export type ProblemSeverity = 'error' | 'warning';

export interface RowProblem {
  /** the physical line (CSV), row (XLSX) or record number (JSON) */
  line: number;
  /** the column's header, when the problem is in one cell */
  column?: string;
  code: string;
  message: string;
  severity: ProblemSeverity;
}

export function rowError(line: number, column: string | undefined, code: string, message: string): RowProblem {
  return { line, ...(column !== undefined ? { column } : {}), code, message, severity: 'error' };
}

export function rowWarning(line: number, column: string | undefined, code: string, message: string): RowProblem {
  return { line, ...(column !== undefined ? { column } : {}), code, message, severity: 'warning' };
}
