/**
 * The scheduler's part for check-ins (ADR 0018): a running deadline whose grace has passed
 * escalates once to the plan's contacts (`checkin_missed`, never to the person), then plans whose
 * end has passed are ended. Exactly once by construction: the plan is marked escalated for that
 * deadline only if it still is the running, unescalated one (a conditional UPDATE, so a check-in or
 * another process that came first wins), and the alert's dedupe key names the plan and the deadline
 * (a second raise is a no-op), both in one transaction. The database is the schedule: a deadline
 * that passed while the server was down escalates at the first tick after.
 */
import type { Store } from '../../store/store.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { isMissed } from '../../domain/checkin/schedule.js';
import { CONTACT_PATH } from './check-in.js';

/** plans looked at per tick (the rest wait for the next one) */
const BATCH = 500;

export async function escalateMissedCheckins(store: Store, now: string): Promise<number> {
  let raised = 0;
  for (const p of await store.checkins.dueForEscalation(now, BATCH)) {
    if (!isMissed(p.nextDueAt, p.graceMinutes, now)) continue;
    const made = await store.transaction(async (tx) => {
      if (!(await tx.checkins.markEscalated(p.id, p.nextDueAt, now))) return false;
      await tx.audit.add({ at: now, userId: null, action: 'checkin.escalated', targetType: 'checkin_plan', targetId: p.id });
      return raiseAlert(tx, {
        kind: 'checkin_missed', dedupeKey: `checkin-missed:${p.id}:${p.nextDueAt}`, ref: p.ref, path: CONTACT_PATH,
        subject: { type: 'checkin_plan', id: p.id }, users: p.contacts, responders: false, except: [p.userId], now,
      });
    });
    if (made) raised++;
  }
  await store.transaction((tx) => tx.checkins.endFinished(now));
  return raised;
}
