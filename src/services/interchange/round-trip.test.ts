/**
 * Version 2 of the interchange format end to end, on real encrypted workspaces (both backends): a
 * workspace holding one of everything — counts, an import run and its mapping, risk assessments,
 * urgent cases (steps, notes, a campaign, an appeal sent and answered, a closed case and an open
 * one), evidence of an incident, of a person and an online capture with its screenshot, a check-in
 * plan, an incident merged into another and pairs dismissed as not duplicates — made through the use cases, exported, imported into a fresh workspace (another
 * passphrase), exported again. The documents compare equal but for what docs/interchange.md calls
 * workspace-local, and the use cases read back the same views, files and hashes. A changed byte of
 * a file is refused naming its item, a merge into an unknown incident naming its path; conflicts
 * and failures leave nothing behind, files included; dismissed pairs are a union with the
 * workspace's own; a merge into an incident the exporter may not see is not named.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { adminContext, newWorkspace, ADMIN, type TestWorkspace } from '../../../test/helpers/api.js';
import { jpegWithGps, minimalPdf, pngWithMetadata } from '../../../test/helpers/evidence-files.js';
import type { ServiceContext } from '../context.js';
import { newId } from '../../crypto/random.js';
import { importMappingSchema } from '../../domain/import/mapping.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { getIncident } from '../incidents/read-incidents.js';
import { getActor } from '../actors/manage-actors.js';
import { createUser } from '../users/manage-users.js';
import { assessRisk } from '../risk/assess-risk.js';
import { readAssessment, riskOverview } from '../risk/read-risk.js';
import { openUrgentCase } from '../urgent/open-urgent-case.js';
import { readUrgentCase } from '../urgent/read-urgent-case.js';
import { addStep } from '../urgent/add-step.js';
import { updateStep } from '../urgent/update-step.js';
import { addNote } from '../urgent/add-note.js';
import { changeOwner } from '../urgent/change-owner.js';
import { closeUrgentCase } from '../urgent/close-urgent-case.js';
import { addCampaign, updateCampaign } from '../urgent/save-campaign.js';
import { draftAppeal } from '../appeals/draft-appeal.js';
import { listAppeals, readAppeal } from '../appeals/read-appeals.js';
import { updateAppealLetter } from '../appeals/update-appeal.js';
import { recordAppealSent } from '../appeals/record-sent.js';
import { recordAppealAnswer } from '../appeals/record-answer.js';
import { createCheckinPlan } from '../checkins/create-plan.js';
import { measureRegistry } from '../measures/measure-registry.js';
import { receiveEvidence } from '../evidence/receive-evidence.js';
import { captureOnlineThreat } from '../evidence/capture-online-threat.js';
import { changeEvidence } from '../evidence/change-evidence.js';
import { listEvidence } from '../evidence/list-evidence.js';
import { readEvidence } from '../evidence/read-evidence.js';
import { openOriginal, openViewCopy } from '../evidence/open-evidence-file.js';
import type { InterchangeDocument } from './interchange-format.js';
import { mergeIncidents } from '../duplicates/merge-incidents.js';
import { dismissDuplicate } from '../duplicates/dismiss-duplicate.js';
import { incidentMerges } from '../duplicates/incident-merges.js';
import { suggestDuplicates } from '../duplicates/suggest-duplicates.js';
import { exportWorkspace, writeWorkspace } from './export-workspace.js';
import { importWorkspace } from './import-workspace.js';
import { EVIDENCE_IMPORTED } from './import-sections.js';

const OTHER_PASSPHRASE = 'otra frase de paso, distinta 2026';
const T0 = '2026-03-05T10:00:00.000Z';
const T = (h: number) => new Date(Date.parse(T0) + h * 3_600_000).toISOString();
const READ_AT = '2026-04-01T12:00:00.000Z';
const MAX = { maxBytes: 10 * 1024 * 1024 };
const PASSWORD = 'contraseña-larga-2026';
const PEOPLE = [
  { email: 'coordinadora@example.org', displayName: 'Tomás', role: 'coordinator' as const },
  { email: 'documentadora@example.org', displayName: 'Rosa', role: 'documenter' as const },
];

const at = (ctx: ServiceContext, now: string): ServiceContext => ({ ...ctx, now: () => now });
async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}
async function bytesOf(it: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of it) parts.push(p);
  return Buffer.concat(parts);
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function freshWorkspace(): Promise<{ ws: TestWorkspace; ctx: ServiceContext }> {
  const ws = await newWorkspace({ setup: false });
  await ws.vault.setup({ workspaceName: 'Otra red', organisationName: 'Casa de prueba', language: 'es', passphrase: OTHER_PASSPHRASE, admin: ADMIN });
  const ctx = await adminContext(ws, T(100));
  // accounts are managed apart: the same people get accounts before an import
  for (const p of PEOPLE) await createUser(ctx, { ...p, password: PASSWORD });
  return { ws, ctx };
}

const COUNTED = [
  'actors', 'incidents', 'acts', 'sources', 'incident_revisions', 'risk_assessments', 'urgent_cases', 'urgent_steps', 'urgent_notes', 'appeals', 'campaigns',
  'campaign_actions', 'evidence_items', 'files', 'file_chunks', 'record_keys', 'import_mappings', 'import_runs', 'audit_events', 'alerts',
];
async function rowCounts(ctx: ServiceContext): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of COUNTED) out[t] = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(ctx.store.db)).rows[0]!.n);
  return out;
}

/** Replaces every user id of the documents' account lists with "user:<e-mail>": user ids are per workspace. */
function byEmail<T>(value: T, ...docs: InterchangeDocument[]): T {
  let json = JSON.stringify(value);
  for (const d of docs) for (const u of d.users) json = json.replaceAll(`"${u.id}"`, JSON.stringify(`user:${u.email}`));
  return JSON.parse(json) as T;
}

