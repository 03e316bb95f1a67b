/** The open-data export's settings (ADR 0015): anyone who reads incidents sees them; administrators change them, audited. */
import type { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { openDataSettingsSchema, type OpenDataSettings } from '../../domain/publication/settings.js';

export async function openDataSettings(ctx: ServiceContext): Promise<OpenDataSettings> {
  requirePermission(ctx, 'incident.read');
  return ctx.store.settings.openDataSettings();
}

export async function setOpenDataSettings(ctx: ServiceContext, input: z.input<typeof openDataSettingsSchema>): Promise<OpenDataSettings> {
  requirePermission(ctx, 'users.admin');
  const settings = parseInput(openDataSettingsSchema, input);
  await ctx.store.transaction(async (tx) => {
    await tx.settings.setOpenDataSettings(settings);
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'open_data_settings.changed', targetType: 'workspace', detail: { ...settings } });
  });
  return settings;
}
