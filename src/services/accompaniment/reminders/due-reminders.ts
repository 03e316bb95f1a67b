/** Whom to remind of their hearing in the next `days` days (scheduled hearings, people still expected), with the message in their language. */
import { z } from 'zod';
import type { ServiceContext } from '../../context.js';
import { parseInput } from '../../validate.js';
import { requireAccompaniment } from '../org-scope.js';
import { reminderItems, type ReminderItem } from './reminder-items.js';

export const dueRemindersSchema = z.object({ days: z.number().int().min(1).max(30) }).strict();

export async function dueReminders(ctx: ServiceContext, raw: unknown): Promise<{ items: ReminderItem[] }> {
  requireAccompaniment(ctx, false);
  const input = parseInput(dueRemindersSchema, raw);
  const now = ctx.now();
  const until = new Date(Date.parse(now) + input.days * 86_400_000).toISOString();
  const hearings = await ctx.store.accompaniment.hearingsBetween(ctx.user.orgId, now, until, { status: 'scheduled' });
  const items = await reminderItems(ctx.store, hearings);
  return { items: items.map(({ phone: _phone, ...item }) => item) };
}
