/**
 * The interchange format's records end to end, on real encrypted workspaces: a workspace built
 * through the API is exported, imported into a second one (another passphrase), exported again and
 * compared; corrupted documents are refused with their JSON path and change nothing; random subsets
 * and orders of incidents round-trip; a version 1 document still imports. (The sections version 2
 * added: round-trip.test.ts; the drift guards: drift-guard.test.ts.)
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { newWorkspace, Client, userWithRole, ADMIN, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import type { Runtime } from '../vault.js';
import type { Role } from '../../domain/user/roles.js';
import { parseInterchangeDocument, type InterchangeDocument } from './interchange-format.js';
import { exportWorkspace } from './export-workspace.js';
import { importWorkspace } from './import-workspace.js';

const OTHER_PASSPHRASE = 'otra frase de paso, distinta 2026';

async function contextOf(ws: TestWorkspace, email = ADMIN.email): Promise<{ rt: Runtime; ctx: ServiceContext }> {
  const rt = ws.vault.runtime();
  const u = (await rt.store.users.byEmail(email))!;
  const ctx: ServiceContext = { store: rt.store, vocab: rt.vocab, user: { id: u.id, role: u.role as Role, orgId: u.org_id, displayName: u.display_name }, now: () => new Date().toISOString() };
  return { rt, ctx };
}

async function secondWorkspace(): Promise<TestWorkspace> {
  const ws = await newWorkspace({ setup: false });
  await ws.vault.setup({ workspaceName: 'Otra red', organisationName: 'Casa de prueba', language: 'es', passphrase: OTHER_PASSPHRASE, admin: ADMIN });
  return ws;
}

async function ok(r: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200): Promise<any> {
  const res = await r;
  expect(res.statusCode, res.body).toBe(status);
  return res.body ? res.json() : undefined;
}

/** The error a promise rejects with (the test fails if it resolves). */
async function failure(p: Promise<unknown>): Promise<Error & { status?: number }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { status?: number };
  }
  throw new Error('expected the import to fail');
}

const COUNTED = [
  'organisations', 'users', 'vocab_schemes', 'vocab_terms', 'actors', 'protection_measures', 'incidents', 'incident_context', 'incident_victims', 'acts', 'involvements', 'sources',
  'interventions', 'incident_revisions', 'audit_events', 'incident_fts', 'risk_assessments', 'urgent_cases', 'campaigns', 'evidence_items', 'files', 'import_mappings', 'import_runs',
];
async function rowCounts(ws: TestWorkspace): Promise<Record<string, number>> {
  const db = ws.vault.runtime().store.db;
  const out: Record<string, number> = {};
  for (const t of COUNTED) out[t] = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db)).rows[0]!.n);
  return out;
}

/** Replaces every user id (of any of `docs`' account lists) with "user:<e-mail>": user ids are per workspace. */
function byEmail<T>(value: T, ...docs: InterchangeDocument[]): T {
  let json = JSON.stringify(value);
  for (const d of docs) for (const u of d.users) json = json.replaceAll(`"${u.id}"`, JSON.stringify(`user:${u.email}`));
  return JSON.parse(json) as T;
}

/**
 * What importing `add` into a workspace whose export was `base` must give (docs/interchange.md,
 * "Round trip"): records of `add` added; organisations, schemes and terms `base` already had kept
 * as they were; the accounts are the workspace's own. Sorted as the exporter sorts.
 */
