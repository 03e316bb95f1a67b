/**
 * A run's status (ADR 0024): planned → underway → ended; cancelled from planned or underway; ended
 * and cancelled are final (409 run_closed after). Ending or cancelling ends the drivers', escorts'
 * and partners' access at once (run-access.ts checks the status on every request).
 */
import type { ServiceContext } from '../../context.js';
import { parseInput } from '../../validate.js';
import { invalid } from '../../errors.js';
import { isLive, runStatusSchema, statusChangeAllowed, type RunStatusInput } from '../../../domain/accompaniment/run.js';
import { ownRun, runClosed, staleRun } from '../run-access.js';
import { readRun } from './read-run.js';
import type { RunView } from './run-views.js';

export async function changeRunStatus(ctx: ServiceContext, runId: string, raw: RunStatusInput): Promise<RunView> {
  const input = parseInput(runStatusSchema, raw);
  await ctx.store.transaction(async (tx) => {
    const run = await ownRun({ ...ctx, store: tx }, runId, true);
    if (!isLive(run.status)) throw runClosed(run.ref);
    if (run.version !== input.version) throw staleRun(run.version);
    if (run.status === input.status) return;
    if (!statusChangeAllowed(run.status, input.status)) throw invalid([{ path: 'status', code: 'bad_transition', message: `a ${run.status} run cannot become ${input.status}` }]);
    const now = ctx.now();
    if (!(await tx.transport.setStatus(runId, input.version, input.status, now))) throw staleRun(run.version);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'run.status', targetType: 'transport_run', targetId: runId, detail: { from: run.status, to: input.status } });
  });
  return readRun(ctx, runId) as Promise<RunView>;
}
