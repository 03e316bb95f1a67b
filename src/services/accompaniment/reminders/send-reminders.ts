/**
 * Send reminders (ADR 0024): 'print' records them as printed (volunteers call from the list);
 * 'webhook' posts each to the organisation's reminder webhook — `{ type: 'reminder', to, lang,
 * text }`, signed like alert webhooks (X-Bitacora-Signature: sha256=HMAC of the body) — one
 * attempt each, recorded 'sent' or 'failed'. A person without a phone is 'failed' with the reason
 * 'no_phone'. The text says only when and where to be ready. Audited by ids and counts only.
 */
import { z } from 'zod';
import type { ServiceContext } from '../../context.js';
import { parseInput } from '../../validate.js';
import { invalid, ServiceError } from '../../errors.js';
import { uuid } from '../../../domain/text.js';
import type { FieldProblem } from '../../../domain/incident/check-codes.js';
import { postWebhook, WebhookError, WEBHOOK_TIMEOUT_MS } from '../../alerts/webhook-channel.js';
import { newId } from '../../../crypto/random.js';
import { requireAccompaniment, sameOrg } from '../org-scope.js';
import { reminderItems } from './reminder-items.js';

export const sendRemindersSchema = z
  .object({
    items: z.array(z.object({ hearingId: uuid, personId: uuid }).strict()).min(1).max(500),
    channel: z.enum(['webhook', 'print']),
  })
  .strict();

export interface ReminderPayload { type: 'reminder'; to: string; lang: string; text: string }
type SendStatus = 'sent' | 'failed' | 'printed';

/** POSTs a signed reminder the way alert webhooks are posted; resolves on a 2xx answer, rejects with a WebhookError (a short code) otherwise. No redirect is followed. */
export function postReminder(url: string, secret: string, payload: ReminderPayload, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<void> {
  return postWebhook(url, secret, payload, timeoutMs);
}

export async function sendReminders(ctx: ServiceContext, raw: unknown): Promise<{ sent: number; failed: number; items: { hearingId: string; personId: string; status: SendStatus; reason?: string }[] }> {
  requireAccompaniment(ctx, true);
  const input = parseInput(sendRemindersSchema, raw);
  const hearings = [...(await ctx.store.accompaniment.hearingsByIds(input.items.map((i) => i.hearingId))).values()].filter((h) => sameOrg(ctx, h.orgId));
  const wanted = new Set(input.items.map((i) => `${i.hearingId}/${i.personId}`));
  const items = new Map((await reminderItems(ctx.store, hearings, wanted)).map((i) => [`${i.hearingId}/${i.personId}`, i]));
  const problems: FieldProblem[] = [];
  input.items.forEach((i, n) => { if (!items.has(`${i.hearingId}/${i.personId}`)) problems.push({ path: `items[${n}]`, message: 'is not a person expected at a hearing of your organisation', code: 'not_found' }); });
  if (problems.length) throw invalid(problems);

  const hook = input.channel === 'webhook' ? await ctx.store.accompaniment.reminderWebhook(ctx.user.orgId) : undefined;
  if (input.channel === 'webhook' && (!hook || !hook.enabled)) throw new ServiceError(409, 'no_webhook', 'channel: your organisation has no reminder webhook turned on', [{ path: 'channel', message: 'your organisation has no reminder webhook turned on', code: 'no_webhook' }]);
  const secret = hook ? await ctx.store.accompaniment.openWebhookSecret(ctx.user.orgId, hook.secretSealed) : '';

  const results: { hearingId: string; personId: string; status: SendStatus; reason?: string; lang: string }[] = [];
  for (const key of [...new Set(input.items.map((i) => `${i.hearingId}/${i.personId}`))]) {
    const item = items.get(key)!;
    const base = { hearingId: item.hearingId, personId: item.personId, lang: item.lang };
    if (input.channel === 'print') results.push({ ...base, status: 'printed' });
    else if (!item.phone) results.push({ ...base, status: 'failed', reason: 'no_phone' });
    else {
      try {
        await postReminder(hook!.url, secret, { type: 'reminder', to: item.phone, lang: item.lang, text: item.message });
        results.push({ ...base, status: 'sent' });
      } catch (e) {
        results.push({ ...base, status: 'failed', reason: e instanceof WebhookError ? e.code : 'network' });
      }
    }
  }
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    for (const r of results) await tx.accompaniment.addReminder({ id: newId(), hearingId: r.hearingId, personId: r.personId, channel: input.channel, lang: r.lang, status: r.status, at: now, by: ctx.user.id });
    await tx.audit.add({
      at: now, userId: ctx.user.id, action: 'hearing.reminders', targetType: 'organisation', targetId: ctx.user.orgId,
      detail: { channel: input.channel, hearings: [...new Set(results.map((r) => r.hearingId))], sent: results.filter((r) => r.status !== 'failed').length, failed: results.filter((r) => r.status === 'failed').length },
    });
  });
  return {
    sent: results.filter((r) => r.status !== 'failed').length,
    failed: results.filter((r) => r.status === 'failed').length,
    items: results.map(({ lang: _l, ...r }) => r),
  };
}
