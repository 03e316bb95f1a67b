/**
 * Merging incident B into incident A, on both backends: A keeps its fields and gains B's victims
 * (the same person once), acts with perpetrators, sources with testimony and consent as they were,
 * interventions, context, the larger counts and the place details it lacked — sealed values sealed
 * again under A's key; B's evidence (its file still opens), urgent case (its note still reads) and
 * campaign move to A; B leaves lists and search, its page says where it went and its history stays;
 * both histories and one audit event, none holding an identifying value. Refused: stale versions,
 * roles without incident.edit_any, incidents not shared with the person, a merge that would widen
 * who sees B (or its identifying values), two open urgent cases.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { storeTestItem } from '../../../test/helpers/evidence-items.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { getIncident, incidentHistory, findIncidents } from '../incidents/read-incidents.js';
import { setShares, getShares } from '../incidents/share-incident.js';
import { createUser } from '../users/manage-users.js';
import { createGroup } from '../users/manage-groups.js';
import { listEvidence } from '../evidence/list-evidence.js';
import { openOriginal } from '../evidence/open-evidence-file.js';
import { openUrgentCase } from '../urgent/open-urgent-case.js';
import { addNote } from '../urgent/add-note.js';
import { incidentUrgentCases, readUrgentCase } from '../urgent/read-urgent-case.js';
import { closeUrgentCase } from '../urgent/close-urgent-case.js';
import { addCampaign } from '../urgent/save-campaign.js';
import type { Role } from '../../domain/user/roles.js';
import type { IncidentView } from '../../domain/incident/view.js';
import { mergeIncidents } from './merge-incidents.js';
import { incidentMerges } from './incident-merges.js';
import { suggestDuplicates } from './suggest-duplicates.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const people: Record<string, ServiceContext> = {};
const MARK = 'QZMERGEMARK';
const T0 = '2026-04-01T10:00:00.000Z';
const at = (ctx: ServiceContext, now: string): ServiceContext => ({ ...ctx, now: () => now });
const store = () => ws.vault.runtime().store;
const consent = { internal_analysis: 'given', share_partners: 'refused', anonymous_publication: 'given', named_publication: 'refused', legal_action: 'not_asked' };

async function person(role: Role, name: string): Promise<ServiceContext> {
  const u = await createUser(admin, { email: `${name.toLowerCase()}@example.org`, displayName: name, role, password: 'contraseña-larga-2026' });
  return { ...admin, user: { id: u.id, role, orgId: u.orgId, displayName: name } };
}

const simple = (title: string, extra: Record<string, unknown> = {}) => ({
  title, date: { start: '2026-03-10' }, place: { precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' },
  acts: [{ kind: 'detention.arrest', perpetrators: [{ perpetrator: 'state.mx.inm' }] }], ...extra,
});

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, T0);
  people['coordinator'] = await person('coordinator', 'Tomás');
  people['documenter'] = await person('documenter', 'Rosa');
  people['analyst'] = await person('analyst', 'Lucía');
}, 120_000);
afterAll(async () => { await ws?.close(); });

describe('merging two records of one event', () => {
  let a: IncidentView;
  let b: IncidentView;
  let evidenceId = '';
  let caseId = '';

  beforeAll(async () => {
    [a] = await recordIncidents(people['coordinator']!, [{
      ...simple('Detienen al coordinador del albergue'), summary: 'Lo que registró la casa', counts: { dead: 1, missing: 4 }, context: ['shelter'],
      victims: [{ key: 'sol', actor: { kind: 'person', pseudonym: 'Coordinador Sol', realName: `Nombre ${MARK}` } }],
      acts: [{ kind: 'detention.arrest', victimKey: 'sol', perpetrators: [{ perpetrator: 'state.mx.inm' }] }],
      sources: [{ kind: 'victim', pseudonym: 'Fuente A', testimony: `Testimonio de A ${MARK}`, consent }],
    }]) as [IncidentView];
    [b] = await recordIncidents(people['documenter']!, [{
      title: 'INM se lleva a un defensor', summary: 'Lo que registró la red', date: { start: '2026-03-11' }, counts: { dead: 3, survivors: 2 }, context: ['shelter', 'caravan'],
      place: { precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula', private: { address: `Calle ${MARK}` } },
      victims: [{ key: 'sol', actorId: a.victims[0]!.actorId }, { key: 'w', actor: { kind: 'person', pseudonym: 'Testigo Uno' } }],
      acts: [{ kind: 'threat.death', victimKey: 'w', perpetrators: [{ perpetrator: 'state.mx.inm', identifiedIndividuals: `Agente ${MARK}` }] }],
      sources: [{ kind: 'witness', pseudonym: 'Fuente B', testimony: `Testimonio de B ${MARK}`, consent }],
      interventions: [{ kind: 'complaint_prosecutor', date: '2026-03-12', notes: 'Queja presentada' }],
    }]) as [IncidentView];
    evidenceId = await storeTestItem(admin, { owner: { incidentId: b.id, actorId: null }, bytes: Buffer.from(`foto ${MARK}`), originalName: `foto-${MARK}.jpg`, description: `Descripción ${MARK}` });
    const c = await openUrgentCase(admin, b.id, { kind: 'detention', steps: [{ code: 'custom', label: `Paso ${MARK}` }] });
    caseId = c.id;
    await addNote(admin, caseId, { body: `Nota ${MARK}` });
    await addCampaign(admin, caseId, { title: `Campaña ${MARK}`, actions: [{ kind: 'statement', description: `Acción ${MARK}` }] });
  }, 120_000);

  it('refuses those who may not edit any incident, stale versions and the incident itself, changing nothing', async () => {
    for (const role of ['documenter', 'analyst'] as const) {
      await expect(mergeIncidents(people[role]!, a.id, { other: b.id, version: 1, otherVersion: 1 })).rejects.toMatchObject({ status: 403 });
    }
    await expect(mergeIncidents(admin, a.id, { other: b.id, version: 2, otherVersion: 1 })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/^version:/) });
    await expect(mergeIncidents(admin, a.id, { other: b.id, version: 1, otherVersion: 7 })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/^otherVersion:/) });
    await expect(mergeIncidents(admin, a.id, { other: a.id, version: 1, otherVersion: 1 })).rejects.toMatchObject({ status: 400, problems: [{ path: 'other' }] });
    await expect(mergeIncidents(admin, a.id, { other: '00000000-0000-4000-8000-000000000000', version: 1, otherVersion: 1 })).rejects.toMatchObject({ status: 404 });
    await expect(mergeIncidents(admin, a.id, { other: 'nope', version: 1, otherVersion: 1 } as never)).rejects.toMatchObject({ status: 400, problems: [{ path: 'other' }] });
    expect((await getIncident(admin, a.id)).version).toBe(1);
    expect((await getIncident(admin, b.id)).version).toBe(1);
  });

  it('moves B\'s parts, evidence, urgent case and campaign into A, re-sealed under A\'s key', async () => {
    const before = await store().db.selectFrom('sources').select(['id', 'testimony']).where('incident_id', '=', b.id).executeTakeFirstOrThrow();
    const r = await mergeIncidents(at(people['coordinator']!, '2026-04-02T09:00:00.000Z'), a.id, { other: b.id, version: 1, otherVersion: 1 });
    expect(r.merged).toEqual({ id: b.id, ref: b.ref });
    expect(r.moved).toEqual({ victims: 1, acts: 1, sources: 1, interventions: 1, context: ['caravan'], filled: ['place.private'], counts: ['counts.dead', 'counts.survivors'], evidence: 1, urgent: 1, campaigns: 1, shares: 0 });
    const m = await getIncident(admin, a.id);
    expect(m).toMatchObject({ version: 2, title: 'Detienen al coordinador del albergue', summary: 'Lo que registró la casa', date: { start: '2026-03-10' }, counts: { dead: 3, missing: 4, survivors: 2 }, context: ['caravan', 'shelter'] });
    expect(m.place.private).toEqual({ address: `Calle ${MARK}` });
    expect(m.victims.map((v) => v.actor.pseudonym)).toEqual(['Coordinador Sol', 'Testigo Uno']);
    expect(m.victims[0]!.actor.realName).toBe(`Nombre ${MARK}`);
    expect(m.acts.map((x) => [x.id, x.kind])).toEqual([[a.acts[0]!.id, 'detention.arrest'], [b.acts[0]!.id, 'threat.death']]);
    expect(m.acts[1]!.victimKey).toBe(b.victims[1]!.actorId);
    expect(m.acts[1]!.perpetrators[0]).toMatchObject({ id: b.acts[0]!.perpetrators[0]!.id, identifiedIndividuals: `Agente ${MARK}` });
    expect(m.sources.map((s) => [s.id, s.pseudonym, s.testimony, s.consent])).toEqual([
      [a.sources[0]!.id, 'Fuente A', `Testimonio de A ${MARK}`, consent], [b.sources[0]!.id, 'Fuente B', `Testimonio de B ${MARK}`, consent],
    ]);
    expect(m.interventions).toEqual([{ id: b.interventions[0]!.id, kind: 'complaint_prosecutor', date: '2026-03-12', notes: 'Queja presentada' }]);
    // the testimony was sealed again, bound to A: still sealed, no longer the same text
    const after = await store().db.selectFrom('sources').select(['incident_id', 'testimony']).where('id', '=', before.id).executeTakeFirstOrThrow();
    expect(after.incident_id).toBe(a.id);
    expect(after.testimony).toMatch(/^f1\./);
    expect(after.testimony).not.toBe(before.testimony);
    expect(await store().db.selectFrom('acts').select('id').where('incident_id', '=', b.id).execute()).toEqual([]);

    // evidence: listed with A, its sealed description and its file still open
    expect((await listEvidence(admin, { incidentId: a.id })).items.map((i) => i.id)).toEqual([evidenceId]);
    const file = await openOriginal(admin, evidenceId, 'review');
    const chunks: Buffer[] = [];
    for await (const c of file.body) chunks.push(c);
    expect(Buffer.concat(chunks).toString()).toBe(`foto ${MARK}`);
    const fileRow = await store().db.selectFrom('files').select('record').where('id', '=', (await store().evidence.get(evidenceId, { open: false }))!.fileId).executeTakeFirstOrThrow();
    expect(fileRow.record).toBe(`incident/${a.id}`);
    expect((await store().evidence.get(evidenceId, { open: true }))!.description).toBe(`Descripción ${MARK}`);
    // the urgent case and its campaign: with A, notes and labels readable
    expect((await incidentUrgentCases(admin, a.id)).items.map((c) => c.id)).toEqual([caseId]);
    const c = await readUrgentCase(admin, caseId);
    expect(c.incidentId).toBe(a.id);
    expect(c.notes.map((n) => n.body)).toEqual([`Nota ${MARK}`]);
    expect(c.steps.find((s) => s.code === 'custom')!.label).toBe(`Paso ${MARK}`);
    expect(c.campaigns.map((x) => [x.title, x.actions[0]!.description])).toEqual([[`Campaña ${MARK}`, `Acción ${MARK}`]]);
  });

  it('takes B out of lists and search; its page says where it went, and its history stays', async () => {
    await expect(getIncident(admin, b.id)).rejects.toMatchObject({ status: 404 });
    const found = await findIncidents(admin, { q: 'defensor', sort: 'date_desc', page: 1, pageSize: 25, facets: false });
    expect(found.hits.map((h) => h.id)).not.toContain(b.id);
    const all = await findIncidents(admin, { sort: 'date_desc', page: 1, pageSize: 25, facets: false });
    expect(all.hits.map((h) => h.id)).toEqual([a.id]);
    expect((await suggestDuplicates(admin, a.id)).items).toEqual([]);
    const m = await incidentMerges(people['analyst']!, b.id);
    expect(m).toMatchObject({ id: b.id, ref: b.ref, title: 'INM se lleva a un defensor', mergedInto: { id: a.id, ref: a.ref, title: 'Detienen al coordinador del albergue', at: '2026-04-02T09:00:00.000Z' }, mergedFrom: [] });
    expect(m.revisions!.map((r) => r.version)).toEqual([2, 1]);
    expect(m.revisions![0]!.changes).toContainEqual({ path: 'mergedInto', after: a.ref });
    expect(m.revisions![0]!.changes).toContainEqual({ path: `sources#${b.sources[0]!.id}.testimony`, identifying: true });
    // the live one lists what was merged into it
    expect(await incidentMerges(people['analyst']!, a.id)).toEqual({ id: a.id, ref: a.ref, title: 'Detienen al coordinador del albergue', mergedInto: null, mergedFrom: [{ id: b.id, ref: b.ref, at: '2026-04-02T09:00:00.000Z' }] });
    await expect(incidentMerges(admin, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
  });

  it('records the merge in both histories and the audit log, without identifying values', async () => {
    const history = await incidentHistory(admin, a.id);
    expect(history[0]!.version).toBe(2);
    expect(history[0]!.changes).toContainEqual({ path: 'mergedFrom', after: b.ref });
    expect(history[0]!.changes).toContainEqual({ path: `acts#${b.acts[0]!.id}.kind`, after: 'threat.death' });
    expect(history[0]!.changes).toContainEqual({ path: `sources#${b.sources[0]!.id}.testimony`, identifying: true });
    expect(history[0]!.changes).toContainEqual({ path: 'place.private.address', identifying: true });
    const events = await store().db.selectFrom('audit_events').select(['action', 'user_id', 'target_id', 'detail', 'at']).where('action', '=', 'incident.merged').execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ user_id: people['coordinator']!.user.id, target_id: a.id, at: '2026-04-02T09:00:00.000Z' });
    expect(JSON.parse(events[0]!.detail!)).toEqual({ from: b.id, version: 2, otherVersion: 2, moved: { victims: 1, acts: 1, sources: 1, interventions: 1, evidence: 1, urgent: 1, campaigns: 1 }, sharesAdded: [] });
    const written = JSON.stringify([history, await store().db.selectFrom('incident_revisions').selectAll().execute(), await store().db.selectFrom('audit_events').selectAll().execute()]);
    expect(written).not.toContain(MARK);
  });

  it('refuses a merged incident as either side', async () => {
    await expect(mergeIncidents(admin, b.id, { other: a.id, version: 2, otherVersion: 2 })).rejects.toMatchObject({ status: 404 });
    await expect(mergeIncidents(admin, a.id, { other: b.id, version: 2, otherVersion: 2 })).rejects.toMatchObject({ status: 404 });
  });
});

describe('need-to-know across a merge', () => {
  it('never lets a restricted incident\'s contents reach people it is not shared with', async () => {
    const [open, secret] = await recordIncidents(admin, [simple('Abierto'), simple('Restringido', { confidentiality: 'restricted' })]);
    await expect(mergeIncidents(admin, open!.id, { other: secret!.id, version: 1, otherVersion: 1 })).rejects.toMatchObject({ status: 409, code: 'merge_would_widen' });
    // the coordinator does not see it at all: as if it did not exist
    await expect(mergeIncidents(people['coordinator']!, open!.id, { other: secret!.id, version: 1, otherVersion: 1 })).rejects.toMatchObject({ status: 404 });
    // the other way round narrows who sees the open one's contents: allowed
    await mergeIncidents(admin, secret!.id, { other: open!.id, version: 1, otherVersion: 1 });
    // those who saw the open incident but not the restricted one find it removed, not where it went
    await expect(incidentMerges(people['coordinator']!, open!.id)).rejects.toMatchObject({ status: 404 });
    expect((await incidentMerges(admin, open!.id)).mergedInto!.id).toBe(secret!.id);
  });

  it('never gives identifying values to someone B did not give them to', async () => {
    const [x, y] = await recordIncidents(admin, [simple('Con permiso'), simple('Sin permiso')]);
    await setShares(admin, x!.id, { shares: [{ type: 'user', id: people['analyst']!.user.id, identifying: true }] });
    await expect(mergeIncidents(admin, x!.id, { other: y!.id, version: 1, otherVersion: 1 })).rejects.toMatchObject({ status: 409, code: 'merge_would_widen' });
    await setShares(admin, y!.id, { shares: [{ type: 'user', id: people['analyst']!.user.id, identifying: true }] });
    await mergeIncidents(admin, x!.id, { other: y!.id, version: 1, otherVersion: 1 });
  });

  it('adds B\'s shares to a restricted A only where they let nobody new in', async () => {
    const legal = await createGroup(admin, { name: 'Legal', members: [admin.user.id, people['coordinator']!.user.id] });
    const [x, y] = await recordIncidents(admin, [simple('A restringido', { confidentiality: 'restricted' }), simple('B restringido', { confidentiality: 'restricted' })]);
    await setShares(admin, x!.id, { shares: [{ type: 'user', id: admin.user.id, identifying: false }, { type: 'user', id: people['coordinator']!.user.id, identifying: false }] });
    await setShares(admin, y!.id, { shares: [{ type: 'group', id: legal.id, identifying: false }, { type: 'user', id: people['analyst']!.user.id, identifying: false }] });
    const r = await mergeIncidents(people['coordinator']!, x!.id, { other: y!.id, version: 1, otherVersion: 1 });
    expect(r.moved.shares).toBe(1);
    expect((await getShares(admin, x!.id)).shares.map((s) => `${s.type}:${s.name}`).sort()).toEqual(['group:Legal', 'user:Rosa (admin)', 'user:Tomás']);
    // the analyst saw B, not A: B's contents are now out of their reach, and nothing tells them where it went
    await expect(incidentMerges(people['analyst']!, y!.id)).rejects.toMatchObject({ status: 404 });
    // and the restricted one does not name it to them either
    await expect(incidentMerges(people['analyst']!, x!.id)).rejects.toMatchObject({ status: 404 });
    expect((await incidentMerges(people['coordinator']!, x!.id)).mergedFrom.map((m) => m.id)).toEqual([y!.id]);
  });
});

describe('urgent cases across a merge', () => {
  it('refuses to leave one incident with two open urgent cases', async () => {
    const [x, y] = await recordIncidents(admin, [simple('Caso uno'), simple('Caso dos')]);
    const c1 = await openUrgentCase(admin, x!.id, { kind: 'detention' });
    const c2 = await openUrgentCase(admin, y!.id, { kind: 'detention' });
    await expect(mergeIncidents(admin, x!.id, { other: y!.id, version: 1, otherVersion: 1 })).rejects.toMatchObject({ status: 409, code: 'merge_urgent_open', message: expect.stringContaining(c1.ref) });
    await closeUrgentCase(admin, c2.id, { outcome: 'released', version: (await readUrgentCase(admin, c2.id)).version });
    await mergeIncidents(admin, x!.id, { other: y!.id, version: 1, otherVersion: 1 });
    expect((await incidentUrgentCases(admin, x!.id)).items.map((c) => c.id).sort()).toEqual([c1.id, c2.id].sort());
  });
});
