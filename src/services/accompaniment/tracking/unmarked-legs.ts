/**
 * The scheduler's part for transport runs (ADR 0024): a leg whose deadline for marks (`mark_by`:
 * arrival + grace) has passed with a passenger still pending or only picked up raises one
 * `run_unmarked` to the run's coordinator — the run's reference and a link, no name. Exactly once
 * by construction: the alert's dedupe key names the leg and the deadline (a second raise, by a
 * restart or another process, is a no-op), and a leg so alerted is not looked at again for that
 * deadline (a changed plan with a new deadline can alert again). Then runs still live 12 hours after
 * their last leg's arrival end by themselves, and their drivers', escorts' and partners' access
 * with them. The database is the schedule: what fell due while the server was down is raised at
 * the first tick after.
 */
import type { Store } from '../../../store/store.js';
import { raiseAlert } from '../../alerts/raise-alert.js';
import { addMinutes } from '../../../domain/accompaniment/time.js';
import { AUTO_END_HOURS } from '../../../domain/accompaniment/run.js';
import { runPath } from './mark-passenger.js';

/** legs looked at per tick (the rest wait for the next one) */
const BATCH = 500;

export const unmarkedKey = (legId: string, markBy: string) => `run-unmarked:${legId}:${markBy}`;

export async function alertUnmarkedLegs(store: Store, now: string): Promise<number> {
  let raised = 0;
  for (const l of await store.transport.overdueLegs(now, BATCH)) {
    const made = await store.transaction(async (tx) => {
      const made = await raiseAlert(tx, {
        kind: 'run_unmarked', dedupeKey: unmarkedKey(l.legId, l.markBy), ref: l.ref, path: runPath(l.runId),
        subject: { type: 'transport_run', id: l.runId }, users: [l.coordinatorId], now,
      });
      if (made) await tx.audit.add({ at: now, userId: null, action: 'run.unmarked', targetType: 'transport_run', targetId: l.runId, detail: { legId: l.legId } });
      return made;
    });
    if (made) raised++;
  }
  await store.transaction(async (tx) => {
    for (const id of await tx.transport.endArrivedBefore(addMinutes(now, -AUTO_END_HOURS * 60), now)) {
      await tx.audit.add({ at: now, userId: null, action: 'run.ended_automatically', targetType: 'transport_run', targetId: id });
    }
  });
  return raised;
}
