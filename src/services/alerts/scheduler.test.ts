/**
 * The scheduler's guarantees (ADR 0018), on both backends, with a real SMTP server and a real
 * webhook receiver on loopback: running the due work twice over the same due data raises and
 * sends nothing twice; two processes (owners) sending at the same time send each delivery once;
 * a delivery left claimed by a process that died is sent by another once its lease ran out.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { simpleParser } from 'mailparser';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { smtpReceiver, webhookReceiver, type SmtpReceiver, type WebhookReceiver } from '../../../test/helpers/alert-receivers.js';
import type { ServiceContext } from '../context.js';
import type { Store } from '../../store/store.js';
import { createUser } from '../users/manage-users.js';
import { createActor } from '../actors/manage-actors.js';
import { setAlertSettings } from './alert-settings.js';
import { raiseAlert } from './raise-alert.js';
import { runDueWork, startScheduler } from './scheduler.js';
import { sendPending, LEASE_MS } from './send-pending.js';

let ws: TestWorkspace;
let admin: ServiceContext;
let store: Store;
let smtp: SmtpReceiver;
let hook: WebhookReceiver;
const NOW = '2026-05-04T08:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

beforeAll(async () => {
  [smtp, hook] = await Promise.all([smtpReceiver(), webhookReceiver()]);
  ws = await newWorkspace();
  admin = await adminContext(ws, NOW);
  store = ws.vault.runtime().store;
  const tomas = await createUser(admin, { email: 'tomas@example.org', displayName: 'Tomás', role: 'coordinator', password: 'temporal-12345' });
  await setAlertSettings(admin, {
    responders: [tomas.id], renewalDays: 30,
    email: { enabled: true, host: '127.0.0.1', port: smtp.port, tls: 'none', from: 'alertas@example.org' },
    webhooks: [{ name: 'Puente', url: hook.url, enabled: true }],
  });
  await createActor(admin, { kind: 'person', pseudonym: 'Defensora', protectionMeasures: [{ kind: 'police_protection', status: 'granted_active', expires: '2026-05-20' }] });
}, 60_000);
afterAll(async () => {
  await ws?.close();
  await Promise.all([smtp?.close(), hook?.close()]);
});

const pendingCount = async () => (await store.alerts.deliveries(1000)).filter((d) => d.status === 'pending').length;

describe('the scheduler', () => {
  it('raises and sends the same due work once, however often it runs', async () => {
    expect(await runDueWork(store, 'process-a', () => NOW)).toEqual({ raised: 1, sent: 2 });
    expect(await runDueWork(store, 'process-a', () => NOW)).toEqual({ raised: 0, sent: 0 });
    // another process, a little later, over the same data
    expect(await runDueWork(store, 'process-b', () => later(60_000))).toEqual({ raised: 0, sent: 0 });
    expect(smtp.messages.map((m) => m.to)).toEqual([['tomas@example.org']]);
    expect(hook.requests.length).toBe(1);
    expect(JSON.parse(hook.requests[0]!.body)).toMatchObject({ kind: 'measure_renewal', link: '/measures' });
  });

  it('sends each delivery once when two processes send at the same time', async () => {
    smtp.messages.length = 0;
    hook.requests.length = 0;
    const alerts: string[] = [];
    for (let i = 0; i < 6; i++) {
      await store.transaction((tx) => raiseAlert(tx, { kind: 'urgent_opened', dedupeKey: `urgent-opened:case-${i}`, ref: `URG-${String(i).padStart(4, '0')}`, path: `/urgent/case-${i}`, subject: { type: 'urgent_case', id: `case-${i}` }, users: [], responders: true, now: later(120_000) }));
      alerts.push((await store.alerts.idByKey(`urgent-opened:case-${i}`))!);
    }
    expect(await pendingCount()).toBe(12);
    const at = () => later(121_000);
    const [a, b] = await Promise.all([sendPending(store, { owner: 'process-a', now: at }), sendPending(store, { owner: 'process-b', now: at })]);
    expect(a + b).toBe(12);
    expect(await pendingCount()).toBe(0);
    expect(smtp.messages.length).toBe(6);
    const subjects = await Promise.all(smtp.messages.map(async (m) => (await simpleParser(m.raw)).subject));
    expect(subjects.sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `Bitácora: URG-000${i}`));
    expect(hook.requests.map((r) => r.headers['x-bitacora-alert']).sort()).toEqual([...alerts].sort());
    const sent = (await store.alerts.deliveries(1000)).filter((d) => alerts.includes(d.alertId) && d.channel !== 'app');
    expect(sent.map((d) => [d.status, d.attempts])).toEqual(sent.map(() => ['sent', 1]));
  });

  it('sends what a dead process had claimed once its lease ran out, not before', async () => {
    hook.requests.length = 0;
    await store.transaction((tx) => raiseAlert(tx, { kind: 'checkin_missed', dedupeKey: 'checkin-missed:plan:1', ref: 'CHK-0001', path: '/checkins/plan', subject: { type: 'checkin_plan', id: 'plan' }, users: [], responders: true, now: later(200_000) }));
    const due = await store.alerts.due(later(200_000), 10);
    expect(due.length).toBe(2);
    // process "dead" claims both and never reports back
    for (const id of due) expect(await store.alerts.claim(id, 'process-dead', later(200_000), later(200_000 + LEASE_MS))).toBeDefined();
    expect(await sendPending(store, { owner: 'process-b', now: () => later(200_000 + LEASE_MS - 1000) })).toBe(0);
    expect(await sendPending(store, { owner: 'process-b', now: () => later(200_000 + LEASE_MS + 1000) })).toBe(2);
    expect(hook.requests.length).toBe(1);
  });

  it('sweeps evidence files left half-written by a dead upload, and files nothing uses, on its first tick', async () => {
    async function* one(b: Buffer): AsyncGenerator<Buffer> { yield b; }
    const record = 'incident/00000000-0000-4000-8000-0000000000aa';
    const dead = await store.files.put(record, one(Buffer.from('subida interrumpida')), { maxBytes: 100 });
    await store.db.updateTable('files').set({ created_at: '2026-01-01T00:00:00.000Z' }).where('id', '=', dead.id).execute();
    const unused = await store.files.put(record, one(Buffer.from('sin uso')), { maxBytes: 100 });
    await store.files.markStored(unused.id);
    const uploading = await store.files.put(record, one(Buffer.from('en curso')), { maxBytes: 100 });
    const logs: string[] = [];
    const scheduler = startScheduler(ws.vault, { everyMs: 3_600_000, log: (msg, fields) => logs.push(`${msg} ${JSON.stringify(fields)}`) });
    await scheduler.tick();
    await scheduler.stop();
    expect(await store.files.info(dead.id)).toBeUndefined();
    expect(await store.files.info(unused.id)).toBeUndefined();
    expect(await store.files.info(uploading.id)).toBeDefined();
    expect(logs).toContain('files swept {"removed":2}');
  });
});
