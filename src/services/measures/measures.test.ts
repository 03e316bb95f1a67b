/**
 * The protection measures registry and its renewal reminders through the use cases, on both
 * backends: renewals due first, expired ones said so, filters by status and by due; the measures
 * of someone known only from a restricted incident seen only by those it is shared with (the actor
 * list's rule); reminders raised once per measure and expiry, to the responders, not while nobody
 * would receive them, again after a renewal with a new expiry, and not for old expiries.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { createActor, getActor, updateActor } from '../actors/manage-actors.js';
import { createUser } from '../users/manage-users.js';
import { setAlertSettings } from '../alerts/alert-settings.js';
import { myAlerts } from '../alerts/inbox.js';
import { measureRegistry } from './measure-registry.js';
import { remindRenewals } from './renewal-reminders.js';
import { actorToInput } from '../../domain/actor/view.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const NOW = '2026-03-10T12:00:00.000Z';
const ids: Record<string, string> = {};
const as = (role: ServiceContext['user']['role'], id = `other-${role}`): ServiceContext => ({ ...admin, user: { ...admin.user, id, role } });
const incident = (pseudonym: string, measures: unknown[], extra: Record<string, unknown> = {}) => ({
  title: 'Amenaza', date: { start: '2026-01-05' }, place: { precision: 'country', country: 'MX' },
  victims: [{ key: 'v', actor: { kind: 'person', pseudonym, protectionMeasures: measures } }],
  acts: [{ kind: 'threat.death', victimKey: 'v', perpetrators: [] }], ...extra,
});

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, NOW);
  ids['tomas'] = (await createUser(admin, { email: 'tomas@example.org', displayName: 'Tomás', role: 'coordinator', password: 'temporal-12345' })).id;
  const [open] = await recordIncidents(admin, [incident('Defensora A', [
    { kind: 'police_protection', status: 'granted_active', reference: 'MP-123/2025', granted: '2025-04-01', expires: '2026-04-01', includes: 'Rondines' },
    { kind: 'police_protection', status: 'requested' },
  ])]);
  ids['a'] = open!.victims[0]!.actorId;
  const [restricted] = await recordIncidents(admin, [incident('Defensor B', [{ kind: 'police_protection', status: 'granted_active', expires: '2026-03-20' }], { confidentiality: 'restricted' })]);
  ids['b'] = restricted!.victims[0]!.actorId;
  ids['c'] = (await createActor(admin, { kind: 'organisation', pseudonym: 'Casa C', protectionMeasures: [
    { kind: 'police_protection', status: 'granted_active', expires: '2026-03-01' },
    { kind: 'police_protection', status: 'expired', expires: '2025-12' },
    { kind: 'police_protection', status: 'granted_active', expires: '2027' },
  ] })).id;
}, 60_000);
afterAll(async () => { await ws?.close(); });

const summary = (items: { pseudonym: string; status: string; expires?: string; renewalDue: boolean; expired: boolean }[]) =>
  items.map((m) => `${m.pseudonym} ${m.status} ${m.expires ?? '-'}${m.renewalDue ? ' due' : ''}${m.expired ? ' expired' : ''}`);

describe('the protection measures registry', () => {
  it('lists renewals due first, then by expiry, with what the person\'s page shows', async () => {
    const r = await measureRegistry(admin);
    expect(summary(r.items)).toEqual([
      'Casa C granted_active 2026-03-01 due expired',
      'Defensor B granted_active 2026-03-20 due',
      'Defensora A granted_active 2026-04-01 due',
      'Casa C expired 2025-12 expired',
      'Casa C granted_active 2027',
      'Defensora A requested -',
    ]);
    expect(r.items[2]).toEqual({
      id: expect.any(String), actorId: ids['a'], actorKind: 'person', pseudonym: 'Defensora A', kind: 'police_protection', status: 'granted_active',
      reference: 'MP-123/2025', granted: '2025-04-01', expires: '2026-04-01', includes: 'Rondines', renewalDue: true, expired: false,
    });
  });

  it('filters by status and by renewal due', async () => {
    expect(summary((await measureRegistry(admin, { status: 'expired' })).items)).toEqual(['Casa C expired 2025-12 expired']);
    expect((await measureRegistry(admin, { due: 'true' })).items.map((m) => m.expires)).toEqual(['2026-03-01', '2026-03-20', '2026-04-01']);
    await expect(measureRegistry(admin, { status: 'NOT A CODE' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'status' }] });
    await expect(measureRegistry(admin, { due: 'yes' })).rejects.toMatchObject({ status: 400 });
  });

  it('follows the renewal days set for the workspace', async () => {
    await setAlertSettings(admin, { responders: [], webhooks: [], renewalDays: 5 });
    expect((await measureRegistry(admin, { due: 'true' })).items.map((m) => m.expires)).toEqual(['2026-03-01']);
    await setAlertSettings(admin, { responders: [], webhooks: [], renewalDays: 30 });
  });

  it('hides the measures of someone known only from a restricted incident from those it is not shared with', async () => {
    const other = as('coordinator', ids['tomas']);
    const names = (await measureRegistry(other)).items.map((m) => m.pseudonym);
    expect(names).not.toContain('Defensor B');
    expect(names).toContain('Defensora A');
    await expect(getActor(other, ids['b']!)).rejects.toMatchObject({ status: 404 });
  });

  it('is for those who work on the response', async () => {
    await expect(measureRegistry(as('documenter'))).resolves.toBeDefined();
    for (const role of ['analyst', 'viewer'] as const) await expect(measureRegistry(as(role))).rejects.toMatchObject({ status: 403 });
  });
});

describe('renewal reminders', () => {
  const tomas = () => as('coordinator', ids['tomas']);
  it('raise nothing while nobody would receive them', async () => {
    expect(await remindRenewals(ws.vault.runtime().store, NOW)).toBe(0);
  });

  it('raise one per measure expiring soon (or in the past week), to the responders, once', async () => {
    await setAlertSettings(admin, { responders: [ids['tomas']!], webhooks: [], renewalDays: 30 });
    const store = ws.vault.runtime().store;
    // 2026-03-01 is 9 days past: not news any more; 2026-03-20 and 2026-04-01 are within 30 days; 2027 is not
    expect(await remindRenewals(store, NOW)).toBe(2);
    expect(await remindRenewals(store, NOW)).toBe(0);
    expect(await remindRenewals(store, '2026-03-10T23:59:00.000Z')).toBe(0);
    const inbox = await myAlerts(tomas());
    const registry = (await measureRegistry(admin)).items;
    const expected = registry.filter((m) => m.expires === '2026-03-20' || m.expires === '2026-04-01').map((m) => `MED-${m.id.slice(0, 8)}`).sort();
    expect(inbox.items.map((i) => i.ref).sort()).toEqual(expected);
    expect(inbox.items.every((i) => i.kind === 'measure_renewal' && i.link === '/measures')).toBe(true);
    // the admin is no responder
    expect((await myAlerts(admin)).items.filter((i) => i.kind === 'measure_renewal')).toEqual([]);
  });

  it('remind again when a measure was renewed with a new expiry', async () => {
    const store = ws.vault.runtime().store;
    const c = (await getActor(admin, ids['c']!)).actor;
    const input = actorToInput(c);
    // the 2027 measure now expires in April 2026
    input.protectionMeasures = input.protectionMeasures.map((m) => (m.expires === '2027' ? { ...m, expires: '2026-04' } : m));
    await updateActor(admin, ids['c']!, { ...input, version: c.version });
    expect(await remindRenewals(store, NOW)).toBe(1);
    expect(await remindRenewals(store, NOW)).toBe(0);
  });
});