function merged(base: InterchangeDocument, add: InterchangeDocument): Omit<InterchangeDocument, 'exportedAt' | 'users'> {
  const union = <T>(a: T[], b: T[], key: (x: T) => string) => { const keys = new Set(a.map(key)); return [...a, ...b.filter((x) => !keys.has(key(x)))]; };
  const by = <T>(f: (x: T) => (string | number)[]) => (x: T, y: T) => { const a = f(x); const b = f(y); for (let i = 0; i < a.length; i++) { if (a[i]! < b[i]!) return -1; if (a[i]! > b[i]!) return 1; } return 0; };
  return {
    format: base.format, version: base.version,
    vocabularies: {
      schemes: union(base.vocabularies.schemes, add.vocabularies.schemes, (s) => s.id).sort(by((s) => [s.id])),
      terms: union(base.vocabularies.terms, add.vocabularies.terms, (t) => `${t.scheme}:${t.code}`).sort(by((t) => [t.scheme, t.sort, t.code])),
    },
    organisations: union(base.organisations, add.organisations, (o) => o.id).sort(by((o) => [o.createdAt, o.id])),
    actors: [...base.actors, ...add.actors].sort(by((a) => [a.createdAt, a.id])),
    incidents: [...base.incidents, ...add.incidents],
    revisions: [...base.revisions, ...add.revisions].sort(by((r) => [r.incidentId, r.version])),
    // a union: a pair both dismissed keeps the workspace's who and when
    duplicateDismissals: union(base.duplicateDismissals, add.duplicateDismissals, (d) => `${d.incidentA}|${d.incidentB}`).sort(by((d) => [d.incidentA, d.incidentB])),
    riskAssessments: [...base.riskAssessments, ...add.riskAssessments].sort(by((r) => [r.actorId, r.version])),
    urgentCases: [...base.urgentCases, ...add.urgentCases],
    campaigns: [...base.campaigns, ...add.campaigns].sort(by((x) => [x.createdAt, x.id])),
    evidence: [...base.evidence, ...add.evidence],
    importMappings: [...base.importMappings, ...add.importMappings].sort(by((m) => [m.createdAt, m.id])),
    importRuns: [...base.importRuns, ...add.importRuns].sort(by((r) => [r.at, r.id])),
    // numbered after the workspace's own, in the file's order
    accompaniedFamilies: [...base.accompaniedFamilies, ...add.accompaniedFamilies],
    accompaniedPeople: [...base.accompaniedPeople, ...add.accompaniedPeople],
    hearings: [...base.hearings, ...add.hearings],
    transportRuns: [...base.transportRuns, ...add.transportRuns],
  };
}
const portable = ({ exportedAt: _e, users: _u, ...rest }: InterchangeDocument) => rest;

/** The document as version 1 wrote it: without what version 2 added. */
function v1Of(doc: InterchangeDocument): Record<string, unknown> {
  const {
    duplicateDismissals: _d, riskAssessments: _r, urgentCases: _u, campaigns: _c, evidence: _e, importMappings: _m, importRuns: _i,
    accompaniedFamilies: _af, accompaniedPeople: _ap, hearings: _h, transportRuns: _t, ...rest
  } = doc;
  return { ...rest, version: 1, incidents: doc.incidents.map(({ counts: _n, importRunId: _x, mergedInto: _g, ...inc }) => inc) };
}

let a: TestWorkspace;
let b: TestWorkspace;
let c: TestWorkspace;
let docA: InterchangeDocument;
const ids: Record<string, string> = {};

