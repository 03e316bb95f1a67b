/**
 * What the mapping screen shows: each column with how full it is, a few sample cells and a guessed
 * target; and for each column mapped onto a list (kinds of act, routes, countries …) its distinct
 * values, how often each occurs and what each becomes — taken as written, mapped by the person, or
 * not placed yet with near matches to choose from.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { notFound } from '../errors.js';
import { parseInput } from '../validate.js';
import { importMappingSchema, isValueTarget, LIST_TARGETS, type ImportMapping } from '../../domain/import/mapping.js';
import { ValueResolver, type Resolution } from '../../domain/import/resolve-value.js';
import { suggestTargets } from '../../domain/import/suggest-columns.js';
import type { Lang } from '../../domain/vocabulary/vocabulary.js';
import type { ImportSessions } from './import-sessions.js';
import { sessionTable, tableInfo } from './read-session-table.js';
import type { TableResult } from './table.js';

const SAMPLES = 3;
const SAMPLE_CHARS = 80;
/** distinct values listed per column at most (the most frequent) */
export const MAX_VALUES = 300;

export function describeColumns(table: TableResult) {
  const suggested = suggestTargets(table.header);
  return table.header.map((header, i) => {
    const samples: string[] = [];
    let filled = 0;
    for (const r of table.rows) {
      const v = (r.cells[i] ?? '').trim();
      if (!v) continue;
      filled++;
      if (samples.length < SAMPLES && !samples.includes(v)) samples.push(Array.from(v).length > SAMPLE_CHARS ? Array.from(v).slice(0, SAMPLE_CHARS - 1).join('') + '…' : v);
    }
    return { header, filled, samples, ...(suggested[header] ? { suggested: suggested[header] } : {}) };
  });
}

export interface ValueRow {
  value: string;
  count: number;
  resolution: Resolution;
}

function valuesOf(table: TableResult, mapping: ImportMapping, resolver: ValueResolver, lang: Lang) {
  const out: { column: string; target: string; distinct: number; values: ValueRow[] }[] = [];
  for (const [column, target] of Object.entries(mapping.columns)) {
    if (!isValueTarget(target)) continue;
    const i = table.header.indexOf(column);
    if (i < 0) continue;
    const counts = new Map<string, number>();
    for (const r of table.rows) {
      const cell = (r.cells[i] ?? '').trim();
      if (!cell) continue;
      const parts = LIST_TARGETS.includes(target) ? cell.split(mapping.options.listSeparator).map((p) => p.trim()).filter(Boolean) : [cell];
      for (const p of parts) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    const values = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_VALUES)
      .map(([value, count]) => ({ value, count, resolution: resolver.resolve(target, value, mapping.values[target], lang) }));
    out.push({ column, target, distinct: counts.size, values });
  }
  return out;
}

export async function analyseImport(ctx: ServiceContext, sessions: ImportSessions, id: string, rawMapping: unknown, lang: Lang = 'es') {
  requirePermission(ctx, 'records.import');
  const s = sessions.get(ctx.user.id, id);
  if (!s) throw notFound('import');
  const mapping = parseInput(importMappingSchema, rawMapping);
  const table = await sessionTable(s, mapping.options);
  return { table: tableInfo(table), readerProblems: table.problems.length, columns: describeColumns(table), values: valuesOf(table, mapping, new ValueResolver(ctx.vocab), lang) };
}
