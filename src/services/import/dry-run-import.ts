/**
 * The dry run: the whole table through the mapping, nothing written. Every problem with its line,
 * column and reason (errors stop the commit, warnings say what the commit will do), how many
 * incidents the commit would make, and the first few as they would be recorded.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { notFound } from '../errors.js';
import type { Lang } from '../../domain/vocabulary/vocabulary.js';
import type { IncidentInput } from '../../domain/incident/schema.js';
import type { ImportSessions } from './import-sessions.js';
import { convertSession } from './convert-session.js';
import { tableInfo } from './read-session-table.js';

export const PREVIEW_ROWS = 10;

function preview(line: number, i: IncidentInput) {
  return {
    line, title: i.title, ...(i.date ? { date: i.date } : {}),
    place: { precision: i.place.precision, ...(i.place.country ? { country: i.place.country } : {}), ...(i.place.state ? { state: i.place.state } : {}), ...(i.place.locality ? { locality: i.place.locality } : {}), ...(i.place.routeSegment ? { routeSegment: i.place.routeSegment } : {}), point: i.place.private !== undefined },
    acts: i.acts.map((a) => a.kind), ...(i.counts ? { counts: i.counts } : {}), status: i.status, confidentiality: i.confidentiality,
  };
}

export async function dryRunImport(ctx: ServiceContext, sessions: ImportSessions, id: string, rawMapping: unknown, lang: Lang = 'es') {
  requirePermission(ctx, 'records.import');
  const s = sessions.get(ctx.user.id, id);
  if (!s) throw notFound('import');
  const { table, converted } = await convertSession(ctx, s, rawMapping, lang);
  return {
    table: tableInfo(table),
    rows: converted.rows,
    incidents: converted.errors ? 0 : converted.incidents.length,
    errors: converted.errors,
    warnings: converted.warnings,
    problems: converted.problems,
    moreProblems: converted.moreProblems,
    preview: converted.incidents.slice(0, PREVIEW_ROWS).map((x) => preview(x.line, x.input)),
  };
}
