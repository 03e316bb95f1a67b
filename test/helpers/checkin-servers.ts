/**
 * What the check-in escalation tests share (test/integration/checkin-escalation.test.ts and
 * checkin-two-processes.test.ts): the workspace's admin, signing in to a `bitacora serve`, making
 * contacts and plans, pointing alerts at the loopback receivers, and reading what arrived for a reference.
 */
import { expect } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { HttpSession } from './server-process.js';
import type { SmtpReceiver, WebhookReceiver, ReceivedMail, WebhookRequest } from './alert-receivers.js';

export const PASS = 'frase de paso de los registros 2026';
export const ADMIN = { email: 'defensora-qzmarkmail@example.org', password: 'contraseña-segura-1', name: 'Defensora QZMARKNAME' };
export const MARKER = 'QZCHECKINPURPOSE';
export const SECRET = 'secreto-del-puente-1234567890';
export const TICK = { BITACORA_SCHEDULER_MS: '300' };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function until(what: string, cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
export const ok = (r: { status: number; body: unknown }, status = 200) => expect(r.status, JSON.stringify(r.body)).toBe(status);

export async function signIn(url: string, email = ADMIN.email, password = ADMIN.password): Promise<HttpSession> {
  const s = new HttpSession(url);
  ok(await s.login(email, password));
  return s;
}

/** An account to name as a contact; its id. */
export async function contact(admin: HttpSession, key: string): Promise<{ id: string; email: string }> {
  const email = `${key}@example.org`;
  const r = await admin.req('POST', '/api/v1/users', { email, displayName: `Contacto ${key}`, role: 'documenter', password: 'temporal-12345' });
  ok(r, 201);
  return { id: (r.body as { id: string }).id, email };
}

export async function configureAlerts(admin: HttpSession, smtp: SmtpReceiver, hook: WebhookReceiver): Promise<void> {
  ok(await admin.req('PUT', '/api/v1/alerts/settings', {
    responders: [], renewalDays: 30,
    email: { enabled: true, host: '127.0.0.1', port: smtp.port, tls: 'none', from: 'alertas@example.org' },
    webhooks: [{ name: 'puente', url: hook.url, enabled: true, secret: SECRET }],
  }));
}

export async function plan(admin: HttpSession, body: Record<string, unknown>): Promise<{ id: string; ref: string; nextDueAt: string }> {
  const r = await admin.req('POST', '/api/v1/checkins', body);
  ok(r, 201);
  return r.body as { id: string; ref: string; nextDueAt: string };
}

export const mailsFor = async (smtp: SmtpReceiver, ref: string): Promise<{ mail: ReceivedMail; parsed: ParsedMail }[]> => {
  const out: { mail: ReceivedMail; parsed: ParsedMail }[] = [];
  for (const mail of smtp.messages) {
    const parsed = await simpleParser(mail.raw);
    if (parsed.subject === `Bitácora: ${ref}`) out.push({ mail, parsed });
  }
  return out;
};
export const hooksFor = (hook: WebhookReceiver, ref: string): { req: WebhookRequest; body: { id: string; kind: string; ref: string } }[] =>
  hook.requests.map((req) => ({ req, body: JSON.parse(req.body) as { id: string; kind: string; ref: string } })).filter((h) => h.body.ref === ref);
