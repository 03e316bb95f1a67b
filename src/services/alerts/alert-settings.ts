/**
 * Where alerts go (ADR 0018), for administrators: read them (never a password or a secret, only
 * whether one is stored) and change them, audited without any secret or address. Responders must
 * be active accounts; a webhook named by id keeps its secret unless a new one is given; a new
 * webhook without a secret gets a random one, returned once (`newSecret`) for the bridge.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { invalid } from '../errors.js';
import type { Store } from '../../store/store.js';
import type { FieldProblem } from '../../domain/incident/check-codes.js';
import { alertSecretsOf } from '../../store/repositories/alert-secrets.js';
import { newId, randomToken } from '../../crypto/random.js';
import {
  alertSettingsInputSchema, alertSettingsView, storedAlertSettingsSchema,
  type AlertSettingsView, type StoredAlertSettings, type StoredWebhook,
} from '../../domain/alerts/settings.js';

/** Active accounts, to choose responders from. */
async function people(store: Store): Promise<{ id: string; displayName: string }[]> {
  return (await store.users.list()).filter((u) => Number(u.disabled) === 0).map((u) => ({ id: u.id, displayName: u.display_name }));
}

export async function alertSettings(ctx: ServiceContext): Promise<AlertSettingsView> {
  requirePermission(ctx, 'alerts.admin');
  return alertSettingsView(await ctx.store.settings.alertSettings(), await people(ctx.store));
}

export async function setAlertSettings(ctx: ServiceContext, body: unknown): Promise<AlertSettingsView> {
  requirePermission(ctx, 'alerts.admin');
  const input = parseInput(alertSettingsInputSchema, body);
  return ctx.store.transaction(async (tx) => {
    const before = await tx.settings.alertSettings();
    const problems: FieldProblem[] = [];
    const active = new Set(await tx.users.activeIds(input.responders));
    input.responders.forEach((id, i) => { if (!active.has(id)) problems.push({ path: `responders[${i}]`, message: 'is not an active account', code: 'not_allowed' }); });
    const existing = new Map(before.webhooks.map((w) => [w.id, w]));
    input.webhooks.forEach((w, i) => { if (w.id && !existing.has(w.id)) problems.push({ path: `webhooks[${i}].id`, message: 'is not one of this workspace\'s webhooks', code: 'not_part_of_record' }); });
    if (problems.length) throw invalid(problems);

    const secrets = alertSecretsOf(tx);
    let passwordChanged = false;
    let email: StoredAlertSettings['email'];
    if (input.email) {
      const { password, ...rest } = input.email;
      let passwordSealed = before.email?.passwordSealed;
      if (password === '') passwordSealed = undefined;
      else if (password !== undefined) passwordSealed = await secrets.seal({ kind: 'email_password' }, password);
      passwordChanged = password !== undefined;
      email = { enabled: rest.enabled, host: rest.host, port: rest.port, tls: rest.tls, ...(rest.user ? { user: rest.user } : {}), from: rest.from, ...(passwordSealed ? { passwordSealed } : {}) };
    }
    const newSecrets = new Map<string, string>();
    let secretsChanged = 0;
    const webhooks: StoredWebhook[] = [];
    for (const w of input.webhooks) {
      const id = w.id ?? newId();
      let secretSealed: string;
      if (w.secret !== undefined) {
        secretSealed = await secrets.seal({ kind: 'webhook_secret', webhookId: id }, w.secret);
        secretsChanged++;
      } else if (w.id) secretSealed = existing.get(w.id)!.secretSealed;
      else {
        const secret = randomToken(32);
        newSecrets.set(id, secret);
        secretSealed = await secrets.seal({ kind: 'webhook_secret', webhookId: id }, secret);
        secretsChanged++;
      }
      webhooks.push({ id, name: w.name, url: w.url, enabled: w.enabled, secretSealed });
    }
    const stored = storedAlertSettingsSchema.parse({
      ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
      responders: [...new Set(input.responders)],
      ...(email ? { email } : {}),
      webhooks,
      renewalDays: input.renewalDays,
    });
    await tx.settings.setAlertSettings(stored);
    await tx.audit.add({
      at: ctx.now(), userId: ctx.user.id, action: 'alerts.settings', targetType: 'workspace',
      detail: { responders: stored.responders.length, email: stored.email ? (stored.email.enabled ? 'on' : 'off') : 'none', passwordChanged, webhooks: webhooks.length, secretsChanged, renewalDays: stored.renewalDays, baseUrl: !!stored.baseUrl },
    });
    return alertSettingsView(stored, await people(tx), newSecrets);
  });
}
