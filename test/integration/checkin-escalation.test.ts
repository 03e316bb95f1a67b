/**
 * Check-ins against real `bitacora serve` processes (ADR 0018), with a real SMTP server and a real
 * webhook receiver on 127.0.0.1:
 *  - the scheduler survives restarts: a plan due in a few seconds, the server killed (SIGKILL)
 *    before the deadline, started again after it on the same data — the escalation arrives once
 *    by e-mail and once by webhook, and still once after more ticks and a second restart;
 *  - a duress check-in through the HTTP API answers like a normal one and sends one e-mail to
 *    each contact, none to the person, with no marker planted in the purpose or the person's
 *    name or address;
 *  - (two server processes on one PostgreSQL database: checkin-two-processes.test.ts).
 * On the embedded store under `unit`, on PostgreSQL under `unit-postgres` (the test matrix).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startServer, killServer, HttpSession, type ServerProcess } from '../helpers/server-process.js';
import { backendEnv, dropBackend } from '../helpers/backend.js';
import { smtpReceiver, webhookReceiver, type SmtpReceiver, type WebhookReceiver } from '../helpers/alert-receivers.js';
import { ADMIN, MARKER, PASS, SECRET, TICK, configureAlerts, contact, hooksFor, mailsFor, ok, plan, signIn, sleep, until } from '../helpers/checkin-servers.js';
import { hmacSha256 } from '../../src/crypto/mac.js';

describe('a missed check-in escalates exactly once across restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bitacora-checkin-'));
  let smtp: SmtpReceiver;
  let hook: WebhookReceiver;
  let srv: ServerProcess | undefined;
  const stopped: ServerProcess[] = [];
  let friend: { id: string; email: string };
  let missed: { id: string; ref: string; nextDueAt: string };

  beforeAll(async () => {
    [smtp, hook] = await Promise.all([smtpReceiver(), webhookReceiver('/hook')]);
    const init = await runCli(['init'], { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASS, BITACORA_ADMIN_EMAIL: ADMIN.email, BITACORA_ADMIN_PASSWORD: ADMIN.password, BITACORA_ADMIN_NAME: ADMIN.name });
    expect(init.code, init.stderr).toBe(0);
    srv = await startServer({ BITACORA_PASSPHRASE: PASS, ...TICK }, dataDir);
  }, 120_000);

  afterAll(async () => {
    for (const s of stopped) await s.stop({ keepData: true });
    await srv?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await smtp?.close();
    await hook?.close();
  });

  async function restart(): Promise<void> {
    await killServer(srv!);
    stopped.push(srv!);
    srv = await startServer({ BITACORA_PASSPHRASE: PASS, ...TICK }, dataDir);
  }

  it('kills the server before the deadline; after a restart past it, one e-mail and one webhook POST arrive', async () => {
    const admin = await signIn(srv!.url);
    await configureAlerts(admin, smtp, hook);
    friend = await contact(admin, 'amiga');
    const due = Date.now() + 6_000;
    missed = await plan(admin, { purpose: `Cruce por ${MARKER}`, firstDueAt: new Date(due).toISOString(), graceMinutes: 0, contacts: [friend.id] });
    await killServer(srv!);
    // the kill came before the deadline (else this test proves nothing)
    expect(Date.now()).toBeLessThan(due);
    stopped.push(srv!);
    await sleep(due - Date.now() + 1_500);
    expect(smtp.messages).toHaveLength(0);
    expect(hook.requests).toHaveLength(0);

    srv = await startServer({ BITACORA_PASSPHRASE: PASS, ...TICK }, dataDir);
    await until('the escalation to be delivered', () => smtp.messages.length >= 1 && hook.requests.length >= 1);
    const mails = await mailsFor(smtp, missed.ref);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.mail.to).toEqual([friend.email]);
    expect(mails[0]!.parsed.text).toContain(`No llegó a tiempo el registro ${missed.ref}.`);
    const hooks = hooksFor(hook, missed.ref);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.body).toMatchObject({ kind: 'checkin_missed', ref: missed.ref });
    expect(hooks[0]!.req.headers['x-bitacora-signature']).toBe(`sha256=${hmacSha256(Buffer.from(SECRET, 'utf8'), hooks[0]!.req.body).toString('hex')}`);
    // the person sees it escalated; the contact has it in the app
    const mine = (await (await signIn(srv!.url)).req('GET', '/api/v1/checkins')).body as { items: { id: string; escalated: boolean }[] };
    expect(mine.items.find((p) => p.id === missed.id)?.escalated).toBe(true);
    const theirs = new HttpSession(srv!.url);
    ok(await theirs.login(friend.email, 'temporal-12345'));
    ok(await theirs.req('POST', '/api/v1/me/password', { current: 'temporal-12345', password: 'definitiva-12345' }), 204);
    const inbox = (await theirs.req('GET', '/api/v1/alerts')).body as { items: { kind: string; ref: string }[] };
    expect(inbox.items.filter((a) => a.ref === missed.ref).map((a) => a.kind)).toEqual(['checkin_missed']);
  }, 180_000);

  it('sends nothing more after many ticks and a second restart', async () => {
    await sleep(3_000); // ten ticks
    await restart();
    await sleep(3_000);
    expect(await mailsFor(smtp, missed.ref)).toHaveLength(1);
    expect(hooksFor(hook, missed.ref)).toHaveLength(1);
    expect(smtp.messages).toHaveLength(1);
    expect(hook.requests).toHaveLength(1);
  }, 180_000);

  it('a duress check-in answers like a normal one and e-mails each contact once, with nothing identifying', async () => {
    const admin = await signIn(srv!.url);
    const other = await contact(admin, 'colega');
    ok(await admin.req('PUT', '/api/v1/checkins/duress-code', { code: 'flor de nopal', password: ADMIN.password }));
    const later = new Date(Date.now() + 3 * 3600_000).toISOString();
    const a = await plan(admin, { purpose: `Caravana ${MARKER}`, firstDueAt: later, everyMinutes: 60, contacts: [friend.id, other.id] });
    const b = await plan(admin, { purpose: `Albergue ${MARKER}`, firstDueAt: later, everyMinutes: 60, contacts: [friend.id, other.id] });
    const normal = await admin.req('POST', `/api/v1/checkins/${a.id}/check-in`, { code: 'flor de maguey' });
    const forced = await admin.req('POST', `/api/v1/checkins/${b.id}/check-in`, { code: 'flor de nopal' });
    ok(normal);
    ok(forced);
    const shape = (x: unknown) => Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, k === 'at' ? typeof v : v]);
    expect(shape(forced.body)).toEqual(shape(normal.body));

    await until('the silent alert to reach both contacts', () => smtp.messages.length >= 3 && hook.requests.length >= 2);
    await sleep(1_500);
    const mails = await mailsFor(smtp, b.ref);
    expect(mails.map((m) => m.mail.to).sort()).toEqual([[friend.email], [other.email]].sort());
    expect(await mailsFor(smtp, a.ref)).toEqual([]);
    for (const { mail, parsed } of mails) {
      expect(parsed.text).toContain(`Alerta silenciosa del registro ${b.ref}.`);
      expect(mail.raw).not.toMatch(/QZCHECKINPURPOSE|QZMARK|Caravana|Albergue|defensora/i);
    }
    const hooks = hooksFor(hook, b.ref);
    expect(hooks.map((h) => h.body.kind)).toEqual(['checkin_duress']);
    expect(JSON.stringify(hook.requests)).not.toMatch(/QZCHECKINPURPOSE|QZMARK|Caravana|Albergue|defensora/i);
    // nothing reached the person
    expect(smtp.messages.some((m) => m.to.includes(ADMIN.email))).toBe(false);
    const own = (await admin.req('GET', '/api/v1/alerts')).body as { items: unknown[] };
    expect(own.items).toEqual([]);
  }, 120_000);
});
