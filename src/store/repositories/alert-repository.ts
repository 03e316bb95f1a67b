/**
 * Alerts and their deliveries in SQL (migration 0011, ADR 0018).
 *
 * Exactly once: `raise` inserts the alert under its dedupe key with ON CONFLICT DO NOTHING and
 * adds the deliveries only when that insert made the row — the same escalation raised by two
 * processes, or again after a restart, is one alert with one set of deliveries.
 * One sender: `claim` takes a pending delivery with a lease in one UPDATE; only the process whose
 * UPDATE changed the row sends it, and a lease left by a crashed process runs out.
 */
import type { Kysely } from 'kysely';
import type { Database, AlertDeliveryTable } from '../schema-types.js';
import type { AlertChannel, AlertKind } from '../../domain/alerts/alert.js';

export interface NewAlert {
  id: string;
  dedupeKey: string;
  kind: AlertKind;
  ref: string;
  /** the app's path of what the alert is about, e.g. /urgent/<id> */
  link: string;
  subjectType: 'urgent_case' | 'checkin_plan' | 'protection_measure' | 'transport_run' | 'test';
  subjectId: string;
  createdAt: string;
}

export interface NewDelivery {
  id: string;
  channel: AlertChannel;
  /** a user's id (app, email) or a webhook's id — never an address */
  target: string;
}

export interface DeliveryToSend {
  id: string;
  alertId: string;
  channel: AlertChannel;
  target: string;
  attempts: number;
  kind: AlertKind;
  ref: string;
  link: string;
  createdAt: string;
}

export interface InboxAlert {
  deliveryId: string;
  alertId: string;
  kind: AlertKind;
  ref: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface DeliveryRecord {
  id: string;
  alertId: string;
  kind: AlertKind;
  ref: string;
  channel: AlertChannel;
  target: string;
  status: AlertDeliveryTable['status'];
  attempts: number;
  nextAttemptAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
}

export class AlertRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Records the alert and its deliveries, once per dedupe key. App deliveries count as sent at
   * once (the inbox is the delivery); the others wait for the sender. Returns false when an
   * alert with this key already existed (nothing was added).
   */
  async raise(alert: NewAlert, deliveries: NewDelivery[]): Promise<boolean> {
    const r = await this.db
      .insertInto('alerts')
      .values({ id: alert.id, dedupe_key: alert.dedupeKey, kind: alert.kind, ref: alert.ref, link: alert.link, subject_type: alert.subjectType, subject_id: alert.subjectId, created_at: alert.createdAt })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
    const unique = new Map(deliveries.map((d) => [`${d.channel} ${d.target}`, d]));
    if (unique.size)
      await this.db.insertInto('alert_deliveries').values([...unique.values()].map((d) => ({
        id: d.id, alert_id: alert.id, channel: d.channel, target: d.target,
        status: d.channel === 'app' ? 'sent' as const : 'pending' as const, attempts: d.channel === 'app' ? 1 : 0,
        next_attempt_at: d.channel === 'app' ? null : alert.createdAt, claimed_by: null, claimed_until: null,
        sent_at: d.channel === 'app' ? alert.createdAt : null, last_error: null, read_at: null,
      }))).execute();
    return true;
  }

  async exists(dedupeKey: string): Promise<boolean> {
    return !!(await this.db.selectFrom('alerts').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst());
  }

  /** The id of the alert raised under this key, if any. */
  async idByKey(dedupeKey: string): Promise<string | undefined> {
    return (await this.db.selectFrom('alerts').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst())?.id;
  }

