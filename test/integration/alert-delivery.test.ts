/**
 * Alerts really delivered (ADR 0018): a real SMTP server (smtp-server) and a real webhook receiver
 * (node:http) on 127.0.0.1, configured through the API; an incident, people and a protection
 * measure with a marker planted in every identifying and free-text field (and in the accounts'
 * display names); alerts raised through the API (test) and through the store (urgent case opened,
 * silent check-in alert, renewal reminder), then sent. What arrives: one message per recipient
 * with the reference as subject and the one line with the link, in the recipient's language; a
 * webhook body signed with the secret shown once; no marker anywhere, headers included. A webhook
 * answering 500 is retried with back-off and recorded by code until it answers 200; an SMTP port
 * nobody listens on is recorded as failed after the last attempt.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { newWorkspace, Client, ADMIN, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';
import { smtpReceiver, webhookReceiver, closedPort, type SmtpReceiver, type WebhookReceiver } from '../helpers/alert-receivers.js';
import { raiseAlert } from '../../src/services/alerts/raise-alert.js';
import { sendPending } from '../../src/services/alerts/send-pending.js';
import { remindRenewals } from '../../src/services/measures/renewal-reminders.js';
import { alertText, MAX_ATTEMPTS, type AlertKind } from '../../src/domain/alerts/alert.js';
import { hmacSha256 } from '../../src/crypto/mac.js';
import type { Store } from '../../src/store/store.js';

const MARKER = 'QZALERTMARKER';
const BASE = 'https://bitacora.example.org';
let ws: TestWorkspace;
let admin: Client;
let smtp: SmtpReceiver;
let hook: WebhookReceiver;
let store: Store;
let secret = '';
let webhookId = '';
const people: Record<'tomas' | 'dana', { id: string; email: string; client: Client }> = {} as never;
let incidentId = '';

async function account(key: 'tomas' | 'dana', role: string, lang: 'es' | 'en') {
  const email = `${key}@example.org`;
  const r = await admin.req('POST', '/api/v1/users', { email, displayName: `${key} ${MARKER}`, role, password: 'temporal-12345' });
  expect(r.statusCode, r.body).toBe(201);
  const client = new Client(ws.app);
  await client.login(email, 'temporal-12345');
  expect((await client.req('POST', '/api/v1/me/password', { current: 'temporal-12345', password: 'definitiva-12345' })).statusCode).toBe(204);
  expect((await client.req('PATCH', '/api/v1/me', { lang })).statusCode).toBeLessThan(300);
  people[key] = { id: (r.json() as { id: string }).id, email, client };
}

const settings = (emailPort: number, hooks: unknown[]) => ({
  baseUrl: BASE, responders: [people.tomas.id, people.dana.id], renewalDays: 30,
  email: { enabled: true, host: '127.0.0.1', port: emailPort, tls: 'none', from: 'alertas@example.org' },
  webhooks: hooks,
});

beforeAll(async () => {
  [smtp, hook] = await Promise.all([smtpReceiver(), webhookReceiver('/bridge')]);
  ws = await newWorkspace();
  store = ws.vault.runtime().store;
  admin = new Client(ws.app);
  await admin.login();
  await account('tomas', 'coordinator', 'es');
  await account('dana', 'documenter', 'en');
  const s = await admin.req('PUT', '/api/v1/alerts/settings', settings(smtp.port, [{ name: 'Puente Signal', url: hook.url, enabled: true }]));
  expect(s.statusCode, s.body).toBe(200);
  const hooks = (s.json() as { webhooks: { id: string; newSecret?: string }[] }).webhooks;
  secret = hooks[0]!.newSecret!;
  webhookId = hooks[0]!.id;
  expect(secret).toBeTruthy();
  // markers everywhere identifying or free: title, summary, real name, contact, private address, testimony, perpetrators…
  const inc = await admin.req('POST', '/api/v1/incidents', fullIncident(MARKER));
  expect(inc.statusCode, inc.body).toBe(201);
  incidentId = (inc.json() as { id: string }).id;
  // … and a protection measure whose reference, contents and notes carry it, expiring soon
  const actor = await admin.req('POST', '/api/v1/actors', {
    kind: 'person', pseudonym: 'Defensora', realName: `Real ${MARKER}`, contact: `tel ${MARKER}`, privateAddress: `Casa ${MARKER}`, notes: `Notas ${MARKER}`,
    protectionMeasures: [{ kind: 'police_protection', status: 'granted_active', reference: `EXP-${MARKER}`, expires: EXPIRES, includes: `Escolta ${MARKER}`, notes: `Notas ${MARKER}` }],
  });
  expect(actor.statusCode, actor.body).toBe(201);
}, 60_000);
afterAll(async () => {
  await ws?.close();
  await Promise.all([smtp?.close(), hook?.close()]);
});

interface Sent { kind: AlertKind; ref: string; path: string; alertId: string; to: string[] }
const expected: Sent[] = [];
const plus = (iso: string, s: number) => new Date(Date.parse(iso) + s * 1000).toISOString();
// a minute ahead of the clock: the test alert raised through the API (at the clock's time) is due by then
const NOW = plus(new Date().toISOString(), 60);
const EXPIRES = plus(NOW, 9 * 86_400).slice(0, 10);
const raise = async (kind: AlertKind, key: string, ref: string, path: string, users: string[], except: string[] = [], now = NOW) => {
  await store.transaction((tx) => raiseAlert(tx, { kind, dedupeKey: key, ref, path, subject: { type: kind.startsWith('checkin') ? 'checkin_plan' : 'urgent_case', id: key }, users, responders: true, except, now }));
  return (await store.alerts.idByKey(key))!;
};
const deliveries = async () => ((await admin.req('GET', '/api/v1/alerts/deliveries')).json() as { items: { alertId: string; channel: string; target: string; targetName: string | null; status: string; attempts: number; lastError: string | null; nextAttemptAt: string | null }[] }).items;

describe('alert delivery', () => {
  it('delivers every alert by e-mail and webhook with nothing identifying in it', async () => {
    const test = await admin.req('POST', '/api/v1/alerts/test', {});
    expect(test.statusCode, test.body).toBe(202);
    const testId = (test.json() as { alertId: string }).alertId;
    const testInbox = ((await admin.req('GET', '/api/v1/alerts')).json() as { items: { alertId: string; ref: string; link: string }[] }).items.find((i) => i.alertId === testId)!;
    expected.push({ kind: 'test', ref: testInbox.ref, path: testInbox.link, alertId: testId, to: [ADMIN.email, people.tomas.email, people.dana.email] });
    const urgent = await raise('urgent_opened', `urgent-opened:${incidentId}`, 'URG-0007', `/urgent/${incidentId}`, []);
    expected.push({ kind: 'urgent_opened', ref: 'URG-0007', path: `/urgent/${incidentId}`, alertId: urgent, to: [people.tomas.email, people.dana.email] });
    // the person under duress (Tomás) is never told
    const duress = await raise('checkin_duress', 'checkin-duress:event-1', 'CHK-0003', '/checkins/plan-1', [people.dana.id], [people.tomas.id]);
    expected.push({ kind: 'checkin_duress', ref: 'CHK-0003', path: '/checkins/plan-1', alertId: duress, to: [people.dana.email] });
    expect(await remindRenewals(store, NOW)).toBe(1);
    const renewal = (await deliveries()).find((d) => !expected.some((e) => e.alertId === d.alertId))!.alertId;
    const renewalRef = ((await people.tomas.client.req('GET', '/api/v1/alerts')).json() as { items: { alertId: string; ref: string }[] }).items.find((i) => i.alertId === renewal)!.ref;
    expect(renewalRef).toMatch(/^MED-[0-9a-f]{8}$/);
    expected.push({ kind: 'measure_renewal', ref: renewalRef, path: '/measures', alertId: renewal, to: [people.tomas.email, people.dana.email] });

    const total = expected.reduce((n, e) => n + e.to.length + 1, 0);
    expect(await sendPending(store, { owner: 'it', now: () => NOW })).toBe(total);
    expect(await sendPending(store, { owner: 'it', now: () => plus(NOW, 3600) })).toBe(0);

    // e-mail: exactly one message per recipient of each alert, the reference as subject, one line in their language
    const parsed: { raw: string; to: string[]; mail: ParsedMail }[] = await Promise.all(smtp.messages.map(async (m) => ({ raw: m.raw, to: m.to, mail: await simpleParser(m.raw) })));
    expect(parsed.length).toBe(expected.reduce((n, e) => n + e.to.length, 0));
    const langOf = (email: string) => (email === people.dana.email ? 'en' : 'es');
    for (const e of expected) {
      const subject = `Bitácora: ${e.ref}`;
      const mine = parsed.filter((p) => p.mail.subject === subject);
      expect(mine.map((p) => p.to[0]).sort(), e.kind).toEqual([...e.to].sort());
      for (const p of mine) {
        expect(p.to).toHaveLength(1);
        expect(p.mail.from?.value.map((a) => a.address)).toEqual(['alertas@example.org']);
        expect(p.mail.to && !Array.isArray(p.mail.to) ? p.mail.to.value.map((a) => [a.address, a.name]) : []).toEqual([[p.to[0], '']]);
        expect(p.mail.text?.trim()).toBe(alertText({ kind: e.kind, ref: e.ref, link: `${BASE}${e.path}` }, langOf(p.to[0]!)));
        expect(p.mail.attachments).toEqual([]);
        expect(p.mail.html).toBe(false);
      }
    }
    // webhook: one signed request per alert
    expect(hook.requests.length).toBe(expected.length);
    for (const e of expected) {
      const req = hook.requests.find((r) => r.headers['x-bitacora-alert'] === e.alertId)!;
      expect(req.method).toBe('POST');
      expect(req.url).toBe('/bridge');
      expect(req.headers['content-type']).toBe('application/json');
      expect(req.headers['x-bitacora-signature']).toBe(`sha256=${hmacSha256(Buffer.from(secret, 'utf8'), req.body).toString('hex')}`);
      expect(req.headers['x-bitacora-signature']).not.toBe(`sha256=${hmacSha256(Buffer.from(`${secret}x`, 'utf8'), req.body).toString('hex')}`);
      const body = JSON.parse(req.body) as Record<string, unknown>;
      const link = `${BASE}${e.path}`;
      expect(body).toEqual({ id: e.alertId, kind: e.kind, ref: e.ref, link, createdAt: expect.any(String), text: { es: alertText({ kind: e.kind, ref: e.ref, link }, 'es'), en: alertText({ kind: e.kind, ref: e.ref, link }, 'en') } });
    }
    // nothing identifying anywhere: not the marker, not the workspace's name, not the recipients' names
    const everything = [...smtp.messages.map((m) => m.raw), ...parsed.map((p) => `${p.mail.text} ${JSON.stringify(Object.fromEntries(p.mail.headers))}`), ...hook.requests.map((r) => `${JSON.stringify(r.headers)}\n${r.body}`)].join('\n');
    for (const bad of [MARKER, 'Red de prueba', 'Casa de prueba', 'Rosa (admin)', 'Saltillo', 'Coordinador A', 'Defensora']) expect(everything, bad).not.toContain(bad);
    // and nothing in the inboxes or the record either
    for (const c of [admin, people.tomas.client, people.dana.client]) expect((await c.req('GET', '/api/v1/alerts')).body).not.toContain(MARKER);
    const record = await admin.req('GET', '/api/v1/alerts/deliveries');
    expect(record.body).not.toContain('@example.org');
    expect((record.json() as { items: { targetName: string | null; channel: string }[] }).items.filter((d) => d.channel === 'webhook').every((d) => d.targetName === 'Puente Signal')).toBe(true);
    // the person under duress has nothing of it, in the app or by e-mail
    expect(((await people.tomas.client.req('GET', '/api/v1/alerts')).json() as { items: { kind: string }[] }).items.map((i) => i.kind)).not.toContain('checkin_duress');
  });

  it('retries a webhook answering 500 with back-off, records attempts and a code, and sends it once it answers 200', async () => {
    hook.status = 500;
    hook.requests.length = 0;
    smtp.messages.length = 0;
    const t0 = plus(NOW, 86_400);
    const id = await raise('urgent_opened', 'urgent-opened:case-500', 'URG-0500', '/urgent/case-500', [], [], t0);
    expect(await sendPending(store, { owner: 'it', now: () => t0 })).toBe(2); // the two e-mails
    const hookRow = async () => (await deliveries()).find((d) => d.alertId === id && d.channel === 'webhook')!;
    expect(await hookRow()).toMatchObject({ status: 'pending', attempts: 1, lastError: 'http_500', nextAttemptAt: plus(t0, 30), targetName: 'Puente Signal', target: webhookId });
    // not before its time
    expect(await sendPending(store, { owner: 'it', now: () => plus(t0, 20) })).toBe(0);
    expect(hook.requests.length).toBe(1);
    expect(await sendPending(store, { owner: 'it', now: () => plus(t0, 31) })).toBe(0);
    expect(await hookRow()).toMatchObject({ status: 'pending', attempts: 2, lastError: 'http_500', nextAttemptAt: plus(t0, 31 + 60) });
    expect((await admin.req('GET', '/api/v1/alerts/deliveries')).body).not.toContain('SECRET-DETAIL-FROM-FAR-SIDE');
    hook.status = 200;
    expect(await sendPending(store, { owner: 'it', now: () => plus(t0, 92) })).toBe(1);
    expect(await hookRow()).toMatchObject({ status: 'sent', attempts: 3, lastError: null, nextAttemptAt: null });
    expect(hook.requests.length).toBe(3);
    expect(new Set(hook.requests.map((r) => r.body)).size).toBe(1);
    expect(smtp.messages.length).toBe(2);
  });

  it('records an SMTP server nobody answers on as failed after the last attempt', async () => {
    const port = await closedPort();
    const put = await admin.req('PUT', '/api/v1/alerts/settings', settings(port, [{ id: webhookId, name: 'Puente Signal', url: hook.url, enabled: true }]));
    expect(put.statusCode, put.body).toBe(200);
    expect((put.json() as { webhooks: { newSecret?: string }[] }).webhooks[0]!.newSecret).toBeUndefined();
    const t0 = plus(NOW, 2 * 86_400);
    const id = await raise('step_overdue', 'step-overdue:s1:1', 'URG-0009', '/urgent/case-9', [], [], t0);
    let now = t0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await sendPending(store, { owner: 'it', now: () => now });
      const rows = (await deliveries()).filter((d) => d.alertId === id && d.channel === 'email');
      expect(rows.length).toBe(2);
      for (const r of rows) expect(r).toMatchObject({ attempts: attempt, lastError: 'smtp_unreachable', status: attempt < MAX_ATTEMPTS ? 'pending' : 'failed' });
      if (attempt < MAX_ATTEMPTS) now = rows[0]!.nextAttemptAt!;
      else expect(rows.every((r) => r.nextAttemptAt === null)).toBe(true);
    }
    // the webhook went on the first try, and the failures reached nobody else
    expect((await deliveries()).find((d) => d.alertId === id && d.channel === 'webhook')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await sendPending(store, { owner: 'it', now: () => plus(now, 86_400) })).toBe(0);
  });
});
