/**
 * Accompaniment through the interchange format, on real encrypted workspaces (both backends): a
 * workspace with families, people (an identity and a needs note sealed under 'accompanied/<id>'),
 * hearings (representative and notes sealed under 'hearing/<id>', who is summoned, a reminder, the
 * next hearing), and a run with two legs (a meeting point sealed under 'run/<id>', an escort, a
 * partner organisation), passengers and marks — written as the repositories write them — exported,
 * imported into a fresh workspace (another passphrase), exported again. The records come back
 * equal, with the same references; sealed values open again under the importing workspace's keys
 * and are nowhere in its database in the clear. A coordinator or escort without an account there
 * is refused naming its path, nothing written; importing twice is a conflict.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Kysely } from 'kysely';
import { adminContext, newWorkspace, ADMIN, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { newId } from '../../crypto/random.js';
import { isSealedValue } from '../../crypto/envelope.js';
import { FieldSealer, recordName } from '../../store/repositories/sealed-fields.js';
import { AccompanimentRows } from '../../store/interchange/accompaniment-rows.js';
import type { Database } from '../../store/schema-types.js';
import { createUser } from '../users/manage-users.js';
import { createActor } from '../actors/manage-actors.js';
import { ServiceError } from '../errors.js';
import type { InterchangeDocument } from './interchange-format.js';
import { exportWorkspace } from './export-workspace.js';
import { importWorkspace } from './import-workspace.js';

const OTHER_PASSPHRASE = 'otra frase de paso, distinta 2026';
const T0 = '2027-03-01T10:00:00.000Z';
const T = (h: number) => new Date(Date.parse(T0) + h * 3_600_000).toISOString();
const PASSWORD = 'contraseña-larga-2026';
const ESCORT = { email: 'chofer@example.org', displayName: 'Beto', role: 'documenter' as const };

const IDENTITY = { names: 'María Ejemplo López', caseNumbers: ['A-123-456-789'], registrationNumbers: ['CURP EJML900101'], dateOfBirth: '1990-01-01', phones: ['+52 664 000 0000'], messaging: ['signal:@maria'], documents: 'Pasaporte en el albergue' };
const SECRETS = ['María Ejemplo', 'A-123-456-789', 'CURP EJML', '+52 664', 'signal:@maria', 'Pasaporte en el albergue', 'Usa silla de ruedas', 'Lic. Ejemplo', 'Llevar traducción', 'Puerta azul del albergue'];

let a: TestWorkspace;
let b: TestWorkspace;
let c: TestWorkspace;
let adminA: ServiceContext;
let adminB: ServiceContext;
let adminC: ServiceContext;
let docA: InterchangeDocument;
const ids: Record<string, string> = {};

async function freshWorkspace(withEscort: boolean): Promise<{ ws: TestWorkspace; ctx: ServiceContext }> {
  const ws = await newWorkspace({ setup: false });
  await ws.vault.setup({ workspaceName: 'Otra red', organisationName: 'Casa de prueba', language: 'es', passphrase: OTHER_PASSPHRASE, admin: ADMIN });
  const ctx = await adminContext(ws, T(100));
  if (withEscort) await createUser(ctx, { ...ESCORT, password: PASSWORD });
  return { ws, ctx };
}

/** Rows as the accompaniment repositories write them: sealed values through FieldSealer, bound to their record, table, row and column. */
async function seed(ctx: ServiceContext, escortId: string, shelterId: string): Promise<void> {
  const db = ctx.store.db as Kysely<Database>;
  const sealer = new FieldSealer(db, ctx.store.keys);
  const org = ctx.user.orgId;
  const by = ctx.user.id;
  for (const k of ['family', 'p1', 'p2', 'p3', 'h1', 'h2', 'run', 'leg1', 'leg2', 'reminder', 'partner']) ids[k] = newId();
  await db.insertInto('organisations').values({ id: ids['partner']!, name: 'Red socia del otro lado', created_at: T(0) }).execute();
  await db.insertInto('accompanied_families').values({ id: ids['family']!, org_id: org, ref: 'FAM-0001', label: 'Familia Norte', created_at: T(1), created_by: by, updated_at: T(2), version: 2 }).execute();

  const person = async (id: string, ref: string, extra: Partial<Database['accompanied_people']>, identity?: object, needsNote?: string) => {
    const dk = identity || needsNote ? await sealer.dataKey(recordName('accompanied', id), true) : undefined;
    const slot = (column: string) => ({ record: recordName('accompanied', id), table: 'accompanied_people', row: id, column });
    await db.insertInto('accompanied_people').values({
      id, org_id: org, ref, pseudonym: `Persona ${ref}`, family_id: null, family_role: null, nationality: null, languages: '["es"]', age_group: 'adult', needs: '[]',
      needs_note: dk ? sealer.seal(dk, slot('needs_note'), needsNote) : null, staying_at: null, reminder_lang: 'es',
      identity: dk && identity ? sealer.seal(dk, slot('identity'), JSON.stringify(identity)) : null, status: 'active',
      created_at: T(3), created_by: by, updated_at: T(4), updated_by: by, version: 3, ...extra,
    }).execute();
  };
  await person(ids['p1']!, 'ACP-0001', { family_id: ids['family']!, family_role: 'head', nationality: 'HN', languages: '["es","en"]', needs: '["wheelchair","interpreter"]', reminder_lang: 'en', staying_at: shelterId }, IDENTITY, 'Usa silla de ruedas; no sube escaleras.');
  await person(ids['p2']!, 'ACP-0002', { family_id: ids['family']!, family_role: 'child', age_group: 'child', needs: '["infant"]' });
  await person(ids['p3']!, 'ACP-0003', { status: 'closed', age_group: 'unknown', languages: '[]' });

  const hearing = async (id: string, ref: string, extra: Partial<Database['hearings']>, representative?: string, notes?: string) => {
    const dk = representative || notes ? await sealer.dataKey(recordName('hearing', id), true) : undefined;
    const slot = (column: string) => ({ record: recordName('hearing', id), table: 'hearings', row: id, column });
    await db.insertInto('hearings').values({
      id, org_id: org, ref, court: 'court-san-diego', zone: 'America/Los_Angeles', starts_at: '2027-03-14T16:00:00.000Z', kind: 'master_calendar',
      present_place: null, present_zone: null, present_at: null, representative: dk ? sealer.seal(dk, slot('representative'), representative) : null,
      documents: '[]', notes: dk ? sealer.seal(dk, slot('notes'), notes) : null, status: 'scheduled', outcome: null, outcome_at: null, next_hearing_id: null,
      created_at: T(5), created_by: by, updated_at: T(6), updated_by: by, version: 1, ...extra,
    }).execute();
  };
  // the first hearing names the next one, which comes later in the file
  await hearing(ids['h2']!, 'HRG-0002', { starts_at: '2027-06-01T16:00:00.000Z', kind: 'individual_merits' });
  await hearing(ids['h1']!, 'HRG-0001', {
    present_place: 'poe-san-ysidro', present_zone: 'America/Los_Angeles', present_at: '2027-03-14T12:00:00.000Z', documents: '["hearing_notice","passport"]',
    status: 'held', outcome: 'continued', outcome_at: T(20), next_hearing_id: ids['h2']!, version: 4,
  }, 'Lic. Ejemplo, despacho de la red', 'Llevar traducción del acta.\nPreguntar por la fianza.');
  await db.insertInto('hearing_people').values([{ hearing_id: ids['h1']!, person_id: ids['p1']!, attendance: 'presented' }, { hearing_id: ids['h1']!, person_id: ids['p2']!, attendance: 'excused' }, { hearing_id: ids['h2']!, person_id: ids['p1']!, attendance: 'expected' }]).execute();
  await db.insertInto('hearing_reminders').values({ id: ids['reminder']!, hearing_id: ids['h1']!, person_id: ids['p1']!, channel: 'print', lang: 'en', status: 'printed', at: T(7), by_user: escortId }).execute();

  const runDk = await sealer.dataKey(recordName('run', ids['run']!), true);
  await db.insertInto('transport_runs').values({ id: ids['run']!, org_id: org, ref: 'RUN-0001', day: '2027-03-14', label: 'Mexicali a San Ysidro', coordinator_id: by, arrive_place: 'poe-san-ysidro', arrive_zone: 'America/Los_Angeles', arrive_at: '2027-03-14T11:00:00.000Z', margin_minutes: 30, status: 'ended', ended_at: T(21), created_at: T(8), created_by: by, updated_at: T(21), version: 5 }).execute();
  await db.insertInto('transport_legs').values([
    {
      id: ids['leg1']!, run_id: ids['run']!, ordinal: 1, from_place: 'mx-mexicali', from_zone: 'America/Tijuana', to_place: 'mx-tijuana', to_zone: 'America/Tijuana', mode: 'bus',
      depart_at: '2027-03-14T06:30:00.000Z', fixed_depart: 1, arrive_at: '2027-03-14T09:30:00.000Z', seats: 3, escort_id: escortId, handoff_org_id: null, mark_by: '2027-03-14T09:50:00.000Z',
      meeting_point: sealer.seal(runDk, { record: recordName('run', ids['run']!), table: 'transport_legs', row: ids['leg1']!, column: 'meeting_point' }, 'Puerta azul del albergue, 23:00'),
    },
    {
      id: ids['leg2']!, run_id: ids['run']!, ordinal: 2, from_place: 'mx-tijuana', from_zone: 'America/Tijuana', to_place: 'poe-san-ysidro', to_zone: 'America/Los_Angeles', mode: 'walk',
      depart_at: '2027-03-14T11:00:00.000Z', fixed_depart: 0, arrive_at: '2027-03-14T11:40:00.000Z', seats: null, escort_id: null, handoff_org_id: ids['partner']!, mark_by: '2027-03-14T12:00:00.000Z', meeting_point: null,
    },
  ]).execute();
  await db.insertInto('transport_passengers').values([{ run_id: ids['run']!, person_id: ids['p1']!, hearing_id: ids['h1']!, ordinal: 0 }, { run_id: ids['run']!, person_id: ids['p2']!, hearing_id: null, ordinal: 1 }]).execute();
  await db.insertInto('leg_marks').values([
    { leg_id: ids['leg1']!, person_id: ids['p1']!, status: 'arrived', at: T(9), by_user: escortId, version: 3 },
    { leg_id: ids['leg1']!, person_id: ids['p2']!, status: 'arrived', at: T(9), by_user: escortId, version: 2 },
    { leg_id: ids['leg2']!, person_id: ids['p1']!, status: 'presented', at: T(10), by_user: by, version: 2 },
    { leg_id: ids['leg2']!, person_id: ids['p2']!, status: 'pending', at: null, by_user: null, version: 1 },
  ]).execute();
}

