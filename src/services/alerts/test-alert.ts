/** A test alert (ADR 0018): an administrator checks the channels — to themself and the responders, in the app, by e-mail and to every webhook. Audited. */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { newId } from '../../crypto/random.js';
import { raiseAlert } from './raise-alert.js';

export async function sendTestAlert(ctx: ServiceContext): Promise<{ alertId: string }> {
  requirePermission(ctx, 'alerts.admin');
  const id = newId();
  const dedupeKey = `test:${id}`;
  return ctx.store.transaction(async (tx) => {
    const now = ctx.now();
    await raiseAlert(tx, { kind: 'test', dedupeKey, ref: `TEST-${id.slice(0, 4).toUpperCase()}`, path: '/alerts', subject: { type: 'test', id }, users: [ctx.user.id], responders: true, now });
    const alertId = (await tx.alerts.idByKey(dedupeKey))!;
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'alerts.test', targetType: 'alert', targetId: alertId });
    return { alertId };
  });
}
