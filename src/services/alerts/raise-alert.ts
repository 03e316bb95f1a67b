/**
 * Raise an alert (ADR 0018): one row per dedupe key, delivered in the app to each person named,
 * by e-mail to them when e-mail is on, and to every enabled webhook. Called inside the
 * transaction of the change that causes it (opening an urgent case) or by the scheduler (a missed
 * check-in, an overdue step, a measure about to expire). Nothing of the record goes in: the
 * message is built at sending time from the kind, the reference and the link.
 */
import type { Store } from '../../store/store.js';
import type { NewAlert, NewDelivery } from '../../store/repositories/alert-repository.js';
import type { AlertKind } from '../../domain/alerts/alert.js';
import { newId } from '../../crypto/random.js';

export interface AlertRequest {
  kind: AlertKind;
  /** the same key for the same event: raising it again does nothing */
  dedupeKey: string;
  ref: string;
  /** the app's path, e.g. /urgent/<id> */
  path: string;
  subject: { type: NewAlert['subjectType']; id: string };
  /** who receives it in the app (and by e-mail when e-mail is on); `responders` adds the designated responders */
  users: string[];
  responders?: boolean;
  /** people never told (the person checking in under duress) */
  except?: string[];
  /** the incident the alert is about: people who may not see it (a restricted incident not shared with them) are not told in the app or by e-mail */
  incidentId?: string;
  now: string;
}

/** Returns false when the alert had been raised before (by this process or another). */
export async function raiseAlert(store: Store, req: AlertRequest): Promise<boolean> {
  const settings = await store.settings.alertSettings();
  const except = new Set(req.except ?? []);
  const people = [...new Set([...req.users, ...(req.responders ? settings.responders : [])])].filter((u) => !except.has(u));
  let active = people.length ? await store.users.activeIds(people) : [];
  if (req.incidentId) {
    const incidentId = req.incidentId;
    const sees = await Promise.all(active.map(async (u) => (await store.shares.access(incidentId, { userId: u })).visible));
    active = active.filter((_u, i) => sees[i]);
  }
  const deliveries: NewDelivery[] = [];
  for (const u of active) {
    deliveries.push({ id: newId(), channel: 'app', target: u });
    if (settings.email?.enabled) deliveries.push({ id: newId(), channel: 'email', target: u });
  }
  for (const w of settings.webhooks) if (w.enabled) deliveries.push({ id: newId(), channel: 'webhook', target: w.id });
  return store.alerts.raise(
    { id: newId(), dedupeKey: req.dedupeKey, kind: req.kind, ref: req.ref, link: req.path, subjectType: req.subject.type, subjectId: req.subject.id, createdAt: req.now },
    deliveries,
  );
}
