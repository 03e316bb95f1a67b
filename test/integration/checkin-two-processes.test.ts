/**
 * Two `bitacora serve` processes on one PostgreSQL database (ADR 0018), each with its scheduler
 * ticking, a real SMTP server and a real webhook receiver on 127.0.0.1: a missed check-in's
 * escalation is sent once — one e-mail, one webhook POST. Always on PostgreSQL (the embedded file
 * has one process), so it runs under `unit` and is left out of `unit-postgres`, like
 * two-processes.test.ts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startServer, type ServerProcess } from '../helpers/server-process.js';
import { backendEnv, dropBackend } from '../helpers/backend.js';
import { smtpReceiver, webhookReceiver, type SmtpReceiver, type WebhookReceiver } from '../helpers/alert-receivers.js';
import { ADMIN, PASS, TICK, configureAlerts, contact, hooksFor, mailsFor, plan, signIn, sleep, until } from '../helpers/checkin-servers.js';

describe('two server processes on one PostgreSQL database', () => {
  const dirA = mkdtempSync(join(tmpdir(), 'bitacora-checkin-a-'));
  const dirB = mkdtempSync(join(tmpdir(), 'bitacora-checkin-b-'));
  const pgEnv = backendEnv(dirA, 'postgres');
  let a: ServerProcess;
  let b: ServerProcess;
  let smtp: SmtpReceiver;
  let hook: WebhookReceiver;

  beforeAll(async () => {
    [smtp, hook] = await Promise.all([smtpReceiver(), webhookReceiver('/hook')]);
    const init = await runCli(['init'], { BITACORA_DATA_DIR: dirA, BITACORA_PASSPHRASE: PASS, BITACORA_ADMIN_EMAIL: ADMIN.email, BITACORA_ADMIN_PASSWORD: ADMIN.password, ...pgEnv });
    expect(init.code, init.stderr).toBe(0);
    copyFileSync(join(dirA, 'keyring.json'), join(dirB, 'keyring.json'));
    a = await startServer({ BITACORA_PASSPHRASE: PASS, ...TICK, ...pgEnv }, dirA);
    b = await startServer({ BITACORA_PASSPHRASE: PASS, ...TICK, ...pgEnv }, dirB);
  }, 120_000);

  afterAll(async () => {
    await a?.stop({ keepData: true });
    await b?.stop({ keepData: true });
    await dropBackend(dirA, 'postgres');
    rmSync(dirA, { recursive: true, force: true });
    rmSync(dirB, { recursive: true, force: true });
    await smtp?.close();
    await hook?.close();
  });

  it('send the escalation once', async () => {
    const admin = await signIn(a.url);
    await configureAlerts(admin, smtp, hook);
    const friend = await contact(admin, 'amiga');
    const p = await plan(admin, { firstDueAt: new Date(Date.now() + 2_000).toISOString(), graceMinutes: 0, contacts: [friend.id] });
    await until('the escalation to be delivered', () => smtp.messages.length >= 1 && hook.requests.length >= 1);
    await sleep(3_000); // ten ticks of each process
    expect((await mailsFor(smtp, p.ref)).map((m) => m.mail.to)).toEqual([[friend.email]]);
    expect(hooksFor(hook, p.ref).map((h) => h.body.kind)).toEqual(['checkin_missed']);
    expect(smtp.messages).toHaveLength(1);
    expect(hook.requests).toHaveLength(1);
    // both processes were running their schedulers all along
    for (const s of [a, b]) expect(s.child.exitCode).toBeNull();
  }, 120_000);
});
