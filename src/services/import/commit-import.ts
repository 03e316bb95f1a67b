/**
 * The commit: the same conversion as the dry run; refused while it finds any error (409
 * `import_has_errors`, nothing written); otherwise every incident is recorded — exactly as one
 * recorded by hand (sealing, history, search index, an audit entry each) — in ONE transaction, in
 * batches that report progress, together with the import's own record and audit entry. A failure,
 * a crash or a seal half-way leaves nothing of it.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { ServiceError, notFound, conflict } from '../errors.js';
import { newId } from '../../crypto/random.js';
import type { Lang } from '../../domain/vocabulary/vocabulary.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import type { ImportSession, ImportSessions, CommitStatus } from './import-sessions.js';
import { convertSession } from './convert-session.js';

export const COMMIT_BATCH = 500;

export interface CommitOptions {
  /** the saved mapping used, recorded with the import */
  mappingId?: string;
  lang?: Lang;
}

export interface PreparedCommit {
  total: number;
  /** writes everything; `progress(done)` after each batch; resolves with the import's id */
  write: (progress: (done: number) => void) => Promise<{ runId: string; incidents: number }>;
}

/** Converts and checks (throws on any error, nothing written) and returns the write to run. */
export async function prepareCommit(ctx: ServiceContext, s: ImportSession, rawMapping: unknown, opts: CommitOptions = {}): Promise<PreparedCommit> {
  requirePermission(ctx, 'records.import');
  const { table, converted } = await convertSession(ctx, s, rawMapping, opts.lang);
  if (converted.errors) {
    throw new ServiceError(409, 'import_has_errors', `the file has ${converted.errors} error${converted.errors === 1 ? '' : 's'}: run the dry run, fix them in the file or the mapping, then commit`);
  }
  if (!converted.incidents.length) throw new ServiceError(400, 'nothing_to_import', 'file: the file has no rows to import', [{ path: 'file', message: 'has no rows to import', code: 'nothing_to_import' }]);
  if (opts.mappingId && !(await ctx.store.imports.mapping(ctx.user.orgId, opts.mappingId))) {
    throw new ServiceError(404, 'mapping_not_found', 'mappingId: no such saved mapping (it may have been removed)', [{ path: 'mappingId', message: 'no such saved mapping (it may have been removed)', code: 'mapping_not_found' }]);
  }
  const inputs = converted.incidents.map((x) => x.input);
  const format = table.format === 'csv' && table.delimiter === '\t' ? 'tsv' : table.format;
  return {
    total: inputs.length,
    write: async (progress) => {
      const runId = newId();
      const now = ctx.now();
      await ctx.store.transaction(async (tx) => {
        const tctx = { ...ctx, store: tx };
        await tx.imports.addRun({ id: runId, orgId: ctx.user.orgId, at: now, userId: ctx.user.id, format, rows: converted.rows, incidents: inputs.length, warnings: converted.warnings, mappingId: opts.mappingId ?? null });
        for (let i = 0; i < inputs.length; i += COMMIT_BATCH) {
          await recordIncidents(tctx, inputs.slice(i, i + COMMIT_BATCH), { importRunId: runId, checked: true });
          progress(Math.min(inputs.length, i + COMMIT_BATCH));
        }
        await tx.audit.add({ at: now, userId: ctx.user.id, action: 'records.imported', targetType: 'import', targetId: runId, detail: { format, rows: converted.rows, incidents: inputs.length, warnings: converted.warnings } });
      });
      return { runId, incidents: inputs.length };
    },
  };
}

/** The commit of a session, run in the background; its status is read from the session. */
export async function startCommit(ctx: ServiceContext, sessions: ImportSessions, id: string, rawMapping: unknown, opts: CommitOptions = {}): Promise<CommitStatus> {
  requirePermission(ctx, 'records.import');
  const s = sessions.get(ctx.user.id, id);
  if (!s) throw notFound('import');
  if (s.commit?.state === 'running') throw conflict('this file is being imported already');
  if (s.commit?.state === 'done') throw conflict('this file has been imported already');
  const prepared = await prepareCommit(ctx, s, rawMapping, opts);
  const live = sessions.liveness(s);
  const status: ImportSession['commit'] = { state: 'running', done: 0, total: prepared.total };
  s.commit = status;
  setImmediate(() => {
    prepared.write((done) => { status.done = done; }).then(
      ({ runId }) => { if (live()) Object.assign(status, { state: 'done', runId, done: prepared.total, endedAt: Date.now() }); },
      (e: unknown) => {
        if (!live()) return;
        const error = e instanceof ServiceError && e.status < 500 ? { code: e.code, message: e.message } : { code: 'import_failed', message: 'the import could not be written; nothing was imported — try again' };
        Object.assign(status, { state: 'failed', error, endedAt: Date.now() });
      },
    );
  });
  return commitStatus(status);
}

export function commitStatus(c: CommitStatus): CommitStatus {
  return { state: c.state, done: c.done, total: c.total, ...(c.runId ? { runId: c.runId } : {}), ...(c.error ? { error: c.error } : {}) };
}
