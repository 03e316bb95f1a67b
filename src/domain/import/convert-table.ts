/**
 * A whole table → the incidents it makes and every problem, line by line: what the reader found
 * (a ragged row, a broken quote — that row is left out, so it is an error), columns the mapping
 * names that the table lacks, each row's conversion, the incident rules themselves (the same
 * schema and vocabulary checks as the API: a problem names the column it came from), and ids seen
 * on an earlier line. The dry run shows this; the commit imports only a table with no error.
 */
import { incidentInputSchema, type IncidentInput } from '../incident/schema.js';
import { checkIncidentCodes } from '../incident/check-codes.js';
import { zodFieldProblems } from '../problems.js';
import type { ImportTarget } from './mapping.js';
import { RowConverter, type ConvertContext } from './row-to-incident.js';
import { rowError, rowWarning, type RowProblem } from './row-problem.js';

export interface TableLike {
  header: readonly string[];
  headerLine: number;
  rows: readonly { line: number; cells: readonly string[] }[];
  problems: readonly { line: number; column?: string; code: string; message: string }[];
}

export interface ConvertedTable {
  /** in the table's order; empty when `errors` > 0 is fine to ignore (the commit refuses) */
  incidents: { line: number; input: IncidentInput }[];
  /** sorted by line; at most `maxProblems`, the rest counted in `moreProblems` */
  problems: RowProblem[];
  moreProblems: number;
  rows: number;
  errors: number;
  warnings: number;
}

/** Reader problems that leave a row out (errors), the others are warnings. */
const READER_WARNINGS = new Set(['empty_header', 'duplicate_header', 'undecodable_bytes']);

/** Which target a path of the incident input comes from. */
function targetOfPath(path: string): ImportTarget | undefined {
  const p = path.replace(/\[\d+\]/g, '');
  const table: [RegExp, ImportTarget][] = [
    [/^title/, 'title'], [/^summary/, 'summary'], [/^date\.end/, 'dateEnd'], [/^date/, 'date'],
    [/^place\.country/, 'country'], [/^place\.state/, 'state'], [/^place\.locality/, 'locality'], [/^place\.private/, 'coordinates'],
    [/^place\.routeSegment/, 'routeSegment'], [/^place\.crossing/, 'crossing'], [/^acts\.perpetrators/, 'perpetrator'], [/^acts/, 'act'],
    [/^context/, 'context'], [/^status/, 'status'], [/^followUp/, 'followUp'], [/^confidentiality/, 'confidentiality'],
    [/^victims\.actor\.role/, 'victimRole'], [/^victims/, 'victim'],
  ];
  const counts = /^counts\.(\w+)/.exec(p);
  if (counts) return `counts.${counts[1]}` as ImportTarget;
  return table.find(([re]) => re.test(p))?.[1];
}

export function convertTable(table: TableLike, cx: ConvertContext, maxProblems = 5_000): ConvertedTable {
  const problems: RowProblem[] = [];
  for (const p of table.problems) {
    problems.push(READER_WARNINGS.has(p.code) ? rowWarning(p.line, p.column, p.code, p.message) : rowError(p.line, p.column, p.code, `${p.message}${p.code === 'too_many_rows' || p.code === 'too_many_problems' ? '' : ': this row is left out'}`));
  }
  const converter = new RowConverter(cx);
  for (const column of converter.missingColumns()) {
    problems.push(rowError(table.headerLine, column, 'missing_column', 'the mapping names this column, but the file has no column with that header'));
  }
  const columnOf = (path: string) => {
    const target = targetOfPath(path);
    return target ? Object.keys(cx.mapping.columns).find((c) => cx.mapping.columns[c] === target) : undefined;
  };
  const idColumn = Object.keys(cx.mapping.columns).find((c) => cx.mapping.columns[c] === 'externalId');
  const idIndex = idColumn !== undefined ? table.header.indexOf(idColumn) : -1;
  const firstLineOfId = new Map<string, number>();

  const incidents: ConvertedTable['incidents'] = [];
  for (const row of table.rows) {
    const out = converter.convert(row.line, row.cells);
    problems.push(...out.problems);
    if (idIndex >= 0) {
      const id = (row.cells[idIndex] ?? '').trim();
      const first = id ? firstLineOfId.get(id) : undefined;
      if (first !== undefined) problems.push(rowWarning(row.line, idColumn, 'repeated_id', `the same id as line ${first}: imported as a separate incident; merge them afterwards if they are one`));
      else if (id) firstLineOfId.set(id, row.line);
    }
    if (!out.input) continue;
    const parsed = incidentInputSchema.safeParse(out.input);
    if (!parsed.success) {
      for (const p of zodFieldProblems(parsed.error)) problems.push(rowError(row.line, columnOf(p.path), p.code ?? 'invalid', `${p.path}: ${p.message}`));
      continue;
    }
    const codeProblems = checkIncidentCodes(parsed.data, cx.vocab);
    if (codeProblems.length) {
      for (const p of codeProblems) problems.push(rowError(row.line, columnOf(p.path), p.code ?? 'invalid', `${p.path}: ${p.message}`));
      continue;
    }
    incidents.push({ line: row.line, input: parsed.data });
  }
  problems.sort((a, b) => a.line - b.line);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    incidents,
    problems: problems.slice(0, maxProblems),
    moreProblems: Math.max(0, problems.length - maxProblems),
    rows: table.rows.length,
    errors,
    warnings: problems.length - errors,
  };
}
