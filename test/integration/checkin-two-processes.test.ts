/**
 * Two `bitacora serve` processes on one PostgreSQL database (ADR 0018), each with its scheduler
 * ticking, a real SMTP server and a real webhook receiver on 127.0.0.1: a missed check-in's
 * escalation is sent once — one e-mail, one webhook POST. Always on PostgreSQL (the embedded file
 * has one process), so it runs under `unit` and is left out of `unit-postgres`, like
 * two-processes.test.ts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { ServerProcess } from '../helpers/server-process.js';
import { twoServersOnPostgres, type TwoServers } from '../helpers/two-servers.js';
import { smtpReceiver, webhookReceiver, type SmtpReceiver, type WebhookReceiver } from '../helpers/alert-receivers.js';
import { ADMIN, PASS, TICK, configureAlerts, contact, hooksFor, mailsFor, plan, signIn, sleep, until } from '../helpers/checkin-servers.js';

describe('two server processes on one PostgreSQL database', () => {
  let two: TwoServers;
  let a: ServerProcess;
  let b: ServerProcess;
  let smtp: SmtpReceiver;
  let hook: WebhookReceiver;

  beforeAll(async () => {
    [smtp, hook] = await Promise.all([smtpReceiver(), webhookReceiver('/hook')]);
    two = await twoServersOnPostgres({ name: 'checkin', passphrase: PASS, admin: ADMIN, env: TICK });
    ({ a, b } = two);
  }, 120_000);

  afterAll(async () => {
    await two?.close();
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