  /** Which of these dedupe keys were raised already (the scheduler skips them without trying an insert each tick). */
  async existingKeys(keys: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db.selectFrom('alerts').select('dedupe_key').where('dedupe_key', 'in', keys.slice(i, i + 500)).execute();
      for (const r of rows) out.add(r.dedupe_key);
    }
    return out;
  }

  /** Pending deliveries whose time has come and whose lease (if any) ran out, oldest first. */
  async due(now: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('alert_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Takes a pending delivery for `owner` until `until`; undefined when another process has it. */
  async claim(id: string, owner: string, now: string, until: string): Promise<DeliveryToSend | undefined> {
    const r = await this.db
      .updateTable('alert_deliveries')
      .set({ claimed_by: owner, claimed_until: until })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return undefined;
    const row = await this.db
      .selectFrom('alert_deliveries as d')
      .innerJoin('alerts as a', 'a.id', 'd.alert_id')
      .select(['d.id', 'd.alert_id', 'd.channel', 'd.target', 'd.attempts', 'a.kind', 'a.ref', 'a.link', 'a.created_at'])
      .where('d.id', '=', id)
      .where('d.claimed_by', '=', owner)
      .executeTakeFirst();
    if (!row) return undefined;
    return { id: row.id, alertId: row.alert_id, channel: row.channel, target: row.target, attempts: Number(row.attempts), kind: row.kind as AlertKind, ref: row.ref, link: row.link, createdAt: row.created_at };
  }

  async markSent(id: string, owner: string, now: string): Promise<void> {
    await this.db.updateTable('alert_deliveries')
      .set((eb) => ({ status: 'sent', sent_at: now, attempts: eb('attempts', '+', 1), claimed_by: null, claimed_until: null, last_error: null, next_attempt_at: null }))
      .where('id', '=', id).where('claimed_by', '=', owner).execute();
  }

  /** A failed attempt: tried again at `retryAt`, or recorded as failed when none is left. `error` is a short code, never a message from the far side. */
  async markFailed(id: string, owner: string, error: string, retryAt: string | undefined): Promise<void> {
    await this.db.updateTable('alert_deliveries')
      .set((eb) => ({ status: retryAt ? 'pending' : 'failed', attempts: eb('attempts', '+', 1), claimed_by: null, claimed_until: null, last_error: error, next_attempt_at: retryAt ?? null }))
      .where('id', '=', id).where('claimed_by', '=', owner).execute();
  }

  /** A person's alerts in the app, newest first. */
  async inbox(userId: string, limit: number): Promise<InboxAlert[]> {
    const rows = await this.db
      .selectFrom('alert_deliveries as d')
      .innerJoin('alerts as a', 'a.id', 'd.alert_id')
      .select(['d.id', 'a.id as alert_id', 'a.kind', 'a.ref', 'a.link', 'a.created_at', 'd.read_at'])
      .where('d.channel', '=', 'app')
      .where('d.target', '=', userId)
      .orderBy('a.created_at', 'desc')
      .orderBy('d.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ deliveryId: r.id, alertId: r.alert_id, kind: r.kind as AlertKind, ref: r.ref, link: r.link, createdAt: r.created_at, readAt: r.read_at }));
  }

  async unreadCount(userId: string): Promise<number> {
    const r = await this.db.selectFrom('alert_deliveries').select((eb) => eb.fn.countAll().as('n'))
      .where('channel', '=', 'app').where('target', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Marks one of a person's app alerts read (the first reading's time is kept); false when it is not theirs. */
  async markRead(userId: string, deliveryId: string, now: string): Promise<boolean> {
    const r = await this.db.updateTable('alert_deliveries').set({ read_at: now })
      .where('id', '=', deliveryId).where('channel', '=', 'app').where('target', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return true;
    return !!(await this.db.selectFrom('alert_deliveries').select('id').where('id', '=', deliveryId).where('channel', '=', 'app').where('target', '=', userId).executeTakeFirst());
  }

  /** Every delivery, newest alert first (the administrators' record of what was sent). */
  async deliveries(limit: number): Promise<DeliveryRecord[]> {
    const rows = await this.db
      .selectFrom('alert_deliveries as d')
      .innerJoin('alerts as a', 'a.id', 'd.alert_id')
      .select(['d.id', 'd.alert_id', 'a.kind', 'a.ref', 'd.channel', 'd.target', 'd.status', 'd.attempts', 'd.next_attempt_at', 'd.sent_at', 'd.last_error', 'a.created_at'])
      .orderBy('a.created_at', 'desc')
      .orderBy('d.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id, alertId: r.alert_id, kind: r.kind as AlertKind, ref: r.ref, channel: r.channel, target: r.target, status: r.status,
      attempts: Number(r.attempts), nextAttemptAt: r.next_attempt_at, sentAt: r.sent_at, lastError: r.last_error, createdAt: r.created_at,
    }));
  }
}