/** Replaces every user id of the documents' account lists with "user:<e-mail>": user ids are per workspace. */
function byEmail<V>(value: V, ...docs: InterchangeDocument[]): V {
  let json = JSON.stringify(value);
  for (const d of docs) for (const u of d.users) json = json.replaceAll(`"${u.id}"`, JSON.stringify(`user:${u.email}`));
  return JSON.parse(json) as V;
}
const sections = (d: InterchangeDocument) => ({ accompaniedFamilies: d.accompaniedFamilies, accompaniedPeople: d.accompaniedPeople, hearings: d.hearings, transportRuns: d.transportRuns });

async function dump(ctx: ServiceContext): Promise<string> {
  const db = ctx.store.db as Kysely<Database>;
  let out = '';
  for (const t of ['accompanied_families', 'accompanied_people', 'hearings', 'hearing_people', 'hearing_reminders', 'transport_runs', 'transport_legs', 'transport_passengers', 'leg_marks'] as const) {
    out += JSON.stringify(await db.selectFrom(t).selectAll().execute());
  }
  return out;
}

beforeAll(async () => {
  a = await newWorkspace();
  adminA = await adminContext(a, T0);
  const escort = await createUser(adminA, { ...ESCORT, password: PASSWORD });
  const shelter = await createActor(adminA, { kind: 'organisation', pseudonym: 'Albergue del Desierto' } as never);
  ids['shelter'] = shelter.id;
  await seed(adminA, escort.id, shelter.id);
  docA = await exportWorkspace(adminA);
  ({ ws: b, ctx: adminB } = await freshWorkspace(true));
  ({ ws: c, ctx: adminC } = await freshWorkspace(false));
}, 180_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await c?.close();
});

