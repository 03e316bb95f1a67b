/**
 * Reminders on both backends: who is due (scheduled hearings, people still expected), the message in
 * each person's language with only when and where to be ready (the first leg of their run, else
 * the presentation, else the start), printed or posted to the organisation's webhook — a real
 * receiver on 127.0.0.1 — signed, with no court, kind, case number or name; a person without a
 * phone fails with a reason; another organisation sees none of it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../../test/helpers/api.js';
import { allRows } from '../../../../test/helpers/db-tables.js';
import { webhookReceiver, type WebhookReceiver } from '../../../../test/helpers/alert-receivers.js';
import type { ServiceContext } from '../../context.js';
import { createUser } from '../../users/manage-users.js';
import { newId } from '../../../crypto/random.js';
import { webhookSignature } from '../../alerts/webhook-channel.js';
import { createPerson } from '../people/save-person.js';
import { createHearing } from '../hearings/save-hearing.js';
import { recordOutcome } from '../hearings/record-outcome.js';
import { dueReminders } from './due-reminders.js';
import { sendReminders } from './send-reminders.js';
import { reminderWebhook, setReminderWebhook } from './reminder-webhook.js';

let ws: TestWorkspace;
let admin: ServiceContext;
let doc: ServiceContext;
let outsider: ServiceContext;
let hook: WebhookReceiver;
const NOW = '2027-03-10T12:00:00.000Z';
const ids: Record<string, string> = {};
const SECRET = 'secreto-de-prueba-largo-2027';

beforeAll(async () => {
  ws = await newWorkspace();
  hook = await webhookReceiver();
  admin = await adminContext(ws, NOW);
  const other = newId();
  await admin.store.users.insertOrganisation(other, 'Otra casa', NOW);
  const u = await createUser(admin, { email: 'doc@example.org', displayName: 'doc', role: 'documenter', password: 'contraseña-larga-2026' });
  doc = { ...admin, user: { id: u.id, role: 'documenter', orgId: u.orgId, displayName: 'doc' } };
  const o = await createUser(admin, { email: 'out@example.org', displayName: 'out', role: 'admin', password: 'contraseña-larga-2026', orgId: other });
  outsider = { ...admin, user: { id: o.id, role: 'admin', orgId: other, displayName: 'out' } };
  ids['ana'] = (await createPerson(doc, { pseudonym: 'Ana Pseudo', reminderLang: 'ht', identity: { names: 'NOMBRE-SECRETO', caseNumbers: ['A-999-888-777'], phones: ['+52 664 111 2222'] } })).id;
  ids['ben'] = (await createPerson(doc, { pseudonym: 'Ben Pseudo', reminderLang: 'en', identity: { names: 'OTRO-NOMBRE' } })).id;
  ids['cai'] = (await createPerson(doc, { pseudonym: 'Cai Pseudo', reminderLang: 'es', identity: { phones: ['+52 686 333 4444'] } })).id;
  // in 4 days at San Diego, presenting at San Ysidro at 04:00 — Ana and Ben; Ana also rides a run from Mexicali
  const h = await createHearing(doc, { court: 'court-san-diego', startsLocal: '2027-03-14T08:30', kind: 'individual_merits', presentPlace: 'poe-san-ysidro', presentLocal: '2027-03-14T04:00', people: [ids['ana']!, ids['ben']!] });
  ids['h'] = h.id;
  ids['href'] = h.ref;
  // Cai: a hearing in 2 days without a presentation time; and one after the window
  ids['h2'] = (await createHearing(doc, { court: 'court-el-paso', startsLocal: '2027-03-12T09:00', kind: 'bond', people: [ids['cai']!] })).id;
  await createHearing(doc, { court: 'court-el-paso', startsLocal: '2027-04-12T09:00', kind: 'bond', people: [ids['cai']!] });
  // a held hearing is not reminded
  const held = await createHearing(doc, { court: 'court-el-paso', startsLocal: '2027-03-11T09:00', kind: 'bond', people: [ids['cai']!] });
  await recordOutcome(doc, held.id, { version: held.version, status: 'cancelled' });
  // Ana's run: leg 1 Mexicali → Tijuana departing 2027-03-13 21:00 Tijuana time (still winter time)
  const db = ws.vault.runtime().store.db;
  const run = newId();
  const leg = newId();
  await db.insertInto('transport_runs').values({ id: run, org_id: doc.user.orgId, ref: 'RUN-0001', day: '2027-03-14', label: null, coordinator_id: doc.user.id, arrive_place: 'mx-tijuana', arrive_zone: 'America/Tijuana', arrive_at: '2027-03-14T08:30:00.000Z', margin_minutes: 30, status: 'planned', ended_at: null, created_at: NOW, created_by: doc.user.id, updated_at: NOW, version: 1 }).execute();
  await db.insertInto('transport_legs').values({ id: leg, run_id: run, ordinal: 1, from_place: 'mx-mexicali', from_zone: 'America/Tijuana', to_place: 'mx-tijuana', to_zone: 'America/Tijuana', mode: 'van', depart_at: '2027-03-14T05:00:00.000Z', arrive_at: '2027-03-14T08:00:00.000Z', seats: 8, escort_id: null, handoff_org_id: null, mark_by: '2027-03-14T08:20:00.000Z', meeting_point: null }).execute();
  await db.insertInto('transport_passengers').values({ run_id: run, person_id: ids['ana']!, hearing_id: h.id, ordinal: 1 }).execute();
}, 120_000);
afterAll(async () => { await hook?.close(); await ws?.close(); });

describe('reminders', () => {
  it('lists who is due with a message in their language and nothing about the case', async () => {
    const { items } = await dueReminders(doc, { days: 5 });
    expect(items.map((i) => i.pseudonym)).toEqual(['Cai Pseudo', 'Ana Pseudo', 'Ben Pseudo']);
    const [cai, ana, ben] = items;
    expect(ana).toMatchObject({ lang: 'ht', meetLocal: '2027-03-13T21:00', meetPlace: 'mx-mexicali', meetZone: 'America/Tijuana', startsZone: 'America/Los_Angeles', hasPhone: true, lastReminder: null, hearingRef: ids['href'] });
    expect(ana!.message).toBe('Rapèl: pare 13/03/2027 a 21:00 nan Mexicali, B.C.. Pote papye ou yo. Si ou pa ka vini, fè nou konnen.');
    expect(ben).toMatchObject({ lang: 'en', meetLocal: '2027-03-14T04:00', meetPlace: 'poe-san-ysidro', meetZone: 'America/Los_Angeles', hasPhone: false });
    expect(ben!.message).toContain('at 04:00 at San Ysidro port of entry (El Chaparral)');
    expect(cai).toMatchObject({ lang: 'es', meetAt: null, meetPlace: null, meetZone: null, hasPhone: true });
    expect(cai!.message).toContain('a las 09:00.');
    for (const i of items) expect(i.message).not.toMatch(/court|corte|individual|merits|bond|fianza|A-999|NOMBRE|Pseudo|HRG/i);
    expect(JSON.stringify(items)).not.toContain('+52');
    expect((await dueReminders(outsider, { days: 30 })).items).toEqual([]);
  });

  it('prints: records each as printed', async () => {
    const r = await sendReminders(doc, { items: [{ hearingId: ids['h']!, personId: ids['ben']! }], channel: 'print' });
    expect(r).toEqual({ sent: 1, failed: 0, items: [{ hearingId: ids['h'], personId: ids['ben'], status: 'printed' }] });
    const { items } = await dueReminders(doc, { days: 5 });
    expect(items.find((i) => i.personId === ids['ben'])!.lastReminder).toEqual({ at: NOW, channel: 'print', status: 'printed' });
  });

  it('posts through the organisation\'s webhook, signed, without case details; no phone fails with a reason', async () => {
    await expect(sendReminders(doc, { items: [{ hearingId: ids['h']!, personId: ids['ana']! }], channel: 'webhook' })).rejects.toMatchObject({ status: 409, code: 'no_webhook' });
    await expect(setReminderWebhook(doc, { url: hook.url, enabled: true })).rejects.toMatchObject({ status: 403 });
    await expect(setReminderWebhook(admin, { url: 'ftp://x', enabled: true })).rejects.toMatchObject({ status: 400 });
    const set = await setReminderWebhook(admin, { url: hook.url, enabled: true, secret: SECRET });
    expect(set).toEqual({ url: hook.url, enabled: true, hasSecret: true });
    expect(await reminderWebhook(admin)).toEqual({ url: hook.url, enabled: true, hasSecret: true });
    expect(await reminderWebhook(outsider)).toEqual({ url: null, enabled: false, hasSecret: false });
    expect(JSON.stringify(await allRows(ws.vault.runtime().store.db, 'workspace'))).not.toContain(SECRET);

    const r = await sendReminders(doc, { items: [{ hearingId: ids['h']!, personId: ids['ana']! }, { hearingId: ids['h']!, personId: ids['ben']! }, { hearingId: ids['h2']!, personId: ids['cai']! }], channel: 'webhook' });
    expect(r.sent).toBe(2);
    expect(r.failed).toBe(1);
    expect(r.items.find((i) => i.personId === ids['ben'])).toEqual({ hearingId: ids['h'], personId: ids['ben'], status: 'failed', reason: 'no_phone' });
    expect(hook.requests).toHaveLength(2);
    for (const req of hook.requests) {
      expect(req.headers['x-bitacora-signature']).toBe(webhookSignature(SECRET, req.body));
      const body = JSON.parse(req.body) as Record<string, string>;
      expect(Object.keys(body).sort()).toEqual(['lang', 'text', 'to', 'type']);
      expect(body['type']).toBe('reminder');
      expect(req.body).not.toMatch(/court|corte|individual|merits|bond|fianza|A-999|NOMBRE|OTRO|Pseudo|HRG|ACP/i);
    }
    expect(hook.requests.map((q) => (JSON.parse(q.body) as { to: string }).to).sort()).toEqual(['+52 664 111 2222', '+52 686 333 4444']);
    // a far side that refuses: failed, recorded
    hook.status = 500;
    const refused = await sendReminders(doc, { items: [{ hearingId: ids['h']!, personId: ids['ana']! }], channel: 'webhook' });
    expect(refused.items[0]).toMatchObject({ status: 'failed', reason: 'http_500' });
    hook.status = 200;
    const statuses = (await allRows(ws.vault.runtime().store.db, 'hearing_reminders')).map((x) => `${x['channel']} ${x['status']}`).sort();
    expect(statuses).toEqual(['print printed', 'webhook failed', 'webhook failed', 'webhook sent', 'webhook sent']);
    expect(JSON.stringify(await allRows(ws.vault.runtime().store.db, 'audit_events'))).not.toContain('+52');
  });

  it('refuses items of another organisation or not expected', async () => {
    await expect(sendReminders(outsider, { items: [{ hearingId: ids['h']!, personId: ids['ana']! }], channel: 'print' })).rejects.toMatchObject({ status: 400, problems: [expect.objectContaining({ path: 'items[0]', code: 'not_found' })] });
    await expect(sendReminders(doc, { items: [{ hearingId: ids['h']!, personId: ids['cai']! }], channel: 'print' })).rejects.toMatchObject({ status: 400 });
  });
});
