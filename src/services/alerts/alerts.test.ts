/**
 * Alert settings, the inbox, the test alert and the delivery record through the use cases, on
 * both backends: settings refused with the field named (bad or non-http addresses, a responder who
 * is no active account, a webhook id that is not ours), secrets sealed at rest and never answered
 * (a generated webhook secret once), the password kept, replaced or removed as asked; one's own
 * alerts only; and sendPending recording a channel switched off, removed or an account disabled
 * by a short code at once, an unreachable server with a retry.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { closedPort } from '../../../test/helpers/alert-receivers.js';
import type { ServiceContext } from '../context.js';
import { createUser, updateUser } from '../users/manage-users.js';
import { alertSettings, setAlertSettings } from './alert-settings.js';
import { markAlertRead, myAlerts } from './inbox.js';
import { sendTestAlert } from './test-alert.js';
import { deliveryRecord } from './delivery-record.js';
import { sendPending } from './send-pending.js';
import { raiseAlert } from './raise-alert.js';
import { alertSecretsOf } from '../../store/repositories/alert-secrets.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const people: Record<string, string> = {};
const PASSWORD = 'QZSMTPPASSWORD-muy-secreta';
const SECRET = 'QZHOOKSECRET-0123456789abcdef';
const as = (id: string, role: ServiceContext['user']['role'] = 'documenter'): ServiceContext => ({ ...admin, user: { ...admin.user, id, role } });
const at = (ctx: ServiceContext, now: string): ServiceContext => ({ ...ctx, now: () => now });
const email = (port: number, extra: Record<string, unknown> = {}) => ({ enabled: true, host: '127.0.0.1', port, tls: 'none' as const, from: 'alertas@example.org', ...extra });
const base = () => ({ responders: [people['tomas']!], webhooks: [] as unknown[], renewalDays: 30 });

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, '2026-03-01T10:00:00.000Z');
  for (const [key, role] of [['tomas', 'coordinator'], ['lucia', 'analyst'], ['gone', 'documenter']] as const)
    people[key] = (await createUser(admin, { email: `${key}@example.org`, displayName: key, role, password: 'temporal-12345' })).id;
  await updateUser(admin, people['gone']!, { disabled: true });
}, 60_000);
afterAll(async () => { await ws?.close(); });

describe('alert settings', () => {
  it('start empty with defaults, listing active accounts to choose from', async () => {
    const s = await alertSettings(admin);
    expect(s).toMatchObject({ responders: [], webhooks: [], renewalDays: 30 });
    expect(s.email).toBeUndefined();
    const ids = s.people.map((p) => p.id);
    expect(ids).toContain(people['tomas']);
    expect(ids).not.toContain(people['gone']);
  });

  it('are for administrators only', async () => {
    await expect(alertSettings(as(people['tomas']!, 'coordinator'))).rejects.toMatchObject({ status: 403 });
    await expect(setAlertSettings(as(people['tomas']!, 'coordinator'), base())).rejects.toMatchObject({ status: 403 });
    await expect(sendTestAlert(as(people['tomas']!, 'coordinator'))).rejects.toMatchObject({ status: 403 });
    await expect(deliveryRecord(as(people['tomas']!, 'coordinator'))).rejects.toMatchObject({ status: 403 });
  });

  it('refuse bad addresses, naming the field', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ baseUrl: 'no es una dirección' }, 'baseUrl'],
      [{ baseUrl: 'ftp://b.example.org' }, 'baseUrl'],
      [{ baseUrl: 'https://user:pw@b.example.org' }, 'baseUrl'],
      [{ baseUrl: 'https://b.example.org/?next=1' }, 'baseUrl'],
      [{ webhooks: [{ name: 'Signal', url: 'javascript:alert(1)', enabled: true }] }, 'webhooks[0].url'],
      [{ webhooks: [{ name: 'Signal', url: 'file:///etc/passwd', enabled: true }] }, 'webhooks[0].url'],
      [{ webhooks: [{ name: 'Signal', url: 'https://a:b@hook.example.org/x', enabled: true }] }, 'webhooks[0].url'],
      [{ webhooks: [{ name: 'Signal', url: 'https://hook.example.org/x', enabled: true, secret: 'corto' }] }, 'webhooks[0].secret'],
      [{ email: email(25, { from: 'no-es-correo' }) }, 'email.from'],
      [{ email: email(25, { host: 'smtp example org' }) }, 'email.host'],
      [{ email: email(0) }, 'email.port'],
      [{ email: email(25, { tls: 'ssl3' }) }, 'email.tls'],
      [{ renewalDays: 0 }, 'renewalDays'],
    ];
    for (const [patch, path] of bad) {
      const err = await setAlertSettings(admin, { ...base(), ...patch }).catch((e: unknown) => e);
      expect(err, JSON.stringify(patch)).toMatchObject({ status: 400 });
      expect((err as { problems: { path: string }[] }).problems.map((p) => p.path), JSON.stringify(patch)).toContain(path);
    }
  });

  it('refuse a responder who is not an active account, and a webhook id that is not ours', async () => {
    await expect(setAlertSettings(admin, { ...base(), responders: [people['tomas']!, people['gone']!] })).rejects.toMatchObject({ status: 400, problems: [{ path: 'responders[1]' }] });
    await expect(setAlertSettings(admin, { ...base(), responders: ['00000000-0000-4000-8000-000000000000'] })).rejects.toMatchObject({ status: 400, problems: [{ path: 'responders[0]' }] });
    await expect(setAlertSettings(admin, { ...base(), webhooks: [{ id: '00000000-0000-4000-8000-000000000000', name: 'X', url: 'https://hook.example.org/x', enabled: true }] }))
      .rejects.toMatchObject({ status: 400, problems: [{ path: 'webhooks[0].id' }] });
    expect((await alertSettings(admin)).responders).toEqual([]);
  });

  it('seal the password and secrets, never answer them, and show a generated secret once', async () => {
    const s = await setAlertSettings(admin, {
      ...base(), baseUrl: 'https://bitacora.example.org/', email: email(2525, { user: 'alertas', password: PASSWORD }),
      webhooks: [{ name: 'Puente Signal', url: 'https://hook.example.org/signal', enabled: true, secret: SECRET }, { name: 'Matrix', url: 'http://127.0.0.1:9/m?room=1', enabled: false }],
    });
    expect(s.email).toEqual({ enabled: true, host: '127.0.0.1', port: 2525, tls: 'none', user: 'alertas', from: 'alertas@example.org', hasPassword: true });
    expect(s.webhooks.map((w) => [w.name, w.hasSecret, w.newSecret === undefined])).toEqual([['Puente Signal', true, true], ['Matrix', true, false]]);
    const generated = s.webhooks[1]!.newSecret!;
    expect(generated.length).toBeGreaterThanOrEqual(40);
    const text = JSON.stringify(s);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/Sealed/);
    const again = JSON.stringify(await alertSettings(admin));
    for (const secret of [PASSWORD, SECRET, generated]) expect(again).not.toContain(secret);
    expect(again).not.toMatch(/Sealed|newSecret/);
    // at rest: sealed in the workspace row, and none of it in the audit
    const row = await sql<{ settings: string }>`SELECT settings FROM workspace`.execute(ws.vault.runtime().store.db);
    for (const secret of [PASSWORD, SECRET, generated]) expect(row.rows[0]!.settings).not.toContain(secret);
    const audit = await sql<{ action: string; detail: string | null }>`SELECT action, detail FROM audit_events WHERE action = 'alerts.settings'`.execute(ws.vault.runtime().store.db);
    expect(audit.rows.length).toBe(1);
    for (const secret of [PASSWORD, SECRET, generated, 'hook.example.org', 'alertas@']) expect(audit.rows[0]!.detail ?? '').not.toContain(secret);
    // and they open again under their own slot only
    const stored = await ws.vault.runtime().store.settings.alertSettings();
    const secrets = alertSecretsOf(ws.vault.runtime().store);
    expect(await secrets.open({ kind: 'email_password' }, stored.email!.passwordSealed!)).toBe(PASSWORD);
    expect(await secrets.open({ kind: 'webhook_secret', webhookId: stored.webhooks[1]!.id }, stored.webhooks[1]!.secretSealed)).toBe(generated);
    await expect(secrets.open({ kind: 'webhook_secret', webhookId: stored.webhooks[1]!.id }, stored.webhooks[0]!.secretSealed)).rejects.toThrow();
  });

  it('keep the password and a webhook\'s secret when not sent again, and remove the password on ""', async () => {
    const before = await ws.vault.runtime().store.settings.alertSettings();
    const hooks = before.webhooks.map((w) => ({ id: w.id, name: w.name, url: w.url, enabled: w.enabled }));
    const kept = await setAlertSettings(admin, { ...base(), email: email(2526, { user: 'alertas' }), webhooks: hooks });
    expect(kept.email!.hasPassword).toBe(true);
    expect(kept.webhooks.every((w) => w.newSecret === undefined)).toBe(true);
    const after = await ws.vault.runtime().store.settings.alertSettings();
    expect(after.email!.passwordSealed).toBe(before.email!.passwordSealed);
    expect(after.webhooks.map((w) => w.secretSealed)).toEqual(before.webhooks.map((w) => w.secretSealed));
    const removed = await setAlertSettings(admin, { ...base(), email: email(2526, { password: '' }), webhooks: hooks.slice(0, 1) });
    expect(removed.email!.hasPassword).toBe(false);
    expect(removed.webhooks.map((w) => w.name)).toEqual(['Puente Signal']);
  });
});

describe('the inbox and the test alert', () => {
  it('sends a test alert to the caller and the responders, in the app, each reading only their own', async () => {
    await setAlertSettings(admin, base());
    const { alertId } = await sendTestAlert(at(admin, '2026-03-02T09:00:00.000Z'));
    const mine = await myAlerts(admin);
    expect(mine.unread).toBe(1);
    expect(mine.items).toMatchObject([{ alertId, kind: 'test', link: '/alerts', readAt: null }]);
    expect(mine.items[0]!.ref).toMatch(/^TEST-[0-9A-F]{4}$/);
    const tomas = as(people['tomas']!, 'coordinator');
    const theirs = await myAlerts(tomas);
    expect(theirs.items.map((i) => i.alertId)).toEqual([alertId]);
    expect((await myAlerts(as(people['lucia']!, 'analyst'))).items).toEqual([]);
    // someone else's delivery does not exist for me
    await expect(markAlertRead(admin, theirs.items[0]!.deliveryId)).rejects.toMatchObject({ status: 404 });
    await expect(markAlertRead(admin, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
    expect(await markAlertRead(at(admin, '2026-03-02T09:05:00.000Z'), mine.items[0]!.deliveryId)).toEqual({ unread: 0 });
    expect(await markAlertRead(at(admin, '2026-03-02T09:09:00.000Z'), mine.items[0]!.deliveryId)).toEqual({ unread: 0 });
    expect((await myAlerts(admin)).items[0]!.readAt).toBe('2026-03-02T09:05:00.000Z');
    expect((await myAlerts(tomas)).unread).toBe(1);
  });

  it('shows every delivery with its target\'s name, never an address', async () => {
    const r = await deliveryRecord(admin);
    const test = r.items.filter((d) => d.kind === 'test');
    expect(test.map((d) => [d.channel, d.targetName, d.status]).sort()).toEqual([['app', 'Rosa (admin)', 'sent'], ['app', 'tomas', 'sent']]);
    expect(JSON.stringify(r)).not.toMatch(/@example\.org/);
  });
});

describe('sending', () => {
  const owner = 'proc-test';
  it('records a channel switched off or removed, and a disabled account, by a short code at once', async () => {
    const port = await closedPort();
    const s = await setAlertSettings(admin, { ...base(), email: email(port), webhooks: [{ name: 'Apagado', url: 'http://127.0.0.1:9/x', enabled: true }] });
    const store = ws.vault.runtime().store;
    const now = '2026-03-03T10:00:00.000Z';
    await raiseAlert(store, { kind: 'urgent_opened', dedupeKey: 'urgent-opened:t1', ref: 'URG-0001', path: '/urgent/x', subject: { type: 'urgent_case', id: 'x' }, users: [people['lucia']!], responders: true, now });
    // between raising and sending: the webhook removed, Lucía disabled
    await setAlertSettings(admin, { ...base(), email: email(port), webhooks: [] });
    await updateUser(admin, people['lucia']!, { disabled: true });
    expect(await sendPending(store, { owner, now: () => now })).toBe(0);
    const rows = (await deliveryRecord(admin)).items.filter((d) => d.ref === 'URG-0001' && d.channel !== 'app');
    const by = (target: string) => rows.find((d) => d.target === target)!;
    expect(by(s.webhooks[0]!.id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'webhook_removed', targetName: null });
    expect(by(people['lucia']!)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'account_disabled' });
    // nobody listens on the SMTP port: tried again in 30 s
    expect(by(people['tomas']!)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'smtp_unreachable', nextAttemptAt: '2026-03-03T10:00:30.000Z' });
    // switched off before the retry: failed at once
    await setAlertSettings(admin, { ...base(), email: { ...email(port), enabled: false } });
    expect(await sendPending(store, { owner, now: () => '2026-03-03T10:00:31.000Z' })).toBe(0);
    expect((await deliveryRecord(admin)).items.find((d) => d.ref === 'URG-0001' && d.target === people['tomas'] && d.channel === 'email')).toMatchObject({ status: 'failed', attempts: 2, lastError: 'email_disabled' });
    await updateUser(admin, people['lucia']!, { disabled: false });
  });

  it('adds no e-mail deliveries while e-mail is off, and none to webhooks switched off', async () => {
    await setAlertSettings(admin, { ...base(), email: { ...email(25), enabled: false }, webhooks: [{ name: 'Off', url: 'http://127.0.0.1:9/x', enabled: false }] });
    const store = ws.vault.runtime().store;
    await raiseAlert(store, { kind: 'step_overdue', dedupeKey: 'step-overdue:t2', ref: 'URG-0002', path: '/urgent/y', subject: { type: 'urgent_case', id: 'y' }, users: [], responders: true, now: '2026-03-04T00:00:00.000Z' });
    expect((await deliveryRecord(admin)).items.filter((d) => d.ref === 'URG-0002').map((d) => d.channel)).toEqual(['app']);
  });
});
