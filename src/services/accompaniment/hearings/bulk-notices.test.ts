/**
 * Hearings from a spreadsheet of notices, on both backends: a dry run names each problem by line
 * and column and writes nothing; a family's rows become one hearing with everyone summoned; a
 * commit with a problem left writes nothing; a clean commit writes every hearing in one step; an
 * XLSX file reads the same; another organisation's people are unknown; the caps hold.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../../test/helpers/api.js';
import { allRows } from '../../../../test/helpers/db-tables.js';
import { xlsxFile } from '../../../../test/helpers/xlsx-files.js';
import type { ServiceContext } from '../../context.js';
import { createUser } from '../../users/manage-users.js';
import { newId } from '../../../crypto/random.js';
import { createPerson } from '../people/save-person.js';
import { bulkHearings } from './bulk-notices.js';

let ws: TestWorkspace;
let doc: ServiceContext;
let outsider: ServiceContext;
const refs: Record<string, string> = {};
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const hearingCount = async () => (await allRows(ws.vault.runtime().store.db, 'hearings')).length;

beforeAll(async () => {
  ws = await newWorkspace();
  const admin = await adminContext(ws, '2027-01-10T12:00:00.000Z');
  const other = newId();
  await admin.store.users.insertOrganisation(other, 'Otra casa', '2027-01-10T12:00:00.000Z');
  const u = await createUser(admin, { email: 'doc@example.org', displayName: 'doc', role: 'documenter', password: 'contraseña-larga-2026' });
  doc = { ...admin, user: { id: u.id, role: 'documenter', orgId: u.orgId, displayName: 'doc' } };
  const o = await createUser(admin, { email: 'out@example.org', displayName: 'out', role: 'coordinator', password: 'contraseña-larga-2026', orgId: other });
  outsider = { ...admin, user: { id: o.id, role: 'coordinator', orgId: other, displayName: 'out' } };
  for (const name of ['Gaviota', 'Gaviota hijo', 'Lince', 'Doble', 'Doble']) {
    const p = await createPerson(doc, { pseudonym: name });
    refs[name] = p.ref;
  }
}, 120_000);
afterAll(async () => { await ws?.close(); });

const HEADER = 'Persona;Corte;Fecha;Hora;Tipo;Lugar presentación;Hora presentación;Documentos';

describe('bulk entry of notices', () => {
  it('lists every problem by line and column in a dry run, writing nothing', async () => {
    const csv = [
      HEADER,
      'Gaviota;court-san-diego;03/04/2027;8:30 AM;master_calendar;poe-san-ysidro;5:00 a. m.;hearing_notice, passport',
      'Nadie;Corte X;2027-03-14;02:30;audiencia rara;;;',
      'Doble;court-san-diego;2027-03-14;02:30;bond;;;',
      `${refs['Lince']};court-san-diego;2026-11-01;01:30;bond;lugar;;pasaporte`,
    ].join('\n');
    const r = await bulkHearings(doc, { format: 'csv', content: b64(csv), dryRun: true });
    expect(r.rows).toBe(4);
    expect(r.created).toEqual([]);
    expect(r.problems.map((p) => `${p.line} ${p.column} ${p.code}`)).toEqual([
      '2 Fecha ambiguous_date',
      '3 Persona unknown_person',
      '3 Corte unknown_place',
      '3 Tipo unknown_kind',
      '4 Persona ambiguous_person',
      '4 Hora nonexistent_local_time',
      '5 Hora ambiguous_local_time',
      '5 Lugar presentación unknown_place',
      '5 Hora presentación present_pair',
      '5 Documentos unknown_document',
    ]);
    expect(await hearingCount()).toBe(0);
  });

  it('commits nothing while a problem is left, then everything at once; a family\'s rows are one hearing', async () => {
    const rows = [
      'person,court,date,time,kind,present_place,present_time,documents',
      `Gaviota,San Diego Immigration Court,03/04/2027,8:30 AM,master_calendar,poe-san-ysidro,5:00 a. m.,hearing_notice;passport`,
      `Gaviota hijo,court-san-diego,03/04/2027,08:30,master,Garita de San Ysidro (El Chaparral),05:00,translations`,
      `${refs['Lince']},court-el-paso,2027-03-10,9:00,bond,,,`,
    ];
    const bad = await bulkHearings(doc, { format: 'csv', content: b64([...rows, 'Nadie,court-el-paso,2027-03-10,9:00,bond,,,'].join('\r\n')), dryRun: false, dateOrder: 'mdy' });
    expect(bad.problems.map((p) => `${p.line} ${p.column} ${p.code}`)).toEqual(['5 person unknown_person']);
    expect(bad.created).toEqual([]);
    expect(await hearingCount()).toBe(0);
    const dry = await bulkHearings(doc, { format: 'csv', content: b64(rows.join('\r\n')), dryRun: true, dateOrder: 'mdy' });
    expect(dry.problems).toEqual([]);
    expect(await hearingCount()).toBe(0);
    const ok = await bulkHearings(doc, { format: 'csv', content: b64(rows.join('\r\n')), dryRun: false, dateOrder: 'mdy' });
    expect(ok.problems).toEqual([]);
    expect(ok.created).toHaveLength(2);
    const family = ok.created.find((h) => h.court === 'court-san-diego')!;
    expect(family.startsLocal).toBe('2027-03-04T08:30');
    expect(family.presentLocal).toBe('2027-03-04T05:00');
    expect(family.people.map((p) => p.pseudonym)).toEqual(['Gaviota', 'Gaviota hijo']);
    expect(await hearingCount()).toBe(2);
    // the same file again: already recorded, nothing written
    const again = await bulkHearings(doc, { format: 'csv', content: b64(rows.join('\r\n')), dryRun: false, dateOrder: 'mdy' });
    expect(again.problems.map((p) => p.code)).toEqual(['already_recorded', 'already_recorded', 'already_recorded']);
    expect(await hearingCount()).toBe(2);
  });

  it('reads XLSX the same, and another organisation\'s people are unknown', async () => {
    const file = await xlsxFile([{ name: 'Avisos', rows: [['persona', 'corte', 'fecha', 'hora', 'tipo'], [refs['Lince']!, 'court-tucson', '2027-04-02', '10:00', 'status_check']] }]);
    const r = await bulkHearings(doc, { format: 'xlsx', content: b64(file), dryRun: true });
    expect(r.problems).toEqual([]);
    const out = await bulkHearings(outsider, { format: 'xlsx', content: b64(file), dryRun: true });
    expect(out.problems.map((p) => `${p.line} ${p.column} ${p.code}`)).toEqual(['2 persona unknown_person']);
    await expect(bulkHearings(doc, { format: 'csv', content: b64(file), dryRun: true })).rejects.toMatchObject({ status: 400, problems: [expect.objectContaining({ path: 'format', code: 'format_mismatch' })] });
  });

  it('names missing columns and refuses what is not a file or too long', async () => {
    const r = await bulkHearings(doc, { format: 'csv', content: b64('person,date\nLince,2027-01-01\n'), dryRun: true });
    expect(r.problems.map((p) => `${p.line} ${p.column} ${p.code}`)).toEqual(['1 court missing_column', '1 time missing_column', '1 kind missing_column']);
    await expect(bulkHearings(doc, { format: 'csv', content: '@@not base64@@', dryRun: true })).rejects.toMatchObject({ status: 400, problems: [expect.objectContaining({ path: 'content', code: 'bad_base64' })] });
    const many = ['person,court,date,time,kind', ...Array.from({ length: 2001 }, () => `${refs['Lince']},court-tucson,2027-04-03,10:00,bond`)].join('\n');
    const big = await bulkHearings(doc, { format: 'csv', content: b64(many), dryRun: true });
    expect(big.problems.some((p) => p.code === 'too_many_rows')).toBe(true);
  });
});
