/**
 * The scheduler's part for urgent cases: an alert to the case's owner for each checklist step
 * past its deadline (once per step and deadline: `step-overdue:<step>:<deadline>`, so a second
 * process or a restart raises nothing twice, and a new deadline that passes is a new alert). The
 * candidates come from one indexed query that leaves out the steps already alerted; each alert is
 * raised in its own small transaction.
 */
import type { Store } from '../../store/store.js';
import { raiseAlert } from '../alerts/raise-alert.js';

/** At most this many steps per tick; the rest wait for the next one. */
export const OVERDUE_BATCH = 200;

export async function alertOverdueSteps(store: Store, now: string): Promise<number> {
  const due = await store.urgent.overdueCandidates(now, OVERDUE_BATCH);
  let raised = 0;
  for (const s of due) {
    const made = await store.transaction((tx) => raiseAlert(tx, {
      kind: 'step_overdue', dedupeKey: `step-overdue:${s.stepId}:${s.dueAt}`, ref: s.ref, path: `/urgent/${s.caseId}`,
      subject: { type: 'urgent_case', id: s.caseId }, users: [s.ownerId], responders: false, now,
    }));
    if (made) raised++;
  }
  return raised;
}