beforeAll(async () => {
  [a, b, c] = await Promise.all([newWorkspace(), secondWorkspace(), newWorkspace()]);
  const admin = new Client(a.app);
  await admin.login();
  const documenter = await userWithRole(a, admin, 'documenter');

  // vocabularies: an admin-added act, and an admin-added context that an old incident uses and is then retired
  const drone = await ok(admin.req('POST', '/api/v1/vocabularies/act/terms', { parent: 'threat', label: { es: 'Amenaza con dron', en: 'Drone threat' } }), 201);
  const closed = await ok(admin.req('POST', '/api/v1/vocabularies/context/terms', { label: { es: 'Albergue clausurado', en: 'Closed shelter' } }), 201);

  const actor = await ok(admin.req('POST', '/api/v1/actors', {
    kind: 'person', pseudonym: 'Defensora A', realName: 'María Ejemplo', contact: '+52 55 0000 0000', privateAddress: 'Calle Falsa 123',
    role: 'shelter_director', genderIdentity: 'woman', nationality: 'MX', country: 'MX', state: 'MX-BCN', locality: 'Tijuana', notes: 'Coordina la casa.',
    protectionMeasures: [
      { kind: 'federal_mechanism', status: 'granted_active', reference: 'MPDDHP/123/2019', granted: '2019-09', includes: 'Botón de pánico', notes: 'Revisar cada año' },
      { kind: 'iachr_precautionary', status: 'requested', granted: '2020' },
    ],
  }), 201);
  ids['actor'] = actor.id;

  const old = await ok(admin.req('POST', '/api/v1/incidents', {
    title: 'Amenazas al albergue del norte',
    summary: 'Llamadas de amenaza y vigilancia frente a la casa durante el verano.',
    date: { start: '2019-07', end: '2019-08', approximate: true },
    counts: { dead: 0, survivors: 2 },
    place: { precision: 'crossing', country: 'MX', state: 'MX-BCN', locality: 'Tijuana', routeSegment: 'northwest', crossing: 'us_mx.san_ysidro', private: { lat: 32.5321, lon: -117.0193, address: 'Av. Ejemplo 45, Col. Centro' } },
    context: ['shelter', closed.code],
    status: 'verified', followUp: 'under_investigation', confidentiality: 'restricted',
    victims: [
      { key: 'a', actorId: actor.id },
      { key: 'casa', actor: { kind: 'organisation', pseudonym: 'Albergue Norte', orgType: 'shelter', country: 'MX', protectionMeasures: [{ kind: 'state_mechanism', status: 'under_review' }] } },
    ],
    acts: [
      {
        kind: 'threat.death', victimKey: 'a', date: { start: '2019-07-23' }, methods: ['phone_call', 'private_message'], consequences: ['psychological_harm'], description: 'Le dijeron que se fuera.',
        perpetrators: [
          { perpetrator: 'state.mx.inm', degree: 'direct', country: 'MX', identifiedIndividuals: 'Agente J. Pérez', description: 'Uniformado' },
          { perpetrator: 'non_state.organised_crime', degree: 'suspected' },
        ],
      },
      { kind: 'surveillance.home', victimKey: 'casa', methods: ['vehicle_checkpoint'], perpetrators: [{ perpetrator: 'non_state.unknown' }] },
      { kind: 'defamation.smuggler_label', methods: [], consequences: [] },
    ],
    sources: [
      { kind: 'victim', method: 'in_person', receivedOn: '2019-08-02', reliability: 'usually_reliable', pseudonym: 'Fuente 1', testimony: 'Me llamaron tres veces.\nLa última de noche.', consent: { internal_analysis: 'given', share_partners: 'refused', anonymous_publication: 'given', named_publication: 'not_asked', legal_action: 'withdrawn' } },
      { kind: 'media_report', receivedOn: '2019' },
    ],
    interventions: [
      { kind: 'urgent_appeal', date: '2019-08', actor: 'Casa del Migrante', addressee: 'CNDH', outcome: 'pending', followUp: 'open', notes: 'Sin respuesta aún.' },
      { kind: 'mechanism_inclusion', date: '2019-09-01', outcome: 'granted' },
    ],
  }), 201);
  ids['old'] = old.id;

  const shared = await ok(admin.req('POST', '/api/v1/incidents', {
    title: 'Dron sobre la casa',
    date: { start: '2024-03-10' },
    place: { precision: 'state', country: 'MX', state: 'MX-BCN' },
    victims: [{ key: 'a', actorId: actor.id }],
    acts: [{ kind: drone.code, victimKey: 'a', perpetrators: [{ perpetrator: 'non_state.unknown' }] }],
  }), 201);
  ids['shared'] = shared.id;
  // two edits: three versions, three revisions
  const v2 = await ok(admin.req('PUT', `/api/v1/incidents/${shared.id}`, {
    version: 1, title: 'Dron sobrevuela la casa', date: { start: '2024-03-10' }, place: { precision: 'state', country: 'MX', state: 'MX-BCN' },
    victims: [{ key: 'a', actorId: actor.id }],
    acts: [{ id: shared.acts[0].id, kind: drone.code, victimKey: 'a', perpetrators: [{ id: shared.acts[0].perpetrators[0].id, perpetrator: 'non_state.unknown' }] }],
    sources: [{ kind: 'own_staff', pseudonym: 'Equipo' }],
  }));
  await ok(admin.req('PUT', `/api/v1/incidents/${shared.id}`, {
    version: 2, title: 'Dron sobrevuela la casa', summary: 'Tres noches seguidas.', date: { start: '2024-03-10', end: '2024-03-12' }, place: { precision: 'state', country: 'MX', state: 'MX-BCN' },
    context: ['shelter'], status: 'verified',
    victims: [{ key: 'a', actorId: actor.id }],
    acts: [
      { id: v2.acts[0].id, kind: drone.code, victimKey: 'a', perpetrators: [{ id: v2.acts[0].perpetrators[0].id, perpetrator: 'non_state.unknown', identifiedIndividuals: 'Operador visto' }] },
      { kind: 'surveillance.home', victimKey: 'a' },
    ],
    sources: [{ id: v2.sources[0].id, kind: 'own_staff', pseudonym: 'Equipo', testimony: 'Lo vimos desde el patio.' }],
    interventions: [{ kind: 'press_statement', date: '2024-03-15' }],
  }));

  const removed = await ok(admin.req('POST', '/api/v1/incidents', { title: 'Registro duplicado por error', summary: 'Borrador eliminado', acts: [{ kind: 'harassment' }] }), 201);
  await ok(admin.req('DELETE', `/api/v1/incidents/${removed.id}?version=1`), 204);
  ids['removed'] = removed.id;

  const byDoc = await ok(documenter.req('POST', '/api/v1/incidents', {
    title: 'Acoso en redes a periodista', date: { start: '2025' }, place: { precision: 'country', country: 'GT' },
    victims: [{ key: 'p', actor: { kind: 'person', pseudonym: 'Periodista B', realName: 'Juan Ejemplo', role: 'journalist', migrationStatus: 'national' } }],
    acts: [{ kind: 'harassment.online', victimKey: 'p', perpetrators: [{ perpetrator: 'non_state.social_media_anonymous' }] }],
  }), 201);
  ids['byDoc'] = byDoc.id;

  // retire a shipped term and the admin-added one the old incident uses; change the shared person (version 2)
  await ok(admin.req('PATCH', '/api/v1/vocabularies/act/terms/threat.death', { retired: true }));
  await ok(admin.req('PATCH', `/api/v1/vocabularies/context/terms/${closed.code}`, { retired: true }));
  const current = await ok(admin.req('GET', `/api/v1/actors/${actor.id}?for=edit`));
  const { id: _i, version, orgId: _o, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, ...rest } = current.actor;
  await ok(admin.req('PUT', `/api/v1/actors/${actor.id}`, { ...rest, version, notes: 'Coordina la casa desde 2015.', protectionMeasures: [...rest.protectionMeasures, { kind: 'own_security_plan', status: 'granted_active' }] }));

  docA = await exportWorkspace((await contextOf(a)).ctx);
}, 30_000);

