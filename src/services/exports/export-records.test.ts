/**
 * The records export on a known workspace (both backends: unit and unit-postgres). Every
 * expectation is worked out from this list, not by the code under test:
 *  - A "Amenaza A" (organisation): victim with real name and contact, a named perpetrator, the
 *    private point, two sources — F1 consented to internal analysis only, F2 to sharing with
 *    partners only —, counts { dead: 2, children: 1 };
 *  - B "Vigilancia B" (public after review): no identifying value at all;
 *  - R "Reservado R" (restricted), recorded by the admin: shared with them (whoever records it is added);
 *  - H "Oculto H" (restricted), recorded by a documenter and shared with the documenter only;
 *  - D "Borrado D" (organisation), removed.
 * Markers (QZX…) sit in every identifying field, so a leak is a plain substring search.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import type { Role } from '../../domain/user/roles.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { deleteIncident } from '../incidents/read-incidents.js';
import { setShares } from '../incidents/share-incident.js';
import { createUser } from '../users/manage-users.js';
import { exportRecords, type RecordsFile } from './export-records.js';
import { UWAZI_PROPERTIES } from '../../domain/exports/uwazi.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const people: Partial<Record<Role, ServiceContext>> = {};
const ids: Record<string, string> = {};
const NOW = '2026-06-01T12:00:00.000Z';
const RECENT = '2026-06-01T11:58:00.000Z';
const STALE = '2026-06-01T11:50:00.000Z';
const consent = (internal: string, partners: string) => ({ internal_analysis: internal, share_partners: partners, anonymous_publication: 'not_asked', named_publication: 'not_asked', legal_action: 'not_asked' });
const SECRETS = ['QZXNAME', 'QZXCONTACT', 'QZXADDR', 'QZXPERP', 'QZXT1', 'QZXT2', '25.4321'];

async function person(role: Role): Promise<ServiceContext> {
  const u = await createUser(admin, { email: `${role}@example.org`, displayName: role, role, password: 'contraseña-larga-2026' });
  return { ...admin, user: { id: u.id, role, orgId: u.orgId, displayName: role } };
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, NOW);
  people.documenter = await person('documenter');
  people.analyst = await person('analyst');
  const saltillo = { precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo' };
  const [a, b, r, d] = await recordIncidents(admin, [
    {
      title: 'Amenaza A', summary: 'Resumen de A', date: { start: '2026-03', approximate: true }, place: { ...saltillo, routeSegment: 'northeast', private: { lat: 25.4321, lon: -101.0, address: 'QZXADDR calle' } },
      counts: { dead: 2, children: 1 }, context: ['shelter'],
      victims: [{ key: 'v', actor: { kind: 'person', pseudonym: 'Coordinadora A', realName: 'QZXNAME', contact: 'QZXCONTACT', genderIdentity: 'woman', role: 'shelter_coordinator' } }],
      acts: [{ kind: 'threat.death', victimKey: 'v', methods: ['phone_call'], perpetrators: [{ perpetrator: 'state.mx.inm', degree: 'direct', identifiedIndividuals: 'QZXPERP agente' }] }],
      sources: [
        { kind: 'victim', pseudonym: 'F1', testimony: 'QZXT1 testimonio', consent: consent('given', 'refused') },
        { kind: 'witness', pseudonym: 'F2', testimony: 'QZXT2 testimonio', consent: consent('withdrawn', 'given') },
      ],
      interventions: [{ kind: 'urgent_appeal', date: '2026-03-20', actor: 'Red', outcome: 'pending' }],
    },
    { title: 'Vigilancia B', date: { start: '2026-04-02' }, place: { precision: 'state', country: 'MX', state: 'MX-CHP' }, confidentiality: 'public_after_review', acts: [{ kind: 'surveillance' }] },
    { title: 'Reservado R', date: { start: '2026-05' }, place: saltillo, confidentiality: 'restricted' },
    { title: 'Borrado D', date: { start: '2026-05' }, place: saltillo },
  ]);
  const [h] = await recordIncidents(people.documenter, [{ title: 'Oculto H', place: saltillo, confidentiality: 'restricted', victims: [{ key: 'x', actor: { kind: 'person', pseudonym: 'Persona H', realName: 'QZXHIDDEN' } }] }]);
  Object.assign(ids, { a: a!.id, b: b!.id, r: r!.id, d: d!.id, h: h!.id });
  await deleteIncident(admin, d!.id, d!.version);
}, 60_000);
afterAll(async () => {
  await ws?.close();
});

const text = (f: RecordsFile) => (Array.isArray(f.body) ? f.body.join('') : f.body.toString('latin1'));
const csv = (f: RecordsFile) => parse(text(f), { bom: true, columns: true }) as Record<string, string>[];
const audit = async (action: string) => (await admin.store.db.selectFrom('audit_events').select(['action', 'target_id', 'detail', 'user_id']).where('action', '=', action).orderBy('seq').execute());
const lastExport = async () => JSON.parse((await audit('records.exported')).at(-1)!.detail!) as Record<string, unknown>;

describe('records export', () => {
  it('holds only what the exporter may see: restricted only when shared with them (admins too), removed never; identifying values left out', async () => {
    const f = await exportRecords(admin, { format: 'csv', purpose: 'internal', lang: 'en' });
    expect(f.name).toBe('bitacora-incidents.csv');
    expect(f.type).toMatch(/^text\/csv/);
    const rows = csv(f);
    expect(rows.map((r) => r['title'])).toEqual(['Amenaza A', 'Vigilancia B', 'Reservado R']);
    expect(rows[0]).toMatchObject({
      ref: expect.stringMatching(/^INC-\d{6}$/), id: ids['a'], summary: 'Resumen de A', date_start: '2026-03', date_approximate: 'yes', country: 'MX', state_name: 'Coahuila', locality: 'Saltillo',
      place_precision: 'locality', route_segment: 'northeast', acts: 'threat.death', perpetrators: 'state.mx.inm', victims: 'Coordinadora A', victim_count: '1',
      dead: '2', children: '1', missing: '', confidentiality: 'organisation', context: 'shelter',
    });
    expect(Object.keys(rows[0]!)).not.toContain('victims_real_names');
    for (const s of [...SECRETS, 'QZXHIDDEN', 'Oculto H', 'Borrado D']) expect(text(f)).not.toContain(s);
    expect(await lastExport()).toMatchObject({ format: 'csv', lang: 'en', purpose: 'internal', includeIdentifying: false, incidents: 3, restricted: 1, identifyingIncidents: 0, rows: 3 });
    expect((await audit('restricted.read')).filter((e) => e.target_id === ids['r'])).toHaveLength(1);
    // the documenter sees the restricted H (shared with them), not R
    const doc = csv(await exportRecords(people.documenter!, { format: 'csv', purpose: 'internal' }));
    expect(doc.map((r) => r['titulo'])).toEqual(['Amenaza A', 'Vigilancia B', 'Oculto H']);
  });

  it('includes identifying values only after a recent sign-in, a testimony only with consent for the purpose, and audits each incident like a reveal', async () => {
    await expect(exportRecords(admin, { format: 'csv', purpose: 'internal', includeIdentifying: true })).rejects.toMatchObject({ status: 403, code: 'reauth_required' });
    await expect(exportRecords(admin, { format: 'csv', purpose: 'internal', includeIdentifying: true }, { reauthAt: STALE })).rejects.toMatchObject({ status: 403, code: 'reauth_required' });
    const before = (await audit('identifying.exported')).length;
    const f = await exportRecords(admin, { format: 'csv', purpose: 'internal', lang: 'en', includeIdentifying: true, q: 'amenaza' }, { reauthAt: RECENT });
    const rows = csv(f);
    expect(rows.map((r) => r['title'])).toEqual(['Amenaza A']);
    expect(rows[0]).toMatchObject({
      victims_real_names: 'Coordinadora A: QZXNAME', victims_contacts: 'Coordinadora A: QZXCONTACT', private_lat: '25.4321', private_lon: '-101', private_address: 'QZXADDR calle',
      identified_perpetrators: expect.stringContaining('QZXPERP agente'), testimonies: 'F1: QZXT1 testimonio',
    });
    expect(text(f)).not.toContain('QZXT2');
    const reads = (await audit('identifying.exported')).slice(before);
    expect(reads.map((e) => e.target_id)).toEqual([ids['a']]);
    const detail = JSON.parse(reads[0]!.detail!) as { purpose: string; paths: string[] };
    expect(detail).toMatchObject({ purpose: 'internal', format: 'csv' });
    expect(detail.paths).toEqual(['place.private', 'victims[0].actor.realName', 'victims[0].actor.contact', 'acts[0].perpetrators[0].identifiedIndividuals', 'sources[0].testimony']);
    expect(await lastExport()).toMatchObject({ includeIdentifying: true, incidents: 1, identifyingIncidents: 1, testimonies: 1, testimoniesWithheld: 1 });
    const all = (await admin.store.db.selectFrom('audit_events').select('detail').execute()).map((e) => e.detail ?? '').join(' ');
    for (const s of [...SECRETS, 'amenaza']) expect(all).not.toContain(s);
  });

  it('for partners: never a restricted incident nor identifying values, and a testimony only with consent to share', async () => {
    await expect(exportRecords(admin, { format: 'csv', purpose: 'partners', includeIdentifying: true }, { reauthAt: RECENT })).rejects.toMatchObject({ status: 400, problems: [expect.objectContaining({ path: 'includeIdentifying' })] });
    const f = await exportRecords(admin, { format: 'huridocs', purpose: 'partners', lang: 'en' });
    const d = JSON.parse(text(f)) as { events: { title: string; sources: { testimony?: string }[] }[]; persons: Record<string, unknown>[] };
    expect(d.events.map((e) => e.title)).toEqual(['Amenaza A', 'Vigilancia B']);
    for (const s of [...SECRETS, 'Reservado R']) expect(text(f)).not.toContain(s);
    expect(await lastExport()).toMatchObject({ purpose: 'partners', restricted: 0, incidents: 2 });
    const docF = await exportRecords(people.documenter!, { format: 'uwazi', purpose: 'partners' });
    expect(text(docF)).not.toContain('Oculto H');
  });

  it('gives an analyst identifying values only of the incidents a share grants them, and refuses when none does', async () => {
    const analyst = people.analyst!;
    await expect(exportRecords(analyst, { format: 'csv', purpose: 'internal', includeIdentifying: true }, { reauthAt: RECENT })).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    const plain = await exportRecords(analyst, { format: 'csv', purpose: 'internal' });
    expect(csv(plain).map((r) => r['titulo'])).toEqual(['Amenaza A', 'Vigilancia B']);
    await setShares(admin, ids['b']!, { shares: [{ type: 'user', id: analyst.user.id, identifying: true }] });
    const f = await exportRecords(analyst, { format: 'csv', purpose: 'internal', includeIdentifying: true }, { reauthAt: RECENT });
    expect(csv(f).map((r) => r['titulo'])).toEqual(['Amenaza A', 'Vigilancia B']);
    for (const s of SECRETS) expect(text(f)).not.toContain(s);
    // B has no identifying value to give, so nothing is recorded as read
    expect(await lastExport()).toMatchObject({ includeIdentifying: true, identifyingIncidents: 0 });
    await setShares(admin, ids['a']!, { shares: [{ type: 'user', id: analyst.user.id, identifying: true }] });
    const g = await exportRecords(analyst, { format: 'csv', purpose: 'internal', includeIdentifying: true }, { reauthAt: RECENT });
    expect(text(g)).toContain('QZXNAME');
    await setShares(admin, ids['a']!, { shares: [] });
    await setShares(admin, ids['b']!, { shares: [] });
  });

  it('writes every format so that it reads back: XLSX, GeoJSON, HURIDOCS events, Uwazi CSV', async () => {
    const x = await exportRecords(admin, { format: 'xlsx', purpose: 'internal', lang: 'es' });
    expect(x.name).toBe('bitacora-incidents.xlsx');
    const sheet = await readSheet(x.body as Buffer);
    const head = sheet[0] as string[];
    const col = (name: string) => head.indexOf(name);
    expect(sheet.slice(1).map((r) => r[col('titulo')])).toEqual(['Amenaza A', 'Vigilancia B', 'Reservado R']);
    expect(sheet[1]![col('personas_muertas')]).toBe(2);
    expect(sheet[1]![col('num_victimas')]).toBe(1);
    expect(sheet[1]![col('nombre_pais')]).toBe('México');

    const g = JSON.parse(text(await exportRecords(admin, { format: 'geojson', purpose: 'internal', lang: 'en' }))) as { type: string; features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] };
    expect(g.type).toBe('FeatureCollection');
    expect(g.features.map((f) => f.properties['title'])).toEqual(['Amenaza A', 'Vigilancia B', 'Reservado R']);
    expect(g.features[0]!.properties['point_kind']).toBe('town');
    expect(g.features[1]!.properties['point_kind']).toBe('state');
    expect(JSON.stringify(g)).not.toContain('25.4321');
    const gi = JSON.parse(text(await exportRecords(admin, { format: 'geojson', purpose: 'internal', includeIdentifying: true }, { reauthAt: RECENT }))) as typeof g;
    expect(gi.features[0]!.geometry.coordinates).toEqual([-101, 25.4321]);
    expect(gi.features[0]!.properties['point_kind']).toBe('private');

    const h = JSON.parse(text(await exportRecords(admin, { format: 'huridocs', purpose: 'internal', lang: 'en' }))) as { format: string; events: { acts: { actType: { code: string; huridocs?: string }; victim: string; involvements: { perpetrator: { code: string }; degreeOfInvolvement?: { code: string } }[] }[]; interventions: { typeOfIntervention: { code: string } }[] }[]; persons: { personRecordNumber: string; name: string; realName?: string }[] };
    expect(h.format).toBe('huridocs-events');
    const act = h.events[0]!.acts[0]!;
    expect(act.actType).toMatchObject({ code: 'threat.death', huridocs: 'MT4 020103020000 Death threats' });
    expect(act.involvements[0]).toMatchObject({ perpetrator: { code: 'state.mx.inm' }, degreeOfInvolvement: { code: 'direct' } });
    expect(h.persons).toEqual([expect.objectContaining({ personRecordNumber: act.victim, name: 'Coordinadora A' })]);
    expect(h.persons[0]!.realName).toBeUndefined();
    expect(h.events[0]!.interventions[0]!.typeOfIntervention.code).toBe('urgent_appeal');

    const u = await exportRecords(admin, { format: 'uwazi', purpose: 'internal', lang: 'es' });
    expect(u.name).toBe('bitacora-incidents.uwazi.csv');
    const ur = parse(text(u), { columns: true }) as Record<string, string>[];
    expect(Object.keys(ur[0]!)).toEqual(UWAZI_PROPERTIES.filter((p) => !p.identifying).map((p) => p.name));
    expect(ur[0]).toMatchObject({ title: 'Amenaza A', date: '2026/03/01:2026/03/31', date_as_recorded: '2026-03 (aprox.)', country: 'México', state: 'Coahuila', dead: '2', children: '1', geolocation: expect.stringMatching(/^25\.\d+\|-10[01]\.\d+$/) });
    expect(ur[1]!['date']).toBe('2026/04/02:2026/04/02');
  });

  it('refuses more incidents than the cap naming `from`, and bad input naming its field', async () => {
    await expect(exportRecords(admin, { format: 'csv', purpose: 'internal' }, { maxIncidents: 2 })).rejects.toMatchObject({ status: 400, code: 'too_many_incidents', problems: [expect.objectContaining({ path: 'from' })] });
    await expect(exportRecords(admin, { format: 'csv', purpose: 'internal', act: ['surveillance'] }, { maxIncidents: 1 })).resolves.toMatchObject({ incidents: 1 });
    await expect(exportRecords(admin, { format: 'docx', purpose: 'internal' })).rejects.toMatchObject({ status: 400, problems: [expect.objectContaining({ path: 'format' })] });
    await expect(exportRecords(admin, { format: 'csv' })).rejects.toMatchObject({ status: 400, problems: [expect.objectContaining({ path: 'purpose' })] });
  });
});
