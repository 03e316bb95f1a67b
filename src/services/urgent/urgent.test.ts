/**
 * Urgent cases through the use cases, on both backends: a defender detained (recorded to the day)
 * marked urgent with the detention checklist, the alert raised with the case; one open case per
 * incident; who may open, read and work a case; a restricted incident's case invisible to those it
 * is not shared with; the checklist worked (ticks, notes, deadlines, a step of one's own), overdue
 * steps shown and alerted once across two scheduler runs; campaigns; a stale close refused, a
 * closed case refusing every change; free text sealed in the database and never in the audit.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { allRows } from '../../../test/helpers/db-tables.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { createUser, updateUser } from '../users/manage-users.js';
import { openUrgentCase } from './open-urgent-case.js';
import { incidentUrgentCases, readUrgentCase } from './read-urgent-case.js';
import { listUrgentCases } from './list-urgent-cases.js';
import { urgentOwners } from './urgent-owners.js';
import { addStep } from './add-step.js';
import { updateStep } from './update-step.js';
import { addNote } from './add-note.js';
import { changeOwner } from './change-owner.js';
import { closeUrgentCase } from './close-urgent-case.js';
import { addCampaign, updateCampaign } from './save-campaign.js';
import { alertOverdueSteps } from './overdue-steps.js';
import { PRESETS } from '../../domain/urgent/checklist.js';
import type { Role } from '../../domain/user/roles.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const at = (ctx: ServiceContext, now: string): ServiceContext => ({ ...ctx, now: () => now });
const people: Record<string, ServiceContext> = {};
const ids: Record<string, string> = {};
const MARKER = 'QZURGENTMARK';
const T0 = '2026-03-05T10:00:00.000Z';

const incident = (title: string, kind: string, extra: Record<string, unknown> = {}) => ({
  title, date: { start: '2026-03-01' }, place: { precision: 'country', country: 'MX' },
  victims: [{ key: 'v', actor: { kind: 'person', pseudonym: 'Defensor P' } }], acts: [{ kind, victimKey: 'v', perpetrators: [{ perpetrator: 'state.mx.inm' }] }], ...extra,
});

async function person(role: Role, name: string): Promise<ServiceContext> {
  const u = await createUser(admin, { email: `${name}@example.org`, displayName: name, role, password: 'contraseña-larga-2026' });
  return { ...admin, user: { id: u.id, role, orgId: u.orgId, displayName: name } };
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, T0);
  people['coordinator'] = await person('coordinator', 'Tomás');
  people['documenter'] = await person('documenter', 'Rosa');
  people['analyst'] = await person('analyst', 'Lucía');
  people['viewer'] = await person('viewer', 'Vera');
  people['gone'] = await person('documenter', 'Ida');
  await updateUser(admin, people['gone'].user.id, { disabled: true });
  const [detention, restricted, exact] = await recordIncidents(admin, [
    incident('Detención en la garita', 'detention.arrest'),
    incident('Secuestro restringido', 'kidnapping', { confidentiality: 'restricted' }),
    incident('Amenaza fechada de forma aproximada', 'threat.death', { date: { start: '2026-02', approximate: true } }),
  ]);
  ids['detention'] = detention!.id;
  ids['restricted'] = restricted!.id;
  ids['monthOnly'] = exact!.id;
  const [own] = await recordIncidents(people['documenter'], [incident('Desaparición en la ruta', 'disappearance')]);
  ids['documenters'] = own!.id;
}, 120_000);
afterAll(async () => { await ws?.close(); });

const store = () => ws.vault.runtime().store;

describe('opening an urgent case', () => {
  it('opens with the checklist for its kind, deadlines from now, the day counter from the incident\'s day, audited and alerted', async () => {
    const c = await openUrgentCase(admin, ids['detention']!, { kind: 'detention' });
    ids['case'] = c.id;
    expect(c).toMatchObject({ ref: 'URG-0001', incidentId: ids['detention'], kind: 'detention', status: 'open', owner: { id: admin.user.id, displayName: 'Rosa (admin)' }, openedAt: T0, dayCount: 5, version: 1, canWrite: true, notes: [], campaigns: [] });
    expect(c.incidentRef).toMatch(/^INC-\d{6}$/);
    expect(c.steps.map((s) => [s.code, s.dueAt, s.overdue])).toEqual(PRESETS.detention.map((p) => [p.code, new Date(Date.parse(T0) + p.dueInHours * 3_600_000).toISOString(), false]));
    const audit = await store().db.selectFrom('audit_events').select(['action', 'target_type', 'target_id', 'detail']).where('action', '=', 'urgent.opened').execute();
    expect(audit).toEqual([{ action: 'urgent.opened', target_type: 'urgent_case', target_id: c.id, detail: JSON.stringify({ incidentId: ids['detention'], kind: 'detention' }) }]);
    const alert = await store().db.selectFrom('alerts').selectAll().where('dedupe_key', '=', `urgent-opened:${c.id}`).executeTakeFirstOrThrow();
    expect(alert).toMatchObject({ kind: 'urgent_opened', ref: 'URG-0001', link: `/urgent/${c.id}`, subject_type: 'urgent_case', subject_id: c.id });
    const deliveries = await store().db.selectFrom('alert_deliveries').select(['channel', 'target']).where('alert_id', '=', alert.id).execute();
    expect(deliveries).toEqual([{ channel: 'app', target: admin.user.id }]);
  });

  it('keeps one open case per incident, naming the open one', async () => {
    await expect(openUrgentCase(admin, ids['detention']!, { kind: 'kidnapping' })).rejects.toMatchObject({ status: 409, message: expect.stringContaining('URG-0001') });
    expect((await incidentUrgentCases(admin, ids['detention']!)).items.map((i) => i.ref)).toEqual(['URG-0001']);
  });

  it('lets a documenter open one on an incident they may edit, for an owner who reads cases; refuses other owners naming the field', async () => {
    const doc = at(people['documenter']!, '2026-03-05T12:00:00.000Z');
    await expect(openUrgentCase(doc, ids['detention']!, { kind: 'detention' })).rejects.toMatchObject({ status: 403 });
    for (const who of ['analyst', 'gone'] as const)
      await expect(openUrgentCase(doc, ids['documenters']!, { kind: 'disappearance', ownerId: people[who]!.user.id })).rejects.toMatchObject({ status: 400, problems: [{ path: 'ownerId' }] });
    await expect(openUrgentCase(doc, ids['documenters']!, { kind: 'disappearance', ownerId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'ownerId' }] });
    const c = await openUrgentCase(doc, ids['documenters']!, {
      kind: 'disappearance', ownerId: people['coordinator']!.user.id,
      steps: [{ code: 'alert_network' }, { code: 'family_contact', dueInHours: null }, { code: 'custom', label: `Preguntar en el albergue ${MARKER}`, dueInHours: 3 }],
    });
    ids['docCase'] = c.id;
    expect(c.ref).toBe('URG-0002');
    expect(c.owner).toEqual({ id: people['coordinator']!.user.id, displayName: 'Tomás' });
    expect(c.steps.map((s) => [s.code, s.label, s.dueAt])).toEqual([
      ['alert_network', undefined, '2026-03-05T13:00:00.000Z'], ['family_contact', undefined, undefined], ['custom', `Preguntar en el albergue ${MARKER}`, '2026-03-05T15:00:00.000Z'],
    ]);
    // the incident's day is known (2026-03-01): day 5 on the 5th
    expect(c.dayCount).toBe(5);
  });

  it('counts from the opening day when the incident is not known to the day', async () => {
    const c = await openUrgentCase(at(admin, '2026-03-07T23:00:00.000Z'), ids['monthOnly']!, { kind: 'imminent_threat' });
    ids['threatCase'] = c.id;
    expect(c.dayCount).toBe(1);
    expect((await readUrgentCase(at(admin, '2026-03-09T01:00:00.000Z'), c.id)).dayCount).toBe(3);
  });

  it('refuses analysts and viewers everything, and lets documenters read and work any case they see', async () => {
    for (const role of ['analyst', 'viewer'] as const) {
      const ctx = people[role]!;
      await expect(openUrgentCase(ctx, ids['detention']!, { kind: 'detention' })).rejects.toMatchObject({ status: 403 });
      await expect(readUrgentCase(ctx, ids['case']!)).rejects.toMatchObject({ status: 403 });
      await expect(listUrgentCases(ctx)).rejects.toMatchObject({ status: 403 });
      await expect(incidentUrgentCases(ctx, ids['detention']!)).rejects.toMatchObject({ status: 403 });
      await expect(addNote(ctx, ids['case']!, { body: 'x' })).rejects.toMatchObject({ status: 403 });
      await expect(urgentOwners(ctx)).rejects.toMatchObject({ status: 403 });
    }
    expect((await readUrgentCase(people['documenter']!, ids['case']!)).canWrite).toBe(true);
    expect((await urgentOwners(admin)).items.map((p) => p.displayName)).toEqual(['Rosa', 'Rosa (admin)', 'Tomás']);
  });
});

describe('need-to-know', () => {
  it('hides a restricted incident\'s case from everyone it is not shared with', async () => {
    const coord = people['coordinator']!;
    // a responder the incident is not shared with is not told of it, even by reference
    const settings = await store().settings.alertSettings();
    await store().settings.setAlertSettings({ ...settings, responders: [coord.user.id] });
    const c = await openUrgentCase(at(admin, '2026-03-06T08:00:00.000Z'), ids['restricted']!, { kind: 'kidnapping' });
    await store().settings.setAlertSettings(settings);
    ids['restrictedCase'] = c.id;
    expect((await store().alerts.inbox(coord.user.id, 100)).map((a) => a.ref)).not.toContain(c.ref);
    expect((await store().alerts.inbox(admin.user.id, 100)).map((a) => a.ref)).toContain(c.ref);
    await expect(readUrgentCase(coord, c.id)).rejects.toMatchObject({ status: 404 });
    await expect(incidentUrgentCases(coord, ids['restricted']!)).rejects.toMatchObject({ status: 404 });
    await expect(updateStep(coord, c.id, c.steps[0]!.id, { done: true })).rejects.toMatchObject({ status: 404 });
    await expect(addNote(coord, c.id, { body: 'x' })).rejects.toMatchObject({ status: 404 });
    await expect(closeUrgentCase(coord, c.id, { outcome: 'released', version: 1 })).rejects.toMatchObject({ status: 404 });
    await expect(addCampaign(coord, c.id, { title: 'x' })).rejects.toMatchObject({ status: 404 });
    await expect(urgentOwners(coord, { incident: ids['restricted']! })).rejects.toMatchObject({ status: 404 });
    expect((await listUrgentCases(coord)).items.map((i) => i.id)).not.toContain(c.id);
    expect((await listUrgentCases(admin)).items.map((i) => i.id)).toContain(c.id);
    // nor may it be handed to someone who cannot see it
    await expect(changeOwner(admin, c.id, { ownerId: coord.user.id })).rejects.toMatchObject({ status: 400, problems: [{ path: 'ownerId' }] });
    expect((await urgentOwners(admin, { incident: ids['restricted']! })).items.map((p) => p.id)).toEqual([admin.user.id]);
  });
});

describe('working the checklist', () => {
  it('ticks steps (one tick kept), undoes, writes notes on steps, moves and removes deadlines, adds a step of one\'s own', async () => {
    const c0 = await readUrgentCase(admin, ids['case']!);
    const [first, second, third] = c0.steps;
    const coord = at(people['coordinator']!, '2026-03-05T10:30:00.000Z');
    let c = await updateStep(coord, ids['case']!, first!.id, { done: true });
    c = await updateStep(at(admin, '2026-03-05T10:45:00.000Z'), ids['case']!, first!.id, { done: true, note: `Red avisada ${MARKER}` });
    expect(c.steps[0]).toMatchObject({ doneAt: '2026-03-05T10:30:00.000Z', doneBy: { id: people['coordinator']!.user.id, displayName: 'Tomás' }, note: `Red avisada ${MARKER}`, overdue: false });
    c = await updateStep(coord, ids['case']!, second!.id, { done: true });
    c = await updateStep(coord, ids['case']!, second!.id, { done: false });
    expect(c.steps[1]).not.toHaveProperty('doneAt');
    c = await updateStep(coord, ids['case']!, third!.id, { dueAt: '2026-03-05T04:00:00-06:00' });
    expect(c.steps[2]!.dueAt).toBe('2026-03-05T10:00:00.000Z');
    c = await updateStep(coord, ids['case']!, first!.id, { note: '' });
    expect(c.steps[0]).not.toHaveProperty('note');
    c = await addStep(coord, ids['case']!, { code: 'custom', label: `Llevar ropa a ${MARKER}`, dueAt: '2026-03-05T09:00:00Z' });
    expect(c.steps.at(-1)).toMatchObject({ code: 'custom', label: `Llevar ropa a ${MARKER}`, dueAt: '2026-03-05T09:00:00.000Z', overdue: true });
    expect(c.steps[2]!.overdue).toBe(true);
    c = await addNote(at(admin, '2026-03-05T11:00:00.000Z'), ids['case']!, { body: `Su hermana dice ${MARKER}` });
    c = await addNote(at(admin, '2026-03-05T11:05:00.000Z'), ids['case']!, { body: 'Segunda nota' });
    expect(c.notes.map((n) => [n.body, n.author.displayName])).toEqual([['Segunda nota', 'Rosa (admin)'], [`Su hermana dice ${MARKER}`, 'Rosa (admin)']]);
    await expect(updateStep(coord, ids['case']!, '00000000-0000-4000-8000-000000000000', { done: true })).rejects.toMatchObject({ status: 404 });
    await expect(updateStep(coord, ids['case']!, first!.id, {})).rejects.toMatchObject({ status: 400 });
    await expect(addStep(coord, ids['case']!, { code: 'alert_network', label: 'x' } as never)).rejects.toMatchObject({ status: 400, problems: [{ path: 'code' }] });
    // a step of another case is not this case's
    const other = await readUrgentCase(admin, ids['docCase']!);
    await expect(updateStep(coord, ids['case']!, other.steps[0]!.id, { done: true })).rejects.toMatchObject({ status: 404 });
    c = await changeOwner(admin, ids['case']!, { ownerId: people['coordinator']!.user.id });
    expect(c.owner.displayName).toBe('Tomás');
  });

  it('lists cases without titles or names: open first, most overdue first, with the overdue count and the next deadline', async () => {
    const now = '2026-03-05T11:30:00.000Z';
    const list = (await listUrgentCases(at(admin, now))).items;
    expect(list.map((i) => i.ref)).toEqual(['URG-0001', 'URG-0002', 'URG-0004', 'URG-0003']);
    const first = list[0]!;
    expect(first).toMatchObject({ kind: 'detention', status: 'open', owner: { displayName: 'Tomás' }, dayCount: 5, overdueCount: 2, nextDueAt: '2026-03-05T14:00:00.000Z', steps: 11, done: 1 });
    expect(JSON.stringify(list)).not.toMatch(/Detención|Secuestro|Defensor|QZURGENTMARK/);
    expect((await listUrgentCases(at(admin, now), { status: 'closed' })).items).toEqual([]);
  });
});

describe('overdue steps', () => {
  it('alert the owner once per step and deadline, across two runs, and again when a new deadline passes', async () => {
    const now = '2026-03-05T16:00:00.000Z';
    const c = await readUrgentCase(at(admin, now), ids['case']!);
    const overdue = c.steps.filter((s) => s.overdue);
    // opened 10:00: locating (4 h → 14:00) and the family (6 h → 16:00) are due, legal accompaniment was moved to 10:00, the
    // custom step was due at 09:00; alerting the network was done
    expect(overdue.map((s) => s.code).sort()).toEqual(['custom', 'family_contact', 'legal_accompaniment', 'locate_person']);
    const docCase = await readUrgentCase(at(admin, now), ids['docCase']!);
    const docOverdue = docCase.steps.filter((s) => s.overdue).length;
    const threatOverdue = (await readUrgentCase(at(admin, now), ids['threatCase']!)).steps.filter((s) => s.overdue).length;
    const restrictedOverdue = (await readUrgentCase(at(admin, now), ids['restrictedCase']!)).steps.filter((s) => s.overdue).length;
    const first = await alertOverdueSteps(store(), now);
    expect(first).toBe(overdue.length + docOverdue + threatOverdue + restrictedOverdue);
    expect(await alertOverdueSteps(store(), now)).toBe(0);
    expect(await alertOverdueSteps(store(), '2026-03-05T16:00:30.000Z')).toBe(0);
    const rows = await store().db.selectFrom('alerts').selectAll().where('kind', '=', 'step_overdue').where('subject_id', '=', ids['case']!).execute();
    expect(rows.map((r) => r.dedupe_key).sort()).toEqual(overdue.map((s) => `step-overdue:${s.id}:${s.dueAt}`).sort());
    expect(rows.every((r) => r.ref === 'URG-0001' && r.link === `/urgent/${ids['case']}`)).toBe(true);
    const targets = await store().db.selectFrom('alert_deliveries').select(['target', 'channel']).where('alert_id', 'in', rows.map((r) => r.id)).execute();
    expect(new Set(targets.map((t) => `${t.channel}:${t.target}`))).toEqual(new Set([`app:${people['coordinator']!.user.id}`]));
    // a new deadline that passes is a new alert; a done step is not alerted
    const custom = overdue.find((s) => s.code === 'custom')!;
    await updateStep(at(admin, now), ids['case']!, custom.id, { dueAt: '2026-03-05T17:00:00Z' });
    const locate = overdue.find((s) => s.code === 'locate_person')!;
    await updateStep(at(admin, now), ids['case']!, locate.id, { done: true });
    expect(await alertOverdueSteps(store(), '2026-03-05T16:30:00.000Z')).toBe(0);
    expect(await alertOverdueSteps(store(), '2026-03-05T17:00:00.000Z')).toBe(1);
    expect(await alertOverdueSteps(store(), '2026-03-05T17:00:00.000Z')).toBe(0);
  });
});

describe('campaigns', () => {
  it('records a campaign with its actions and changes it at the version seen', async () => {
    const coord = at(people['coordinator']!, '2026-03-06T09:00:00.000Z');
    const made = await addCampaign(coord, ids['case']!, { title: `Libertad para ${MARKER}`, started: '2026-03', actions: [{ kind: 'statement', date: '2026-03-06', description: `Comunicado ${MARKER}` }, { kind: 'petition' }] });
    expect(made).toMatchObject({ caseId: ids['case'], title: `Libertad para ${MARKER}`, started: '2026-03', version: 1, actions: [{ kind: 'statement', date: '2026-03-06', description: `Comunicado ${MARKER}` }, { kind: 'petition' }] });
    const changed = await updateCampaign(coord, made.id, { title: 'Libertad', started: '2026-03', ended: '2026-03-20', outcome: 'achieved', actions: [{ kind: 'petition', date: '2026-03-07' }], version: 1 });
    expect(changed).toMatchObject({ title: 'Libertad', ended: '2026-03-20', outcome: 'achieved', version: 2, actions: [{ kind: 'petition', date: '2026-03-07' }] });
    await expect(updateCampaign(coord, made.id, { title: 'otra', actions: [], version: 1 })).rejects.toMatchObject({ status: 409 });
    await expect(updateCampaign(coord, '00000000-0000-4000-8000-000000000000', { title: 'otra', actions: [], version: 1 })).rejects.toMatchObject({ status: 404 });
    await expect(addCampaign(coord, ids['case']!, { title: 'x', started: '2026-03-10', ended: '2026-03-01' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'ended' }] });
    await expect(updateCampaign(people['analyst']!, made.id, { title: 'otra', actions: [], version: 2 })).rejects.toMatchObject({ status: 403 });
    expect((await readUrgentCase(admin, ids['case']!)).campaigns.map((x) => [x.title, x.version])).toEqual([['Libertad', 2]]);
    ids['campaign'] = made.id;
  });
});

describe('closing', () => {
  it('refuses a stale version, closes with the outcome, and then refuses every change', async () => {
    const before = await readUrgentCase(admin, ids['case']!);
    await expect(closeUrgentCase(admin, ids['case']!, { outcome: 'released', version: before.version - 1 })).rejects.toMatchObject({ status: 409 });
    const closedAt = '2026-03-08T18:00:00.000Z';
    const c = await closeUrgentCase(at(people['documenter']!, closedAt), ids['case']!, { outcome: 'released', note: `Liberado sin cargos ${MARKER}`, version: before.version });
    expect(c).toMatchObject({ status: 'closed', outcome: 'released', closedAt, closingNote: `Liberado sin cargos ${MARKER}`, dayCount: 8, canWrite: false, version: before.version + 1 });
    expect(c.steps.some((s) => s.overdue)).toBe(false);
    // the counter stops on the closing day
    expect((await readUrgentCase(at(admin, '2026-04-30T00:00:00.000Z'), ids['case']!)).dayCount).toBe(8);
    const step = c.steps.find((s) => !s.doneAt)!;
    await expect(closeUrgentCase(admin, ids['case']!, { outcome: 'released', version: c.version })).rejects.toMatchObject({ status: 409 });
    await expect(updateStep(admin, ids['case']!, step.id, { done: true })).rejects.toMatchObject({ status: 409 });
    await expect(addStep(admin, ids['case']!, { code: 'custom', label: 'x' })).rejects.toMatchObject({ status: 409 });
    await expect(addNote(admin, ids['case']!, { body: 'x' })).rejects.toMatchObject({ status: 409 });
    await expect(changeOwner(admin, ids['case']!, { ownerId: admin.user.id })).rejects.toMatchObject({ status: 409 });
    await expect(addCampaign(admin, ids['case']!, { title: 'x' })).rejects.toMatchObject({ status: 409 });
    await expect(updateCampaign(admin, ids['campaign']!, { title: 'x', actions: [], version: 2 })).rejects.toMatchObject({ status: 409 });
    expect((await readUrgentCase(admin, ids['case']!)).version).toBe(c.version);
    // no alert for a closed case's steps
    const elsewhere = await countOverdueOutside(ids['case']!, '2026-05-01T00:00:00.000Z');
    expect(elsewhere).toBeGreaterThan(0);
    expect(await alertOverdueSteps(store(), '2026-05-01T00:00:00.000Z')).toBe(elsewhere);
    expect(await store().db.selectFrom('alerts').select('id').where('kind', '=', 'step_overdue').where('subject_id', '=', ids['case']!).where('created_at', '>', closedAt).execute()).toEqual([]);
    // a new case may be opened on the incident now
    const again = await openUrgentCase(at(admin, '2026-03-09T00:00:00.000Z'), ids['detention']!, { kind: 'detention', steps: [] });
    expect(again.ref).toBe('URG-0005');
    expect((await incidentUrgentCases(admin, ids['detention']!)).items.map((i) => [i.ref, i.status, i.outcome])).toEqual([['URG-0005', 'open', undefined], ['URG-0001', 'closed', 'released']]);
    expect((await listUrgentCases(admin, { status: 'closed' })).items.map((i) => i.ref)).toEqual(['URG-0001']);
  });
});

async function countOverdueOutside(caseId: string, now: string): Promise<number> {
  const rows = await store().db.selectFrom('urgent_steps as s').innerJoin('urgent_cases as c', 'c.id', 's.case_id')
    .select(['s.id', 's.due_at']).where('c.status', '=', 'open').where('c.id', '<>', caseId).where('s.done_at', 'is', null).where('s.due_at', '<=', now).execute();
  const keys = new Set((await store().db.selectFrom('alerts').select('dedupe_key').execute()).map((r) => r.dedupe_key));
  return rows.filter((r) => !keys.has(`step-overdue:${r.id}:${r.due_at}`)).length;
}

describe('at rest and in the audit', () => {
  it('keeps every free text sealed in the database, and readable through the app', async () => {
    for (const table of ['urgent_cases', 'urgent_steps', 'urgent_notes', 'campaigns', 'campaign_actions']) {
      const rows = await allRows(store().db, table);
      expect(rows.length, table).toBeGreaterThan(0);
      for (const r of rows) for (const v of Object.values(r)) expect(String(v), table).not.toMatch(/QZURGENTMARK|Libertad|hermana|Segunda nota|Llevar ropa/);
    }
    const steps = await allRows(store().db, 'urgent_steps');
    expect(steps.some((r) => typeof r['label'] === 'string' && /^f1\./.test(r['label']))).toBe(true);
    expect((await readUrgentCase(admin, ids['docCase']!)).steps[2]!.label).toBe(`Preguntar en el albergue ${MARKER}`);
  });

  it('audits every change with ids and codes only', async () => {
    const rows = await store().db.selectFrom('audit_events').select(['action', 'target_type', 'detail']).where('action', 'like', 'urgent.%').execute();
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['urgent.opened', 'urgent.step', 'urgent.note', 'urgent.owner', 'urgent.campaign', 'urgent.closed']));
    expect(rows.every((r) => r.target_type === 'urgent_case')).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/QZURGENTMARK|Libertad|hermana|Llevar/);
  });
});

describe('at the same moment', () => {
  it('opens one case when two people mark the same incident urgent, and gives cases opened together their own references', async () => {
    const incs = await recordIncidents(admin, [incident('Uno', 'detention.arrest'), incident('Dos', 'detention.arrest'), incident('Tres', 'detention.arrest')]);
    const same = await Promise.allSettled([openUrgentCase(admin, incs[0]!.id, { kind: 'detention' }), openUrgentCase(people['coordinator']!, incs[0]!.id, { kind: 'detention' })]);
    expect(same.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((same.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    const apart = await Promise.all([openUrgentCase(admin, incs[1]!.id, { kind: 'attack' }), openUrgentCase(admin, incs[2]!.id, { kind: 'attack' })]);
    const refs = [(same.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ ref: string }>).value.ref, ...apart.map((c) => c.ref)];
    expect(new Set(refs).size).toBe(3);
  });
});
