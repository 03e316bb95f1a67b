/**
 * The organisation's reminder webhook (ADR 0024): a URL its bridge (Signal, WhatsApp) listens on,
 * with the same address rules as alert webhooks, and a signing secret kept sealed and never shown
 * again (a new webhook without one gets a random one, returned once). Administrators of alerts set
 * it for their own organisation; audited without the address or the secret.
 */
import type { z } from 'zod';
import type { ServiceContext } from '../../context.js';
import { requirePermission } from '../../context.js';
import { parseInput } from '../../validate.js';
import { webhookInputSchema } from '../../../domain/alerts/settings.js';
import { randomToken } from '../../../crypto/random.js';

export const reminderWebhookInputSchema = webhookInputSchema.pick({ url: true, enabled: true, secret: true }).strict();
export type ReminderWebhookInput = z.infer<typeof reminderWebhookInputSchema>;
export interface ReminderWebhookView { url: string | null; enabled: boolean; hasSecret: boolean; newSecret?: string }

export async function reminderWebhook(ctx: ServiceContext): Promise<ReminderWebhookView> {
  requirePermission(ctx, 'alerts.admin');
  const w = await ctx.store.accompaniment.reminderWebhook(ctx.user.orgId);
  return w ? { url: w.url, enabled: w.enabled, hasSecret: true } : { url: null, enabled: false, hasSecret: false };
}

export async function setReminderWebhook(ctx: ServiceContext, raw: unknown): Promise<ReminderWebhookView> {
  requirePermission(ctx, 'alerts.admin');
  const input = parseInput(reminderWebhookInputSchema, raw);
  return ctx.store.transaction(async (tx) => {
    const before = await tx.accompaniment.reminderWebhook(ctx.user.orgId);
    let newSecret: string | undefined;
    let secretSealed: string;
    if (input.secret !== undefined) secretSealed = await tx.accompaniment.sealWebhookSecret(ctx.user.orgId, input.secret);
    else if (before) secretSealed = before.secretSealed;
    else {
      newSecret = randomToken(32);
      secretSealed = await tx.accompaniment.sealWebhookSecret(ctx.user.orgId, newSecret);
    }
    await tx.accompaniment.setReminderWebhook(ctx.user.orgId, { url: input.url, enabled: input.enabled, secretSealed });
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'accompaniment.reminder_webhook', targetType: 'organisation', targetId: ctx.user.orgId, detail: { enabled: input.enabled, secretChanged: input.secret !== undefined || !before } });
    return { url: input.url, enabled: input.enabled, hasSecret: true, ...(newSecret ? { newSecret } : {}) };
  });
}
