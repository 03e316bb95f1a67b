/**
 * An uploaded table becomes an import session: read once with detected settings to refuse what is
 * not a table at all (a whole-file error: 4xx naming `file`), then kept in memory for the mapping,
 * the dry run and the commit. Answers how the file was read and a first guess at each column.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import type { ImportSessions } from './import-sessions.js';
import { sessionTable, tableInfo } from './read-session-table.js';
import { describeColumns } from './analyse-import.js';

export async function startImport(ctx: ServiceContext, sessions: ImportSessions, bytes: Buffer) {
  requirePermission(ctx, 'records.import');
  const s = sessions.add(ctx.user.id, bytes);
  try {
    const table = await sessionTable(s);
    return { id: s.id, table: tableInfo(table), readerProblems: table.problems.length, columns: describeColumns(table) };
  } catch (e) {
    sessions.remove(ctx.user.id, s.id);
    throw e;
  }
}