/** The document without what docs/interchange.md calls workspace-local: when it was made, the accounts, and what a fresh workspace has of its own. */
function portable(doc: InterchangeDocument, fresh: InterchangeDocument) {
  const { exportedAt: _e, users: _u, ...rest } = doc;
  const own = new Set(fresh.organisations.map((o) => o.id));
  const shipped = new Set(fresh.vocabularies.terms.map((t) => `${t.scheme}:${t.code}`));
  return {
    ...rest,
    organisations: rest.organisations.filter((o) => !own.has(o.id)),
    vocabularies: { schemes: rest.vocabularies.schemes, terms: rest.vocabularies.terms.filter((t) => !shipped.has(`${t.scheme}:${t.code}`)) },
  };
}

let a: TestWorkspace;
let b: TestWorkspace;
let c: TestWorkspace;
let adminA: ServiceContext;
let adminB: ServiceContext;
let adminC: ServiceContext;
let freshB: InterchangeDocument;
let docA: InterchangeDocument;
const ids: Record<string, string> = {};
const files: Record<string, Buffer> = {};
/** whether the twin was suggested as a duplicate of the kept incident before the pair was dismissed */
let twinSuggested = false;

beforeAll(async () => {
  a = await newWorkspace();
  adminA = await adminContext(a, T0);
  const people: Record<string, ServiceContext> = {};
  for (const p of PEOPLE) {
    const u = await createUser(adminA, { ...p, password: PASSWORD });
    people[p.role] = { ...adminA, user: { id: u.id, role: p.role, orgId: u.orgId, displayName: p.displayName } };
  }

  // a committed import with its saved mapping (their use cases come later in issue 8: rows as they will write them)
  ids['mapping'] = newId();
  ids['run'] = newId();
  const mapping = importMappingSchema.parse({ columns: { Incidente: 'title', Fecha: 'date', Muertos: 'counts.dead', Desaparecidos: 'counts.missing' }, values: { act: { Naufragio: 'killing' } } });
  await a.vault.runtime().store.db.insertInto('import_mappings').values({
    id: ids['mapping'], org_id: adminA.user.orgId, name: 'OIM Missing Migrants', body: JSON.stringify(mapping), created_at: T0, created_by: adminA.user.id, updated_at: T(1), updated_by: people['coordinator']!.user.id, version: 2,
  }).execute();
  await a.vault.runtime().store.db.insertInto('import_runs').values({ id: ids['run'], org_id: adminA.user.orgId, at: T(1), user_id: adminA.user.id, format: 'csv', rows: 3, incidents: 1, warnings: 2, mapping_id: ids['mapping'] }).execute();

  const [detention] = await recordIncidents(adminA, [{
    title: 'Detención de una defensora en la garita', date: { start: '2026-03-01' }, place: { precision: 'country', country: 'MX' },
    counts: { women: 1, children: 2 },
    victims: [{ key: 'd', actor: { kind: 'person', pseudonym: 'Defensora R', realName: 'Rosa Ejemplo', protectionMeasures: [{ kind: 'federal_mechanism', status: 'granted_active', reference: 'MPDDHP/7/2025', granted: '2025-02', expires: '2027-02' }] } }],
    acts: [{ kind: 'detention.arrest', victimKey: 'd', perpetrators: [{ perpetrator: 'state.mx.inm', identifiedIndividuals: 'Agente J.' }] }],
    sources: [{ kind: 'victim', pseudonym: 'Fuente R', testimony: 'Me retuvieron seis horas.', consent: { internal_analysis: 'given', share_partners: 'given', anonymous_publication: 'given', named_publication: 'not_asked', legal_action: 'given' } }],
  } as never]);
  ids['detention'] = detention!.id;
  ids['defender'] = detention!.victims[0]!.actorId;
  ids['source'] = detention!.sources[0]!.id;
  const [shipwreck] = await recordIncidents(adminA, [{ title: 'Naufragio frente a la costa', date: { start: '2024-06' }, place: { precision: 'country', country: 'MX' }, counts: { dead: 3, missing: 5, survivors: 1 }, acts: [{ kind: 'killing' }] } as never], { importRunId: ids['run'] });
  ids['shipwreck'] = shipwreck!.id;

  // two versions of the defender's risk assessment
  const factor = (description: string, level: number, extra: object = {}) => ({ description, level, ...extra });
  await assessRisk(at(adminA, T(2)), ids['defender'], {
    threats: [factor('Fotografías de su casa enviadas por mensaje', 4, { evidence: 'Lo contó el 3 de marzo', incidents: [ids['detention']] })],
    vulnerabilities: [factor('Vive sola cerca de la garita', 3)], capacities: [factor('Red de acompañamiento', 2)], summary: 'Riesgo alto; plan de seguridad.', nextReview: '2026-06-01', replaces: 0,
  });
  await assessRisk(at(people['coordinator']!, T(30)), ids['defender'], { threats: [factor('Amenazas repetidas', 5)], vulnerabilities: [factor('Sin medidas', 4)], replaces: 1 });

  // an urgent case worked and closed, then another one open on the same incident
  const first = await openUrgentCase(at(adminA, T(3)), ids['detention'], { kind: 'detention' });
  ids['case1'] = first.id;
  await addStep(at(adminA, T(3)), first.id, { code: 'custom', label: 'Llamar al consulado ', dueAt: T(8) });
  await updateStep(at(adminA, T(4)), first.id, first.steps[0]!.id, { done: true, note: 'Red avisada a las 11' });
  await addNote(at(people['documenter']!, T(5)), first.id, { body: 'La familia ya sabe.\nEsperan noticias.' });
  const campaign = await addCampaign(at(adminA, T(6)), first.id, { title: 'Libertad para la defensora R', started: '2026-03', actions: [{ kind: 'statement', date: '2026-03-06', description: 'Comunicado de la red' }, { kind: 'petition' }] });
  await updateCampaign(at(adminA, T(40)), campaign.id, { title: 'Libertad para la defensora R', started: '2026-03', ended: '2026-03-09', outcome: 'achieved', actions: [{ kind: 'statement', date: '2026-03-06', description: 'Comunicado de la red' }], version: 1 });
  const appeal = await draftAppeal(at(adminA, T(7)), first.id, { body: 'mx_mechanism', lang: 'es' });
  ids['appeal'] = appeal.id;
  await updateAppealLetter(at(adminA, T(8)), appeal.id, { letter: `${appeal.letter}\n\nPosdata: pedimos medidas urgentes.`, version: 1 });
  await recordAppealSent(at(adminA, T(9)), appeal.id, { sentAt: '2026-03-05', sentHow: 'email', version: 2 });
  await recordAppealAnswer(at(adminA, T(48)), appeal.id, { answeredAt: '2026-03-07T09:30:00-06:00', answerHow: 'phone', note: 'Llamaron del Mecanismo', version: 3 });
  await changeOwner(at(adminA, T(10)), first.id, { ownerId: people['coordinator']!.user.id });
  const current = await readUrgentCase(at(adminA, T(50)), first.id);
  await closeUrgentCase(at(adminA, T(72)), first.id, { outcome: 'released', note: 'Liberada el día 8.', version: current.version });
  ids['case2'] = (await openUrgentCase(at(adminA, T(80)), ids['detention'], { kind: 'imminent_threat' })).id;

  // a check-in plan: the account's own, not the workspace's (not exported)
  await createCheckinPlan(at(adminA, T(80)), { purpose: 'Viaje a la garita', firstDueAt: T(90), graceMinutes: 30, contacts: [people['coordinator']!.user.id] });

  // evidence: a photo of a testimony (with its viewing copy), a person's letter, an online capture with a screenshot
  files['photo'] = jpegWithGps();
  files['pdf'] = minimalPdf();
  files['png'] = pngWithMetadata();
  const photo = await receiveEvidence(at(adminA, T(11)), { incidentId: ids['detention'] }, { kind: 'photo', description: 'Soldados frente al albergue', sourceId: ids['source'], consent: { legal_action: 'given' } }, { name: 'garita 5 de marzo.jpg', stream: once(files['photo']) }, MAX);
  ids['photo'] = photo.id;
  await changeEvidence(at(adminA, T(12)), photo.id, { version: 1, description: 'Soldados frente al albergue, de noche', consent: { share_partners: 'given' } });
  ids['pdf'] = (await receiveEvidence(at(adminA, T(13)), { actorId: ids['defender'] }, {}, { name: 'carta del mecanismo.pdf', stream: once(files['pdf']) }, MAX)).id;
  ids['capture'] = (await captureOnlineThreat(at(adminA, T(14)), ids['detention'], {
    platform: 'facebook', account: '@vigilantes', url: 'https://example.org/p/1', text: '  Sabemos dónde vives.\n', seenAt: '2026-03-04', description: 'Amenaza en una página',
  }, [{ name: 'captura.png', stream: once(files['png']) }], MAX)).id;

  // duplicates: one record of an event merged into another, and pairs said not to be the same event
  const retén = (title: string, day: string, extra: object = {}) => ({
    title, date: { start: day }, place: { precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' }, acts: [{ kind: 'detention.arrest', perpetrators: [{ perpetrator: 'state.mx.inm' }] }], ...extra,
  });
  const [kept, merged, twin] = await recordIncidents(at(people['documenter']!, T(60)), [
    retén('Retén migratorio en la carretera a Tapachula', '2026-03-10'),
    retén('El INM detiene a migrantes en la carretera', '2026-03-11', {
      sources: [{ kind: 'witness', pseudonym: 'Fuente T', testimony: 'Vi el retén desde el autobús.', consent: { internal_analysis: 'given', share_partners: 'refused', anonymous_publication: 'given', named_publication: 'refused', legal_action: 'not_asked' } }],
    }),
    retén('Otro retén en Tapachula', '2026-03-10'),
  ] as never);
  [ids['kept'], ids['merged'], ids['twin']] = [kept!.id, merged!.id, twin!.id];
  await mergeIncidents(at(people['coordinator']!, T(61)), kept!.id, { other: merged!.id, version: 1, otherVersion: 1 });
  twinSuggested = (await suggestDuplicates(adminA, kept!.id)).items.some((x) => x.incident.id === twin!.id);
  await dismissDuplicate(at(people['coordinator']!, T(62)), { a: twin!.id, b: kept!.id });
  await dismissDuplicate(at(adminA, T(63)), { a: ids['shipwreck'], b: ids['detention'] });

  docA = await exportWorkspace(adminA);
  [b, c] = await Promise.all([freshWorkspace(), freshWorkspace()]).then((r) => { adminB = r[0].ctx; adminC = r[1].ctx; return [r[0].ws, r[1].ws]; });
  freshB = await exportWorkspace(adminB);
}, 120_000);

afterAll(async () => {
  await Promise.all([a, b, c].map((w) => w?.close()));
});

describe('interchange format, version 2', () => {
  it('exports one of everything, sealed parts in the clear, files with their hashes, and nothing of accounts\' own', () => {
    expect(docA.version).toBe(2);
    expect(docA.incidents.map((i) => [i.id, i.counts, i.importRunId, i.mergedInto, i.deletedAt])).toEqual([
      [ids['detention'], { women: 1, children: 2 }, undefined, undefined, undefined], [ids['shipwreck'], { dead: 3, missing: 5, survivors: 1 }, ids['run'], undefined, undefined],
      [ids['kept'], undefined, undefined, undefined, undefined], [ids['merged'], undefined, undefined, ids['kept'], T(61)], [ids['twin'], undefined, undefined, undefined, undefined],
    ]);
    // the merged incident's parts are the kept one's now; its history says where they went
    expect(docA.incidents[2]!.sources.map((s) => s.pseudonym)).toEqual(['Fuente T']);
    expect(docA.incidents[3]!.sources).toEqual([]);
    expect(docA.revisions.filter((r) => r.incidentId === ids['merged']).at(-1)!.changes[0]).toEqual({ path: 'mergedInto', after: 'INC-000003' });
    const dismissal = (x: string, y: string, dismissedAt: string, dismissedBy: string) => {
      const [incidentA, incidentB] = x < y ? [x, y] : [y, x];
      return { incidentA, incidentB, dismissedAt, dismissedBy };
    };
    const coordinatorId = docA.users.find((u) => u.email === PEOPLE[0]!.email)!.id;
    expect(docA.duplicateDismissals).toEqual([
      dismissal(ids['kept']!, ids['twin']!, T(62), coordinatorId), dismissal(ids['detention']!, ids['shipwreck']!, T(63), adminA.user.id),
    ].sort((x, y) => (x.incidentA < y.incidentA ? -1 : 1)));
    expect(docA.importRuns).toEqual([expect.objectContaining({ id: ids['run'], mappingId: ids['mapping'], rows: 3, warnings: 2 })]);
    expect(docA.importMappings).toEqual([expect.objectContaining({ id: ids['mapping'], name: 'OIM Missing Migrants', version: 2 })]);
    expect(docA.riskAssessments.map((r) => [r.version, r.level, r.summary])).toEqual([[1, expect.any(String), 'Riesgo alto; plan de seguridad.'], [2, expect.any(String), undefined]]);
    expect(docA.riskAssessments[0]!.threats[0]).toEqual({ description: 'Fotografías de su casa enviadas por mensaje', level: 4, evidence: 'Lo contó el 3 de marzo', incidents: [ids['detention']] });
    const [closed, open] = docA.urgentCases;
    expect([closed!.id, closed!.status, closed!.outcome, closed!.closingNote, open!.id, open!.status]).toEqual([ids['case1'], 'closed', 'released', 'Liberada el día 8.', ids['case2'], 'open']);
    expect(closed!.steps.find((s) => s.code === 'custom')!.label).toBe('Llamar al consulado'); // trimmed by the use case, kept as stored
    expect(closed!.notes.map((n) => n.body)).toEqual(['La familia ya sabe.\nEsperan noticias.']);
    expect(closed!.appeals[0]).toMatchObject({ id: ids['appeal'], version: 4, sentHow: 'email', answerHow: 'phone', answerNote: 'Llamaron del Mecanismo', answeredAt: '2026-03-07T15:30:00.000Z' });
    expect(closed!.appeals[0]!.letter).toMatch(/Posdata: pedimos medidas urgentes\.$/);
    expect(docA.campaigns).toEqual([expect.objectContaining({ caseId: ids['case1'], title: 'Libertad para la defensora R', outcome: 'achieved', version: 2, actions: [{ kind: 'statement', date: '2026-03-06', description: 'Comunicado de la red' }] })]);
    expect(docA.evidence.map((e) => e.id)).toEqual([ids['photo'], ids['pdf'], ids['capture'], expect.any(String)]);
    const [photo, pdf, capture, shot] = docA.evidence;
    expect(photo).toMatchObject({ sourceId: ids['source'], originalName: 'garita 5 de marzo.jpg', description: 'Soldados frente al albergue, de noche', version: 3, metadata: { gps: expect.any(Object) } });
    expect(Buffer.from(photo!.original.base64, 'base64').equals(files['photo']!)).toBe(true);
    expect(photo!.original.sha256).toBe(sha(files['photo']!));
    expect(photo!.viewCopy!.sha256).toBe(sha(Buffer.from(photo!.viewCopy!.base64, 'base64')));
    expect(pdf).toMatchObject({ actorId: ids['defender'], mediaType: 'application/pdf', original: { size: files['pdf']!.length } });
    expect(pdf!.viewCopy).toBeUndefined();
    expect(capture!.capture).toMatchObject({ platform: 'facebook', text: '  Sabemos dónde vives.\n' }); // as typed, never trimmed
    expect(shot).toMatchObject({ parentId: ids['capture'], kind: 'screenshot', originalName: 'captura.png' });
    // never: passwords, second factors, duress codes, check-in plans, alerts, keys
    const text = JSON.stringify(docA);
    for (const absent of ['argon2', 'Viaje a la garita', 'EV-0001', 'totp', 'duress']) expect(text.includes(absent), absent).toBe(false);
    // references are numbered by each workspace (the letter quotes its case's, as written)
    expect([...docA.urgentCases, ...docA.evidence].some((x) => 'ref' in x)).toBe(false);
  });

  it('writes the same document as text, one file chunk at a time', async () => {
    const pieces: string[] = [];
    const counts = await writeWorkspace(adminA, (s) => { pieces.push(s); });
    expect(pieces.join('')).toBe(`${JSON.stringify(docA, null, 2)}\n`);
    expect(counts).toMatchObject({ incidents: 5, deletedIncidents: 1, mergedIncidents: 1, duplicateDismissals: 2, evidence: 4, urgentCases: 2, appeals: 1, campaigns: 1, riskAssessments: 2, importRuns: 1, importMappings: 1 });
  });

  it('round-trips into a fresh workspace: the same document, and the use cases read the same', async () => {
    const result = await importWorkspace(adminB, JSON.parse(JSON.stringify(docA)));
    expect(result).toMatchObject({ incidents: 5, mergedIncidents: 1, duplicateDismissals: 2, duplicateDismissalsKept: 0, riskAssessments: 2, urgentCases: 2, appeals: 1, campaigns: 1, evidence: 4, evidenceFiles: 6, importMappings: 1, importRuns: 1, usersMatched: 3, usersSkipped: [] });
    const docB = await exportWorkspace(adminB);
    expect(byEmail(portable(docB, freshB), docB)).toEqual(byEmail(portable(docA, freshB), docA));

    const [ra, rb] = [at(adminA, READ_AT), at(adminB, READ_AT)];
    const same = async <T>(read: (ctx: ServiceContext) => Promise<T>) => expect(byEmail(await read(rb), docB)).toEqual(byEmail(await read(ra), docA));
    for (const id of [ids['detention']!, ids['shipwreck']!, ids['kept']!, ids['twin']!]) await same((ctx) => getIncident(ctx, id));
    // where the merged incident went, what was merged into the kept one, and the dismissed pair not suggested again
    for (const id of [ids['kept']!, ids['merged']!]) await same((ctx) => incidentMerges(ctx, id));
    expect((await incidentMerges(rb, ids['merged']!)).mergedInto).toMatchObject({ id: ids['kept'] });
    await expect(getIncident(rb, ids['merged']!)).rejects.toMatchObject({ status: 404 });
    expect(twinSuggested).toBe(true);
    for (const id of [ids['kept']!, ids['twin']!]) await same((ctx) => suggestDuplicates(ctx, id));
    expect((await suggestDuplicates(rb, ids['kept']!)).items.map((x) => x.incident.id)).not.toContain(ids['twin']);
    await same((ctx) => getActor(ctx, ids['defender']!));
    await same((ctx) => riskOverview(ctx, ids['defender']!));
    for (const v of [1, 2]) await same((ctx) => readAssessment(ctx, ids['defender']!, v));
    for (const id of [ids['case1']!, ids['case2']!]) await same((ctx) => readUrgentCase(ctx, id));
    await same((ctx) => listAppeals(ctx, ids['case1']!));
    await same((ctx) => readAppeal(ctx, ids['appeal']!));
    await same((ctx) => measureRegistry(ctx));
    await same((ctx) => listEvidence(ctx, { incidentId: ids['detention']! }));
    await same((ctx) => listEvidence(ctx, { actorId: ids['defender']! }));
    for (const e of docA.evidence) {
      await same((ctx) => readEvidence(ctx, e.id));
      const original = await bytesOf((await openOriginal(rb, e.id, 'verification')).body);
      expect(sha(original)).toBe(e.original.sha256);
      expect(original.equals(await bytesOf((await openOriginal(ra, e.id, 'verification')).body))).toBe(true);
      if (e.viewCopy) expect(sha(await bytesOf((await openViewCopy(rb, e.id)).body))).toBe(e.viewCopy.sha256);
    }
    expect(sha(await bytesOf((await openOriginal(rb, ids['photo']!, 'review')).body))).toBe(sha(files['photo']!));

    // each item's chain of custody here starts with its import, recorded once, with its hash
    const entries = await adminB.store.db.selectFrom('audit_events').select(['target_id', 'detail']).where('action', '=', EVIDENCE_IMPORTED).where('target_type', '=', 'evidence').execute();
    expect(entries.map((e) => [e.target_id, JSON.parse(e.detail!).sha256]).sort()).toEqual(docA.evidence.map((e) => [e.id, e.original.sha256]).sort());
    // sealed at rest in B: none of the opened text is in the rows
    const raw = JSON.stringify(await adminB.store.db.selectFrom('appeals').selectAll().execute()) + JSON.stringify(await adminB.store.db.selectFrom('evidence_items').selectAll().execute());
    for (const secret of ['Posdata', 'Llamaron del Mecanismo', 'garita 5 de marzo', 'Sabemos dónde']) expect(raw).not.toContain(secret);

    // committed under B's own keys: sealed and opened again with B's passphrase
    await b.vault.seal();
    await b.vault.unseal({ passphrase: OTHER_PASSPHRASE });
    adminB = await adminContext(b, T(100));
    const reopened = await exportWorkspace(adminB);
    expect(portable(reopened, freshB)).toEqual(portable(docB, freshB));
  });

  it('refuses a document whose evidence file changed by one byte, naming the item, and writes nothing', async () => {
    const doc = JSON.parse(JSON.stringify(docA)) as InterchangeDocument;
    const bytes = Buffer.from(doc.evidence[1]!.original.base64, 'base64');
    const k = bytes.length >> 1;
    bytes[k] = bytes[k]! ^ 0x01;
    doc.evidence[1]!.original.base64 = bytes.toString('base64');
    const before = await rowCounts(adminC);
    const err = await importWorkspace(adminC, doc).then(() => undefined, (e: unknown) => e as Error & { status?: number });
    expect(err?.status).toBe(400);
    expect(err?.message).toMatch(new RegExp(`evidence\\[1\\]\\.original\\.base64: the bytes of evidence item ${ids['pdf']} do not match their SHA-256`));
    expect(await rowCounts(adminC)).toEqual(before);
  });

  it('refuses ids the workspace already has before writing any file, listing them', async () => {
    const before = await rowCounts(adminB);
    const err = await importWorkspace(adminB, JSON.parse(JSON.stringify(docA))).then(() => undefined, (e: unknown) => e as Error & { status?: number });
    expect(err?.status).toBe(409);
    for (const p of ['evidence\\[0\\]\\.id: evidence item', 'urgentCases\\[0\\]\\.id: urgent case', 'riskAssessments\\[0\\]\\.id: risk assessment', 'campaigns\\[0\\]\\.id: campaign', 'importRuns\\[0\\]\\.id: import run', 'urgentCases\\[1\\]\\.status: incident']) {
      expect(err?.message).toMatch(new RegExp(p));
    }
    expect(await rowCounts(adminB)).toEqual(before);
  });

  it('removes the files it wrote when the import fails inside its transaction', async () => {
    const before = await rowCounts(adminC);
    const phases: string[] = [];
    const stop = (p: { phase: string }) => { phases.push(p.phase); if (p.phase === 'evidence') throw new Error('disk full (simulated)'); };
    await expect(importWorkspace(adminC, JSON.parse(JSON.stringify(docA)), { onProgress: stop })).rejects.toThrow('disk full');
    expect(phases).toContain('evidenceFiles');
    expect(await rowCounts(adminC)).toEqual(before);
  });

  it('refuses to import a document with evidence inside another transaction (files are written like uploads)', async () => {
    await expect(adminC.store.transaction((tx) => importWorkspace({ ...adminC, store: tx }, docA))).rejects.toThrow(/own transaction/);
  });

  it('adds to a workspace with records of its own, numbering the references after its own', async () => {
    const [own] = await recordIncidents(adminC, [{ title: 'Vigilancia del albergue', acts: [{ kind: 'surveillance' }] } as never]);
    const ownCase = await openUrgentCase(adminC, own!.id, { kind: 'attack' });
    const ownItem = await receiveEvidence(adminC, { incidentId: own!.id }, {}, { name: 'oficio.pdf', stream: once(files['pdf']!) }, MAX);
    const before = await exportWorkspace(adminC);
    await importWorkspace(adminC, JSON.parse(JSON.stringify(docA)));
    const exported = await exportWorkspace(adminC);
    const after = byEmail(exported, exported);
    const mine = byEmail(before, before);
    const theirs = byEmail(docA, docA);
    expect(after.incidents).toEqual([...mine.incidents, ...theirs.incidents]);
    expect(after.urgentCases).toEqual([...mine.urgentCases, ...theirs.urgentCases]);
    expect(after.evidence).toEqual([...mine.evidence, ...theirs.evidence]);
    expect(after.riskAssessments).toEqual(theirs.riskAssessments);
    expect([after.campaigns, after.importRuns, after.importMappings, after.duplicateDismissals]).toEqual([theirs.campaigns, theirs.importRuns, theirs.importMappings, theirs.duplicateDismissals]);
    expect((await readUrgentCase(adminC, ownCase.id)).ref).toBe('URG-0001');
    expect((await readUrgentCase(adminC, ids['case1']!)).ref).toBe('URG-0002');
    expect((await readUrgentCase(adminC, ids['case2']!)).ref).toBe('URG-0003');
    expect((await listEvidence(adminC, { incidentId: ids['detention']! })).items.map((i) => i.ref)).toEqual(['EV-0002', 'EV-0004', 'EV-0005']);
    expect((await readEvidence(adminC, ownItem.id)).ref).toBe('EV-0001');
  });

  it('keeps dismissed pairs a union: a pair the workspace already dismissed is kept as it is, a new one added', async () => {
    const [own] = (await exportWorkspace(adminC)).incidents;
    const empty = { ...docA, vocabularies: { schemes: [], terms: [] }, organisations: [], actors: [], incidents: [], revisions: [], riskAssessments: [], urgentCases: [], campaigns: [], evidence: [], importMappings: [], importRuns: [] };
    const [x, y] = own!.id < ids['detention']! ? [own!.id, ids['detention']!] : [ids['detention']!, own!.id];
    const added = { incidentA: x, incidentB: y, dismissedAt: T(90), dismissedBy: adminA.user.id };
    const doc: InterchangeDocument = { ...empty, duplicateDismissals: [...docA.duplicateDismissals.map((d) => ({ ...d, dismissedAt: T(99) })), added] };
    const result = await importWorkspace(adminC, JSON.parse(JSON.stringify(doc)));
    expect(result).toMatchObject({ incidents: 0, duplicateDismissals: 1, duplicateDismissalsKept: 2 });
    const after = await exportWorkspace(adminC);
    const expected = [...docA.duplicateDismissals, added].sort((p, q) => (p.incidentA < q.incidentA ? -1 : p.incidentA > q.incidentA ? 1 : p.incidentB < q.incidentB ? -1 : 1));
    expect(byEmail(after.duplicateDismissals, after)).toEqual(byEmail(expected, docA));
  });

  it('refuses a merge into, or a dismissed pair of, an incident neither the file nor the workspace has, naming the path, and writes nothing', async () => {
    const { ws, ctx } = await freshWorkspace();
    try {
      const before = await rowCounts(ctx);
      const unknown = newId();
      const doc = JSON.parse(JSON.stringify(docA)) as InterchangeDocument;
      doc.incidents[3]!.mergedInto = unknown;
      doc.duplicateDismissals[0]!.incidentB = 'ffffffff-ffff-4fff-bfff-ffffffffffff';
      const err = await importWorkspace(ctx, doc).then(() => undefined, (e: unknown) => e as Error & { status?: number; problems?: { path: string; message: string }[] });
      expect(err?.status).toBe(400);
      expect(err?.problems).toEqual([
        { path: 'incidents[3].mergedInto', message: `no incident ${unknown} in this file or this workspace` },
        { path: 'duplicateDismissals[0].incidentB', message: 'no incident ffffffff-ffff-4fff-bfff-ffffffffffff in this file or this workspace' },
      ]);
      expect(err?.message).toContain(`incidents[3].mergedInto: no incident ${unknown}`);
      // a merged incident is removed; merges never go round in a circle; a pair is in order, once
      const bad = JSON.parse(JSON.stringify(docA)) as InterchangeDocument;
      bad.incidents[2] = { ...bad.incidents[2]!, mergedInto: ids['merged']! };
      const [first] = bad.duplicateDismissals;
      bad.duplicateDismissals = [{ ...first!, incidentA: first!.incidentB, incidentB: first!.incidentA }, first!, first!];
      const err2 = await importWorkspace(ctx, bad).then(() => undefined, (e: unknown) => e as Error & { status?: number; problems?: { path: string; message: string }[] });
      expect(err2?.status).toBe(400);
      expect(err2?.problems?.map((p) => p.path)).toEqual(['incidents[2].deletedAt', 'incidents[2].mergedInto', 'incidents[3].mergedInto', 'duplicateDismissals[0].incidentB', 'duplicateDismissals[2]']);
      expect(await rowCounts(ctx)).toEqual(before);
    } finally {
      await ws.close();
    }
  }, 60_000);

  it('names where a merged incident went only when the exporter may see that incident too', async () => {
    const { ws, ctx } = await freshWorkspace();
    const { ws: ws2, ctx: ctx2 } = await freshWorkspace();
    try {
      const u = (await ctx.store.users.byEmail(PEOPLE[0]!.email))!;
      const coordinator: ServiceContext = { ...ctx, user: { id: u.id, role: 'coordinator', orgId: u.org_id, displayName: u.display_name } };
      const place = { precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' };
      const [secret, open, other] = await recordIncidents(coordinator, [
        { title: 'Retén restringido', date: { start: '2026-03-10' }, place, confidentiality: 'restricted', acts: [{ kind: 'detention.arrest' }] },
        { title: 'Retén abierto', date: { start: '2026-03-10' }, place, acts: [{ kind: 'detention.arrest' }] },
        { title: 'Otro retén', date: { start: '2026-03-10' }, place, acts: [{ kind: 'detention.arrest' }] },
      ] as never);
      // the open record merged into the restricted one (allowed: its contents narrow to the restricted one's people)
      await mergeIncidents(coordinator, secret!.id, { other: open!.id, version: 1, otherVersion: 1 });
      await dismissDuplicate(coordinator, { a: secret!.id, b: other!.id });
      const doc = await exportWorkspace(ctx);
      expect(doc.incidents.map((i) => [i.id, i.mergedInto, i.deletedAt !== undefined])).toEqual([[open!.id, undefined, true], [other!.id, undefined, false]]);
      expect(doc.duplicateDismissals).toEqual([]);
      expect(JSON.stringify(doc)).not.toContain(secret!.id);
      // and the document imports and exports again as it was
      const fresh = await exportWorkspace(ctx2);
      await importWorkspace(ctx2, JSON.parse(JSON.stringify(doc)));
      const again = await exportWorkspace(ctx2);
      expect(byEmail(portable(again, fresh), again)).toEqual(byEmail(portable(doc, fresh), doc));
    } finally {
      await Promise.all([ws.close(), ws2.close()]);
    }
  }, 60_000);

  it('round-trips any subset of the incidents, in any order, with their cases, campaigns, evidence, merges and dismissed pairs (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(docA.incidents, { minLength: 1 }), async (incidents) => {
        const chosen = new Set(incidents.map((i) => i.id));
        const of = <T extends { incidentId?: string | undefined }>(list: T[]) => list.filter((x) => x.incidentId === undefined || chosen.has(x.incidentId));
        const doc: InterchangeDocument = {
          ...docA,
          // a merged incident without the one it went into is a removed one (as an export that may not see it writes it)
          incidents: incidents.map(({ mergedInto, ...i }) => (mergedInto !== undefined && chosen.has(mergedInto) ? { ...i, mergedInto } : i)),
          revisions: docA.revisions.filter((r) => chosen.has(r.incidentId)),
          duplicateDismissals: docA.duplicateDismissals.filter((d) => chosen.has(d.incidentA) && chosen.has(d.incidentB)),
          urgentCases: of(docA.urgentCases), campaigns: of(docA.campaigns), evidence: of(docA.evidence),
        };
        const { ws, ctx } = await freshWorkspace();
        try {
          const fresh = await exportWorkspace(ctx);
          await importWorkspace(ctx, JSON.parse(JSON.stringify(doc)));
          const after = await exportWorkspace(ctx);
          expect(byEmail(portable(after, fresh), after)).toEqual(byEmail(portable(doc, fresh), doc));
        } finally {
          await ws.close();
        }
      }),
      // and always once with every incident in reverse: the merged incident before the one it went into
      { numRuns: 4, examples: [[[...docA.incidents].reverse()]] },
    );
  }, 120_000);
});
