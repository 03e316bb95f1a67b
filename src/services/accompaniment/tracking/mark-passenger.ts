/**
 * One tap on the day (ADR 0024): a passenger's mark on a leg — picked up, arrived, presented,
 * returned, missed, or pending again to undo a mistake. The organisation's writers mark any leg; a
 * driver or escort only the legs they drive, a partner only the legs handed off to it. Last writer
 * wins, each tap audited with ids only; the write itself holds only while the run is live, so a
 * run ended by another request between the check and the write refuses the tap (run_closed). A tap
 * the phone kept while it had no signal carries its own time (at most 12 h old), which the mark takes. Marking someone missed raises `run_missed` to the run's
 * coordinator in the same transaction (the run's reference and a link, no name); the first pick-up
 * of a planned run makes it underway.
 */
import type { ServiceContext } from '../../context.js';
import { parseInput } from '../../validate.js';
import { invalid, notFound } from '../../errors.js';
import { raiseAlert } from '../../alerts/raise-alert.js';
import { isLive, type RunStatus } from '../../../domain/accompaniment/run.js';
import { markInputSchema, tapTime, type MarkInput } from '../../../domain/accompaniment/marks.js';
import { requireMarkable, runAccess, runClosed, runNotFound } from '../run-access.js';
import { loadRuns, runView, type LegView } from '../runs/run-views.js';

export const runPath = (runId: string) => `/accompaniment/runs/${runId}`;

/** The leg as it is now, and the run's status and version (the first pick-up moves a planned run on, so a page's copy is stale). */
export async function markPassenger(ctx: ServiceContext, runId: string, raw: MarkInput): Promise<{ leg: LegView; status: RunStatus; version: number }> {
  const input = parseInput(markInputSchema, raw);
  const access = await ctx.store.transaction(async (tx) => {
    const access = await runAccess({ ...ctx, store: tx }, runId);
    if (!isLive(access.run.status)) throw runClosed(access.run.ref);
    requireMarkable(access, input.legId);
    const now = ctx.now();
    const when = tapTime(input.at, now);
    if ('problem' in when) throw invalid([when.problem]);
    if (!(await tx.transport.setMark(input.legId, input.personId, input.mark, when.at, ctx.user.id))) {
      // ended or cancelled by someone else since the check above: say so, not "no such passenger"
      const run = await tx.transport.run(runId);
      if (run && !isLive(run.status)) throw runClosed(access.run.ref);
      throw notFound('passenger on this leg');
    }
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'run.marked', targetType: 'transport_run', targetId: runId, detail: { legId: input.legId, personId: input.personId, mark: input.mark, ...(input.at ? { tappedAt: when.at } : {}) } });
    if (input.mark === 'picked_up') await tx.transport.startIfPlanned(runId, now);
    if (input.mark === 'missed') {
      await raiseAlert(tx, {
        kind: 'run_missed', dedupeKey: `run-missed:${input.legId}:${input.personId}`, ref: access.run.ref, path: runPath(runId),
        subject: { type: 'transport_run', id: runId }, users: [access.run.coordinatorId], now,
      });
    }
    return access;
  });
  // the access was decided in the transaction; the run is read again for its status and version now
  // (a first pick-up made it underway), and a driver or partner whose run has ended since gets nothing back
  const run = await ctx.store.transport.run(runId);
  if (!run || (access.kind !== 'org' && !isLive(run.status))) throw runNotFound();
  const b = await loadRuns(ctx.store, [run]);
  const view = runView(b, run, access.markable, []);
  return { leg: view.legs.find((l) => l.id === input.legId)!, status: run.status, version: run.version };
}