describe('accompaniment in the interchange format', () => {
  it('exports every record with its sealed values opened, and references left out', () => {
    expect(docA.accompaniedFamilies).toEqual([{ id: ids['family'], orgId: adminA.user.orgId, label: 'Familia Norte', createdAt: T(1), createdBy: adminA.user.id, updatedAt: T(2), version: 2 }]);
    expect(docA.accompaniedPeople.map((p) => p.id)).toEqual([ids['p1'], ids['p2'], ids['p3']]);
    const [p1, p2] = docA.accompaniedPeople;
    expect(p1).toMatchObject({ identity: IDENTITY, needsNote: 'Usa silla de ruedas; no sube escaleras.', stayingAt: ids['shelter'], familyRole: 'head', languages: ['es', 'en'], needs: ['wheelchair', 'interpreter'], reminderLang: 'en', version: 3 });
    expect(p2).not.toHaveProperty('identity');
    expect(p2).not.toHaveProperty('needsNote');
    expect(docA.hearings.map((h) => h.id)).toEqual([ids['h1'], ids['h2']]);
    expect(docA.hearings[0]).toMatchObject({
      representative: 'Lic. Ejemplo, despacho de la red', notes: 'Llevar traducción del acta.\nPreguntar por la fianza.', nextHearingId: ids['h2'], documents: ['hearing_notice', 'passport'],
      people: [ids['p1']!, ids['p2']!].sort().map((id) => ({ personId: id, attendance: id === ids['p1'] ? 'presented' : 'excused' })),
      reminders: [{ id: ids['reminder'], personId: ids['p1'], channel: 'print', lang: 'en', status: 'printed', at: T(7) }],
    });
    const run = docA.transportRuns[0]!;
    expect(run.legs.map((l) => [l.ordinal, l.meetingPoint, l.handoffOrgId])).toEqual([[1, 'Puerta azul del albergue, 23:00', undefined], [2, undefined, ids['partner']]]);
    expect(run.passengers).toEqual([{ personId: ids['p1'], hearingId: ids['h1'], ordinal: 0 }, { personId: ids['p2'], ordinal: 1 }]);
    expect(run.legs[1]!.marks.find((m) => m.personId === ids['p2'])).toEqual({ personId: ids['p2'], status: 'pending', version: 1 });
    expect(JSON.stringify(docA)).not.toMatch(/"(ACP|FAM|HRG|RUN)-\d+"/);
  });

  it('refuses a run whose escort has no account in the importing workspace, naming the path, and writes nothing', async () => {
    const err = await importWorkspace(adminC, docA).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    const problems = (err as ServiceError).problems ?? [];
    expect(problems.map((p) => p.path)).toEqual(['transportRuns[0].legs[0].escortId']);
    expect(await dump(adminC)).toBe('[][][][][][][][][]');
  });

  it('imports into a fresh workspace: the same records and references, sealed values open again and are not in the database in the clear', async () => {
    const result = await importWorkspace(adminB, docA);
    expect(result).toMatchObject({ accompaniedFamilies: 1, accompaniedPeople: 3, hearings: 2, transportRuns: 1 });
    const docB = await exportWorkspace(adminB);
    expect(byEmail(sections(docB), docA, docB)).toEqual(byEmail(sections(docA), docA, docB));

    // references numbered by B, the same as A's (A numbered without gaps)
    const refs = async (ctx: ServiceContext) => {
      const db = ctx.store.db as Kysely<Database>;
      const of = async (t: 'accompanied_families' | 'accompanied_people' | 'hearings' | 'transport_runs') => (await db.selectFrom(t).select(['id', 'ref']).orderBy('ref').execute()).map((r) => `${r.ref} ${r.id}`);
      return [await of('accompanied_families'), await of('accompanied_people'), await of('hearings'), await of('transport_runs')];
    };
    expect(await refs(adminB)).toEqual(await refs(adminA));

    // sealed under B's keys, with the repositories' convention: open them the way they do
    const dbB = adminB.store.db as Kysely<Database>;
    const sealer = new FieldSealer(dbB, adminB.store.keys);
    const p1 = await dbB.selectFrom('accompanied_people').selectAll().where('id', '=', ids['p1']!).executeTakeFirstOrThrow();
    const pk = await sealer.dataKey(recordName('accompanied', ids['p1']!), false);
    expect(isSealedValue(p1.identity!)).toBe(true);
    expect(JSON.parse(sealer.open(pk, { record: recordName('accompanied', ids['p1']!), table: 'accompanied_people', row: ids['p1']!, column: 'identity' }, p1.identity)!)).toEqual(IDENTITY);
    expect(sealer.open(pk, { record: recordName('accompanied', ids['p1']!), table: 'accompanied_people', row: ids['p1']!, column: 'needs_note' }, p1.needs_note)).toBe('Usa silla de ruedas; no sube escaleras.');
    const h1 = await dbB.selectFrom('hearings').selectAll().where('id', '=', ids['h1']!).executeTakeFirstOrThrow();
    const hk = await sealer.dataKey(recordName('hearing', ids['h1']!), false);
    expect(sealer.open(hk, { record: recordName('hearing', ids['h1']!), table: 'hearings', row: ids['h1']!, column: 'representative' }, h1.representative)).toBe('Lic. Ejemplo, despacho de la red');
    expect(sealer.open(hk, { record: recordName('hearing', ids['h1']!), table: 'hearings', row: ids['h1']!, column: 'notes' }, h1.notes)).toBe('Llevar traducción del acta.\nPreguntar por la fianza.');
    expect(h1.next_hearing_id).toBe(ids['h2']);
    const leg = await dbB.selectFrom('transport_legs').selectAll().where('id', '=', ids['leg1']!).executeTakeFirstOrThrow();
    const rk = await sealer.dataKey(recordName('run', ids['run']!), false);
    expect(sealer.open(rk, { record: recordName('run', ids['run']!), table: 'transport_legs', row: ids['leg1']!, column: 'meeting_point' }, leg.meeting_point)).toBe('Puerta azul del albergue, 23:00');
    // the escort and the coordinator are B's accounts with the same e-mails
    const escortB = (await adminB.store.users.list()).find((u) => u.email === ESCORT.email)!;
    expect(leg.escort_id).toBe(escortB.id);
    expect((await dbB.selectFrom('transport_runs').select('coordinator_id').executeTakeFirstOrThrow()).coordinator_id).toBe(adminB.user.id);
    // read whole, the rows are A's
    const rowsA = new AccompanimentRows(adminA.store.db as Kysely<Database>, adminA.store.keys);
    const rowsB = new AccompanimentRows(dbB, adminB.store.keys);
    expect((await rowsB.people()).map((p) => [p.ref, p.identity === null ? null : JSON.parse(p.identity), p.needs_note])).toEqual((await rowsA.people()).map((p) => [p.ref, p.identity === null ? null : JSON.parse(p.identity), p.needs_note]));

    const raw = await dump(adminB);
    for (const secret of SECRETS) expect(raw).not.toContain(secret);
    // and no data key was made for a record with nothing sealed
    expect(await sealer.dataKey(recordName('accompanied', ids['p2']!), false)).toBeUndefined();
  });

  it('refuses to import the same records twice, listing them, and writes nothing', async () => {
    const before = await dump(adminB);
    const err = await importWorkspace(adminB, docA).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).status).toBe(409);
    const paths = ((err as ServiceError).problems ?? []).map((p) => p.path);
    for (const p of ['accompaniedFamilies[0].id', 'accompaniedPeople[2].id', 'hearings[1].id', 'hearings[0].reminders[0].id', 'transportRuns[0].id', 'transportRuns[0].legs[1].id']) expect(paths).toContain(p);
    expect(await dump(adminB)).toBe(before);
  });

  it('checks references, places, zones and organisations of the accompaniment sections', async () => {
    const doc = structuredClone(docA);
    const other = newId();
    doc.accompaniedPeople[1]!.familyId = other;
    doc.accompaniedPeople[0]!.stayingAt = other;
    doc.hearings[0]!.court = 'nowhere';
    doc.hearings[0]!.zone = 'Mars/Olympus';
    doc.hearings[0]!.reminders[0]!.personId = ids['p3']!;
    doc.transportRuns[0]!.legs[1]!.ordinal = 1;
    doc.transportRuns[0]!.legs[1]!.marks[0]!.personId = ids['p3']!;
    doc.transportRuns[0]!.passengers[1]!.hearingId = other;
    const err = await importWorkspace(adminC, { ...doc, transportRuns: doc.transportRuns.map((r) => ({ ...r, legs: r.legs.map(({ escortId: _e, ...l }) => l) })) }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect(((err as ServiceError).problems ?? []).map((p) => p.path).sort()).toEqual([
      'accompaniedPeople[0].stayingAt', 'accompaniedPeople[1].familyId', 'hearings[0].court', 'hearings[0].reminders[0].personId', 'hearings[0].zone',
      'transportRuns[0].legs[1].marks[0].personId', 'transportRuns[0].legs[1].ordinal', 'transportRuns[0].passengers[1].hearingId',
    ]);
    expect(await dump(adminC)).toBe('[][][][][][][][][]');
  });

  it('reads a file of version 2 written without the accompaniment sections as having none', async () => {
    const { accompaniedFamilies: _f, accompaniedPeople: _p, hearings: _h, transportRuns: _r, ...older } = docA;
    const { parseInterchangeDocument } = await import('./interchange-format.js');
    const parsed = parseInterchangeDocument(JSON.parse(JSON.stringify(older)));
    expect(parsed.ok && sections(parsed.doc)).toEqual({ accompaniedFamilies: [], accompaniedPeople: [], hearings: [], transportRuns: [] });
  });
});
