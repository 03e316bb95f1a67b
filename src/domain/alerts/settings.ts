/**
 * Where alerts go (ADR 0018), as stored in the workspace's settings. The secrets — the e-mail
 * server's password and each webhook's signing secret — are stored sealed (`*Sealed`, under the
 * data key of the record 'settings/alerts') and never sent back to a browser.
 *
 * - `responders`: the accounts that receive urgent-case and protection-measure alerts (in the
 *   app, and by e-mail to their account's address when e-mail is on);
 * - `email`: the SMTP server that sends them;
 * - `webhooks`: URLs (a Signal, Matrix or other bridge the organisation runs) that receive every
 *   alert as a signed JSON POST;
 * - `baseUrl`: the workspace's address, so that a message's link opens the case;
 * - `renewalDays`: how long before a protection measure expires its renewal reminder is raised.
 */
import { z } from 'zod';
import { line, uuid } from '../text.js';

export const SMTP_TLS = ['none', 'starttls', 'tls'] as const;

export const storedEmailSettingsSchema = z.object({
  enabled: z.boolean(),
  host: line(253, 1),
  port: z.number().int().min(1).max(65535),
  tls: z.enum(SMTP_TLS),
  user: line(200).optional(),
  from: line(254, 3),
  passwordSealed: z.string().max(4000).optional(),
});
export type StoredEmailSettings = z.infer<typeof storedEmailSettingsSchema>;

export const storedWebhookSchema = z.object({
  id: uuid,
  name: line(80, 1),
  url: z.string().max(2000),
  enabled: z.boolean(),
  secretSealed: z.string().max(4000),
});
export type StoredWebhook = z.infer<typeof storedWebhookSchema>;

export const storedAlertSettingsSchema = z.object({
  baseUrl: z.string().max(300).optional(),
  responders: z.array(uuid).max(200).default([]),
  email: storedEmailSettingsSchema.optional(),
  webhooks: z.array(storedWebhookSchema).max(20).default([]),
  renewalDays: z.number().int().min(1).max(365).default(30),
});
export type StoredAlertSettings = z.infer<typeof storedAlertSettingsSchema>;
