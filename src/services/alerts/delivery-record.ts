/**
 * The record of every delivery (ADR 0018), for administrators: kind, reference, channel, status,
 * attempts, the last short error code and times, with the target's name for display — the
 * account's display name or the webhook's name, never an address.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import type { DeliveryRecord } from '../../store/repositories/alert-repository.js';

export const DELIVERY_RECORD_LIMIT = 300;

export async function deliveryRecord(ctx: ServiceContext): Promise<{ items: (DeliveryRecord & { targetName: string | null })[] }> {
  requirePermission(ctx, 'alerts.admin');
  const [rows, users, settings] = await Promise.all([ctx.store.alerts.deliveries(DELIVERY_RECORD_LIMIT), ctx.store.users.list(), ctx.store.settings.alertSettings()]);
  const names = new Map<string, string>(users.map((u) => [u.id, u.display_name]));
  const hooks = new Map(settings.webhooks.map((w) => [w.id, w.name]));
  return { items: rows.map((d) => ({ ...d, targetName: (d.channel === 'webhook' ? hooks.get(d.target) : names.get(d.target)) ?? null })) };
}
