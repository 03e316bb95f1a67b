/**
 * The scheduler's part for protection measures (ADR 0018): a reminder to the responders when a
 * measure in force is about to expire — from `renewalDays` before the earliest day its expiry can
 * mean until a week after — once per measure and expiry (a renewed measure with a new expiry is
 * reminded again). The alert names the measure by a short reference and links to the registry.
 * While nobody would receive it (no responder, no webhook), nothing is raised, so the reminder
 * still goes once someone is set.
 */
import type { Store } from '../../store/store.js';
import { measureRegistryOf } from '../../store/repositories/measure-registry.js';
import { MEASURE_IN_FORCE, measureRef, renewalDedupeKey, renewalReminderDue } from '../../domain/alerts/renewal.js';
import { raiseAlert } from '../alerts/raise-alert.js';

export async function remindRenewals(store: Store, now: string): Promise<number> {
  const settings = await store.settings.alertSettings();
  if (!settings.responders.length && !settings.webhooks.some((w) => w.enabled)) return 0;
  const today = now.slice(0, 10);
  const due = (await measureRegistryOf(store).inForceWithExpiry(MEASURE_IN_FORCE)).filter((m) => renewalReminderDue(m, today, settings.renewalDays));
  if (!due.length) return 0;
  const raisedBefore = await store.alerts.existingKeys(due.map((m) => renewalDedupeKey(m.id, m.expires)));
  let raised = 0;
  for (const m of due) {
    const dedupeKey = renewalDedupeKey(m.id, m.expires);
    if (raisedBefore.has(dedupeKey)) continue;
    const made = await store.transaction((tx) =>
      raiseAlert(tx, { kind: 'measure_renewal', dedupeKey, ref: measureRef(m.id), path: '/measures', subject: { type: 'protection_measure', id: m.id }, users: [], responders: true, now }),
    );
    if (made) raised++;
  }
  return raised;
}