afterAll(async () => {
  await Promise.all([a, b, c].map((w) => w?.close()));
});

describe('interchange format', () => {
  it('exports a valid document with everything, removed incidents and secrets-free accounts included', async () => {
    const parsed = parseInterchangeDocument(JSON.parse(JSON.stringify(docA)));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(docA.incidents.map((i) => i.id)).toEqual([ids['old'], ids['shared'], ids['removed'], ids['byDoc']]);
    expect(docA.incidents[2]!.deletedAt).toBeDefined();
    expect(docA.incidents[1]!.version).toBe(3);
    expect(docA.incidents[0]!.counts).toEqual({ dead: 0, survivors: 2 });
    expect(docA.revisions.filter((r) => r.incidentId === ids['shared']).map((r) => r.version)).toEqual([1, 2, 3]);
    expect(docA.revisions.filter((r) => r.incidentId === ids['removed']).map((r) => r.version)).toEqual([1, 2]);
    expect(docA.vocabularies.terms.find((t) => t.code === 'threat.death')!.retiredAt).toBeDefined();
    expect(docA.vocabularies.terms.filter((t) => !t.builtin).map((t) => t.code).sort()).toEqual(['albergue_clausurado', 'threat.amenaza_con_dron']);
    expect(docA.actors.find((x) => x.id === ids['actor'])).toMatchObject({ version: 2, realName: 'María Ejemplo', protectionMeasures: [{ reference: 'MPDDHP/123/2019' }, { kind: 'iachr_precautionary' }, { kind: 'own_security_plan' }] });
    expect(docA.users.map((u) => u.email)).toEqual(['admin@example.org', 'documenter@example.org']);
    expect(JSON.stringify(docA)).not.toMatch(/argon2|password/i);
    const { rt } = await contextOf(a);
    const audit = await rt.store.audit.list(5);
    expect(audit.some((e) => e.action === 'interchange.exported')).toBe(true);
  });

  it('round-trips exactly into another workspace (other passphrase)', async () => {
    const adminB = new Client(b.app);
    await adminB.login();
    await userWithRole(b, adminB, 'documenter'); // accounts are managed apart: the same people get accounts first
    const { rt, ctx } = await contextOf(b);
    const before = await exportWorkspace(ctx);
    const progress: string[] = [];
    const result = await importWorkspace(ctx, JSON.parse(JSON.stringify(docA)), { onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`), reloadVocabulary: () => rt.reloadVocabulary() });
    expect(result).toMatchObject({ incidents: 4, deletedIncidents: 1, actors: 3, revisions: docA.revisions.length, terms: 2, organisations: 1, usersMatched: 2, usersSkipped: [] });
    expect(progress).toContain('incidents:4/4');

    const after = await exportWorkspace(ctx);
    expect(byEmail(portable(after), after, docA)).toEqual(byEmail(merged(before, docA), before, docA));
    // the records themselves, field by field, are those of A
    expect(byEmail(after.incidents, after, docA)).toEqual(byEmail(docA.incidents, docA));
    expect(byEmail(after.revisions, after, docA)).toEqual(byEmail(docA.revisions, docA));
    // a shipped term B already had keeps B's state (merge rule); the admin-added retired one arrives retired
    expect(after.vocabularies.terms.find((t) => t.code === 'threat.death')!.retiredAt).toBeUndefined();
    const closedA = docA.vocabularies.terms.find((t) => t.code === 'albergue_clausurado')!;
    expect(byEmail(after.vocabularies.terms.find((t) => t.code === 'albergue_clausurado'), after)).toEqual(byEmail(closedA, docA));

    // the app in B reads them as A did: same views (but the per-workspace reference), history attributed, search index built
    const adminA = new Client(a.app);
    await adminA.login();
    for (const id of [ids['old'], ids['shared'], ids['byDoc']]) {
      const [va, vb] = [await ok(adminA.req('GET', `/api/v1/incidents/${id}`)), await ok(adminB.req('GET', `/api/v1/incidents/${id}`))];
      const strip = ({ ref: _r, ...v }: Record<string, unknown>) => v;
      expect(byEmail(strip(vb), after)).toEqual(byEmail(strip(va), docA));
    }
    const history = await ok(adminB.req('GET', `/api/v1/incidents/${ids['shared']}/history`));
    expect(history.revisions.map((r: { version: number; userName: string }) => [r.version, r.userName])).toEqual([[3, ADMIN.displayName], [2, ADMIN.displayName], [1, ADMIN.displayName]]);
    const search = async (q: string) => (await ok(adminB.req('POST', '/api/v1/incidents/search', { q }))).total as number;
    expect(await search('dron')).toBe(1); // the admin-added term's label
    expect(await search('drone')).toBe(1); // … in both languages
    expect(await search('verano')).toBe(1); // words of the summary
    expect(await search('duplicado')).toBe(0); // removed incidents stay out of search
    expect((await ok(adminB.req('POST', '/api/v1/incidents/search', {}))).total).toBe(3);
    expect((await ok(adminB.req('GET', '/api/v1/vocabularies'))).terms.some((t: { code: string }) => t.code === 'threat.amenaza_con_dron')).toBe(true);

    // committed to B's encrypted file: sealed and opened again with B's own passphrase
    await b.vault.seal();
    await b.vault.unseal({ passphrase: OTHER_PASSPHRASE });
    const reopened = await exportWorkspace((await contextOf(b)).ctx);
    expect(portable(reopened)).toEqual(portable(after));
  });

  it('refuses ids the workspace already has, listing them, and writes nothing', async () => {
    const { ctx } = await contextOf(b);
    const counts = await rowCounts(b);
    const err = await failure(importWorkspace(ctx, docA));
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/incidents\[0\]\.id: incident .* already exists/);
    expect(err.message).toMatch(/actors\[0\]\.id: person or organisation .* already exists/);
    expect(await rowCounts(b)).toEqual(counts);
  });

  const clone = () => JSON.parse(JSON.stringify(docA)) as any;
  const corruptions: [string, () => unknown, RegExp][] = [
    ['a wrong type deep inside', () => { const d = clone(); d.incidents[1].acts[0].kind = 42; return d; }, /incidents\[1\]\.acts\[0\]\.kind: must be string, not number/],
    ['an unknown field', () => { const d = clone(); d.incidents[0].sources[0].extra = true; return d; }, /incidents\[0\]\.sources\[0\]: unknown field "extra"/],
    ['an impossible date', () => { const d = clone(); d.incidents[0].acts[0].date = { start: '2019-02-30' }; return d; }, /incidents\[0\]\.acts\[0\]\.date\.start: 2019-02-30 is not a real date/],
    ['an unknown code', () => { const d = clone(); d.incidents[0].acts[1].kind = 'surveillance.by_satellite'; return d; }, /incidents\[0\]\.acts\[1\]\.kind: unknown code "surveillance\.by_satellite" in vocabulary act/],
    ['an unknown code in a person', () => { const d = clone(); d.actors[0].protectionMeasures[0].status = 'maybe'; return d; }, /actors\[0\]\.protectionMeasures\[0\]\.status: unknown code "maybe"/],
    ['a victim missing from the file and the workspace', () => { const d = clone(); d.actors = d.actors.filter((x: { id: string }) => x.id !== ids['actor']); return d; }, /incidents\[0\]\.victims\[0\]: no person or organisation .* in this file or this workspace/],
    ['an act whose victim is not among the incident\'s', () => { const d = clone(); d.incidents[0].victims = [d.incidents[0].victims[1]]; return d; }, /incidents\[0\]\.acts\[0\]\.victimId: .* is not one of this incident's victims/],
    ['a duplicate incident id', () => { const d = clone(); d.incidents.push({ ...d.incidents[3], title: 'copia' }); return d; }, /incidents\[4\]\.id: duplicate id .* \(also at incidents\[3\]\.id\)/],
    ['a duplicate part id', () => { const d = clone(); d.incidents[3].acts[0].id = d.incidents[0].acts[0].id; return d; }, /incidents\[3\]\.acts\[0\]\.id: duplicate id .* \(also at incidents\[0\]\.acts\[0\]\.id\)/],
    ['a revision of an incident not in the file', () => { const d = clone(); d.incidents = d.incidents.slice(1); return d; }, /revisions\[\d+\]\.incidentId: no incident .* in this file/],
    ['another format', () => ({ format: 'csv', version: 1 }), /format: must be "bitacora-interchange"/],
    ['a newer version', () => ({ ...clone(), version: 3 }), /version: this file uses format version 3, written by a newer Bitácora/],
    ['no version', () => { const d = clone(); delete d.version; return d; }, /version: must be a format version from 1 to 2/],
    ['a version 1 file with a field version 1 did not have', () => ({ ...v1Of(clone()), incidents: clone().incidents }), /incidents\[0\]: unknown field "counts"/],
    ['an import run that is not there', () => { const d = clone(); d.incidents[3].importRunId = '00000000-0000-4000-8000-000000000000'; return d; }, /incidents\[3\]\.importRunId: no import run .* in this file or this workspace/],
    ['not an object', () => [1, 2, 3], /must be a JSON object/],
  ];

  it.each(corruptions)('refuses %s, naming the path, and leaves the workspace unchanged', async (_name, make, message) => {
    const { ctx } = await contextOf(c);
    const counts = await rowCounts(c);
    const err = await failure(importWorkspace(ctx, make()));
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(message);
    expect(err.status).toBe(400);
    expect(await rowCounts(c)).toEqual(counts);
  });

  it('still imports a version 1 document, converted to version 2', async () => {
    const { ctx } = await contextOf(c);
    const v1 = v1Of(JSON.parse(JSON.stringify(docA)) as InterchangeDocument);
    expect(parseInterchangeDocument(v1)).toMatchObject({ ok: true, doc: { version: 2, riskAssessments: [], evidence: [], importRuns: [] } });
    class Rollback extends Error {}
    await ctx.store
      .transaction(async (tx) => {
        const inTx = { ...ctx, store: tx };
        const before = await exportWorkspace(inTx);
        expect((await importWorkspace(inTx, v1)).incidents).toBe(4);
        const after = await exportWorkspace(inTx);
        const asV2 = { ...docA, incidents: docA.incidents.map(({ counts: _n, ...inc }) => inc) };
        expect(byEmail(portable(after), after, asV2)).toEqual(byEmail(merged(before, asV2), before, asV2));
        throw new Rollback();
      })
      .catch((e: unknown) => { if (!(e instanceof Rollback)) throw e; });
  });

  it('writes nothing when the import fails half-way through writing', async () => {
    const { ctx } = await contextOf(c);
    const counts = await rowCounts(c);
    const stop = (p: { phase: string }) => { if (p.phase === 'revisions') throw new Error('disk full (simulated)'); };
    await expect(importWorkspace(ctx, docA, { onProgress: stop })).rejects.toThrow('disk full');
    expect(await rowCounts(c)).toEqual(counts);
  });

  it('is for those allowed to: export needs interchange.export, import interchange.import', async () => {
    const { ctx } = await contextOf(c);
    for (const role of ['coordinator', 'documenter', 'analyst', 'viewer'] as const) {
      await expect(exportWorkspace({ ...ctx, user: { ...ctx.user, role } })).rejects.toMatchObject({ status: 403 });
    }
    for (const role of ['coordinator', 'documenter'] as const) {
      await expect(importWorkspace({ ...ctx, user: { ...ctx.user, role } }, docA)).rejects.toMatchObject({ status: 403 });
    }
    await expect(exportWorkspace({ ...ctx, user: { ...ctx.user, role: 'admin' } })).resolves.toMatchObject({ format: 'bitacora-interchange' });
  });

  it('round-trips any subset of the incidents, in any order (property)', async () => {
    const { ctx } = await contextOf(c);
    class Rollback extends Error {}
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(docA.incidents), async (incidents) => {
        const chosen = new Set(incidents.map((i) => i.id));
        const doc: InterchangeDocument = { ...docA, incidents, revisions: docA.revisions.filter((r) => chosen.has(r.incidentId)) };
        // each run inside a transaction that is then rolled back, so every run starts from the same workspace
        await ctx.store
          .transaction(async (tx) => {
            const inTx = { ...ctx, store: tx };
            const before = await exportWorkspace(inTx);
            const result = await importWorkspace(inTx, JSON.parse(JSON.stringify(doc)));
            expect(result.usersSkipped).toEqual(['documenter@example.org']); // C has no such account: references kept as they are
            const after = await exportWorkspace(inTx);
            expect(byEmail(portable(after), after, doc)).toEqual(byEmail(merged(before, doc), before, doc));
            expect(after.incidents.map((i) => i.id)).toEqual(incidents.map((i) => i.id)); // the file's order is kept
            throw new Rollback();
          })
          .catch((e: unknown) => { if (!(e instanceof Rollback)) throw e; });
      }),
      { numRuns: 25 },
    );
    expect((await rowCounts(c)).incidents).toBe(0);
  });
});
