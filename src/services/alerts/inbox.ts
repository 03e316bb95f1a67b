/** A person's own alerts in the app (ADR 0018): newest first with the unread count, and marking one read. Everyone signed in has their own. */
import type { ServiceContext } from '../context.js';
import { notFound } from '../errors.js';
import type { InboxAlert } from '../../store/repositories/alert-repository.js';

export const INBOX_LIMIT = 100;

export async function myAlerts(ctx: ServiceContext): Promise<{ items: InboxAlert[]; unread: number }> {
  const [items, unread] = await Promise.all([ctx.store.alerts.inbox(ctx.user.id, INBOX_LIMIT), ctx.store.alerts.unreadCount(ctx.user.id)]);
  return { items, unread };
}

/** Marks one of the person's alerts read; someone else's (or none) is "not found". */
export async function markAlertRead(ctx: ServiceContext, deliveryId: string): Promise<{ unread: number }> {
  if (!(await ctx.store.alerts.markRead(ctx.user.id, deliveryId, ctx.now()))) throw notFound('alert');
  return { unread: await ctx.store.alerts.unreadCount(ctx.user.id) };
}
