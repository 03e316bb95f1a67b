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

/** An address of the web: http or https, a host, no user name or password in it. */
function webAddress(max: number, opts: { query: boolean }) {
  return line(max, 1).superRefine((v, ctx) => {
    if (!v) return; // "is required" said already
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a web address (http:// or https://)', params: { code: 'bad_format', format: 'url' } });
      return;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'must start with http:// or https://', params: { code: 'bad_format', format: 'url' } });
    else if (!u.hostname) ctx.addIssue({ code: 'custom', message: 'must name a host', params: { code: 'bad_format', format: 'url' } });
    else if (u.username || u.password) ctx.addIssue({ code: 'custom', message: 'must not hold a user name or password', params: { code: 'bad_format', format: 'url' } });
    else if (!opts.query && (u.search || u.hash || /[?#]/.test(v))) ctx.addIssue({ code: 'custom', message: 'must not have a query or fragment', params: { code: 'bad_format', format: 'url' } });
  });
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\d{1,3}(?:\.\d{1,3}){3}$|^\[[0-9A-Fa-f:.]+\]$/;
const EMAIL = /^[^\s@<>()",;:\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
/** A secret as typed: not trimmed (spaces may be part of it), no control characters. */
const secretText = (max: number) => z.string().max(max, { message: `must have at most ${max} characters` }).refine((s) => !/[\u0000-\u001F\u007F]/.test(s), { message: 'contains control characters', params: { code: 'control_characters' } });

export const emailSettingsInputSchema = z.object({
  enabled: z.boolean(),
  host: line(253, 1).refine((s) => s === '' || HOST.test(s), { message: 'must be a host name or an IP address', params: { code: 'bad_format', format: 'hostname' } }),
  port: z.number().int().min(1).max(65535),
  tls: z.enum(SMTP_TLS),
  user: line(200).optional(),
  from: line(254, 3).refine((s) => s.length < 3 || EMAIL.test(s), { message: 'must be an e-mail address', params: { code: 'bad_format', format: 'email' } }),
  /** omitted: keep the stored one; '': remove it */
  password: secretText(500).optional(),
}).strict();

export const webhookInputSchema = z.object({
  /** an existing webhook, to keep its secret */
  id: uuid.optional(),
  name: line(80, 1),
  url: webAddress(2000, { query: true }),
  enabled: z.boolean(),
  /** omitted: keep the stored one (an existing webhook) or make a random one (a new webhook) */
  secret: secretText(500).refine((s) => s.length >= 16, { message: 'must have at least 16 characters', params: { code: 'too_short', min: 16 } }).optional(),
}).strict();

/** What an administrator sends to change where alerts go (PUT /api/v1/alerts/settings). */
export const alertSettingsInputSchema = z.object({
  baseUrl: webAddress(300, { query: false }).optional(),
  responders: z.array(uuid).max(200),
  email: emailSettingsInputSchema.optional(),
  webhooks: z.array(webhookInputSchema).max(20),
  renewalDays: z.number().int().min(1).max(365),
}).strict().superRefine((v, ctx) => {
  const seen = new Set<string>();
  v.webhooks.forEach((w, i) => {
    if (!w.id) return;
    if (seen.has(w.id)) ctx.addIssue({ code: 'custom', path: ['webhooks', i, 'id'], message: 'is given twice', params: { code: 'duplicate_key' } });
    seen.add(w.id);
  });
});
export type AlertSettingsInput = z.infer<typeof alertSettingsInputSchema>;

/** The settings as an administrator reads them: never a password or a secret, only whether one is stored. */
export interface AlertSettingsView {
  baseUrl?: string;
  responders: string[];
  email?: { enabled: boolean; host: string; port: number; tls: (typeof SMTP_TLS)[number]; user?: string; from: string; hasPassword: boolean };
  webhooks: { id: string; name: string; url: string; enabled: boolean; hasSecret: true; newSecret?: string }[];
  renewalDays: number;
  people: { id: string; displayName: string }[];
}

export function alertSettingsView(s: StoredAlertSettings, people: { id: string; displayName: string }[], newSecrets: Map<string, string> = new Map()): AlertSettingsView {
  return {
    ...(s.baseUrl ? { baseUrl: s.baseUrl } : {}),
    responders: s.responders,
    ...(s.email ? { email: { enabled: s.email.enabled, host: s.email.host, port: s.email.port, tls: s.email.tls, ...(s.email.user ? { user: s.email.user } : {}), from: s.email.from, hasPassword: !!s.email.passwordSealed } } : {}),
    webhooks: s.webhooks.map((w) => ({ id: w.id, name: w.name, url: w.url, enabled: w.enabled, hasSecret: true as const, ...(newSecrets.has(w.id) ? { newSecret: newSecrets.get(w.id)! } : {}) })),
    renewalDays: s.renewalDays,
    people,
  };
}
