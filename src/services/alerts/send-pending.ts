/**
 * Sends the deliveries whose time has come (ADR 0018): e-mail and webhook, each claimed with a
 * lease so no two processes send it, retried with back-off, every attempt recorded with a short
 * error code (never the far side's words). A channel switched off or removed by the time a
 * delivery is sent, or an account disabled since, is recorded as failed at once with its code.
 * The message is built here, from the alert's kind, reference and link only.
 */
import type { Store } from '../../store/store.js';
import type { DeliveryToSend } from '../../store/repositories/alert-repository.js';
import { alertSecretsOf } from '../../store/repositories/alert-secrets.js';
import { alertLink, alertSubject, alertText, nextAttemptAt, type AlertLang } from '../../domain/alerts/alert.js';
import type { StoredAlertSettings } from '../../domain/alerts/settings.js';
import { smtpErrorCode, smtpSender, type EmailSender } from './email-channel.js';
import { postWebhook, WebhookError } from './webhook-channel.js';

export interface SendPendingOptions {
  /** this process, for the lease */
  owner: string;
  now: () => string;
}

/** How long a claimed delivery is this process's: longer than the slowest sending (SMTP timeouts 10 + 20 s, webhook 10 s). */
export const LEASE_MS = 120_000;
const BATCH = 25;
const MAX_ROUNDS = 8;

type Outcome = { ok: true } | { ok: false; code: string; final?: true };
const fail = (code: string, final?: true): Outcome => (final ? { ok: false, code, final } : { ok: false, code });

const isLang = (x: unknown): x is AlertLang => x === 'es' || x === 'en';

/** Returns how many deliveries were sent. */
export async function sendPending(store: Store, opts: SendPendingOptions): Promise<number> {
  let sent = 0;
  let settings: StoredAlertSettings | undefined;
  let defaultLang: AlertLang | undefined;
  let email: EmailSender | undefined;
  const secrets = alertSecretsOf(store);

  const deliver = async (d: DeliveryToSend, s: StoredAlertSettings): Promise<Outcome> => {
    const message = { kind: d.kind, ref: d.ref, link: alertLink(s.baseUrl, d.link) };
    if (d.channel === 'app') return { ok: true };
    if (d.channel === 'email') {
      if (!s.email) return fail('no_email_settings', true);
      if (!s.email.enabled) return fail('email_disabled', true);
      const user = await store.users.byId(d.target);
      if (!user) return fail('no_account', true);
      if (Number(user.disabled) !== 0) return fail('account_disabled', true);
      if (!user.email) return fail('no_address', true);
      if (!email) {
        let password: string | undefined;
        if (s.email.passwordSealed) {
          try {
            password = await secrets.open({ kind: 'email_password' }, s.email.passwordSealed);
          } catch {
            return fail('secret_unreadable');
          }
        }
        email = smtpSender({ host: s.email.host, port: s.email.port, tls: s.email.tls, user: s.email.user, password });
      }
      if (!defaultLang) {
        const ws = await store.users.workspace();
        defaultLang = isLang(ws?.default_lang) ? ws.default_lang : 'es';
      }
      const lang: AlertLang = isLang(user.lang) ? user.lang : defaultLang;
      try {
        await email.send({ from: s.email.from, to: user.email, subject: alertSubject(message), text: alertText(message, lang) });
        return { ok: true };
      } catch (e) {
        return fail(smtpErrorCode(e));
      }
    }
    const hook = s.webhooks.find((w) => w.id === d.target);
    if (!hook) return fail('webhook_removed', true);
    if (!hook.enabled) return fail('webhook_disabled', true);
    let secret: string;
    try {
      secret = await secrets.open({ kind: 'webhook_secret', webhookId: hook.id }, hook.secretSealed);
    } catch {
      return fail('secret_unreadable');
    }
    try {
      await postWebhook(hook.url, secret, { id: d.alertId, kind: d.kind, ref: d.ref, link: message.link, createdAt: d.createdAt, text: { es: alertText(message, 'es'), en: alertText(message, 'en') } });
      return { ok: true };
    } catch (e) {
      return fail(e instanceof WebhookError ? e.code : 'network');
    }
  };

  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const ids = await store.alerts.due(opts.now(), BATCH);
      if (!ids.length) break;
      settings ??= await store.settings.alertSettings();
      for (const id of ids) {
        const at = opts.now();
        const d = await store.alerts.claim(id, opts.owner, at, new Date(Date.parse(at) + LEASE_MS).toISOString());
        if (!d) continue; // another process has it
        const r = await deliver(d, settings);
        if (r.ok) {
          await store.alerts.markSent(d.id, opts.owner, opts.now());
          sent++;
        } else await store.alerts.markFailed(d.id, opts.owner, r.code, r.final ? undefined : nextAttemptAt(opts.now(), d.attempts + 1));
      }
      if (ids.length < BATCH) break;
    }
  } finally {
    email?.close();
  }
  return sent;
}
