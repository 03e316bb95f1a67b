/**
 * Urgent appeals through the use cases, on both backends: a defender detained at a port of entry,
 * an urgent case on it (rows made here directly: the urgent-case use cases are not this file's
 * subject), appeals drafted to the IACHR and the Mechanism with and without consent to legal
 * action, edited, exported as a PDF, sent and answered. Who may do what (403), need-to-know on a
 * restricted incident (404), stale versions and closed cases (409), dates refused naming the field,
 * the audit with no text in it, and the letter and note sealed in the database.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { fullIncident } from '../../../test/helpers/fixtures.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { draftAppeal } from './draft-appeal.js';
import { listAppeals, readAppeal } from './read-appeals.js';
import { updateAppealLetter } from './update-appeal.js';
import { exportAppealPdf } from './export-appeal.js';
import { recordAppealSent } from './record-sent.js';
import { recordAppealAnswer } from './record-answer.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const NOW = '2026-03-05T15:00:00.000Z';
const at = (ctx: ServiceContext, now: string): ServiceContext => ({ ...ctx, now: () => now });
const as = (role: ServiceContext['user']['role'], id = `other-${role}`): ServiceContext => ({ ...admin, user: { ...admin.user, id, role } });
const MARK = 'QZAPPEALSVC';
const EDIT = 'QZEDITEDLETTER';
const NOTE = 'QZANSWERNOTE';
const ids: Record<string, string> = {};
let refs = 0;

/** An urgent case row on `incidentId` (the urgent-case use cases belong to another part). */
async function urgentCase(incidentId: string, status: 'open' | 'closed' = 'open'): Promise<string> {
  const id = randomUUID();
  await ws.vault.runtime().store.db.insertInto('urgent_cases').values({
    id, incident_id: incidentId, ref: `URG-${String(++refs).padStart(4, '0')}`, kind: 'detention', owner_id: admin.user.id, status,
    opened_at: NOW, opened_by: admin.user.id, closed_at: status === 'closed' ? NOW : null, outcome: null, closing_note: null, updated_at: NOW, version: 1,
  }).execute();
  return id;
}

function incident(legalAction: string, extra: Record<string, unknown> = {}) {
  const base = fullIncident(MARK);
  return { ...base, sources: base.sources.map((s) => ({ ...s, consent: { ...s.consent, legal_action: legalAction } })), ...extra };
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = at(await adminContext(ws), NOW);
  const [given, refused, restricted] = await recordIncidents(admin, [incident('given'), incident('refused'), incident('given', { confidentiality: 'restricted' })]);
  ids['given'] = given!.id;
  ids['refused'] = refused!.id;
  ids['restricted'] = restricted!.id;
  ids['case'] = await urgentCase(given!.id);
  ids['refusedCase'] = await urgentCase(refused!.id);
  ids['restrictedCase'] = await urgentCase(restricted!.id);
  ids['closedCase'] = await urgentCase(given!.id, 'closed');
}, 60_000);
afterAll(async () => { await ws?.close(); });

describe('urgent appeals', () => {
  it('drafts a letter to the IACHR with the testimony and the real name when a source consented to legal action', async () => {
    const a = await draftAppeal(admin, ids['case']!, { body: 'iachr', lang: 'es' });
    ids['appeal'] = a.id;
    expect(a).toMatchObject({ caseId: ids['case'], body: 'iachr', lang: 'es', version: 1, createdAt: NOW, createdBy: 'Rosa (admin)' });
    expect(a.sentAt).toBeUndefined();
    expect(a.letter).toContain('Comisión Interamericana de Derechos Humanos');
    expect(a.letter).toContain('artículo 25 de su Reglamento');
    expect(a.letter).toContain('Ref. URG-0001');
    expect(a.letter).toContain('Casa de prueba');
    expect(a.letter).toContain(`Nombre Real ${MARK}`);
    expect(a.letter).toContain(`Me dijeron que me fuera ${MARK}`);
    expect(a.letter).toContain('aproximadamente entre julio de 2026 y el 15 de agosto de 2026, en Saltillo, Coahuila, México.');
    for (const never of [`+52 000 ${MARK}`, `Calle secreta 12 ${MARK}`, `Dirección ${MARK}`, `alias El ${MARK}`, `Amenaza y vigilancia en el albergue ${MARK}`, `Dos hombres armados`]) expect(a.letter).not.toContain(never);
    expect(a.included.map((i) => i.what)).toEqual(expect.arrayContaining(['case_ref', 'date', 'place', 'acts', 'perpetrators', 'victims', 'real_names', 'testimony']));
    expect(a.withheld).toEqual(expect.arrayContaining([
      { what: 'contacts', reason: 'never_included' }, { what: 'private_addresses', reason: 'never_included' }, { what: 'private_place', reason: 'never_included' },
      { what: 'identified_perpetrators', reason: 'never_included' }, { what: 'title', reason: 'never_included' }, { what: 'summary', reason: 'never_included' },
    ]));
  });

  it('leaves the testimony and the names out when consent to legal action was refused, and says why', async () => {
    const a = await draftAppeal(as('documenter'), ids['refusedCase']!, { body: 'mx_mechanism', lang: 'en' });
    expect(a.letter).toContain('Protection Mechanism for Human Rights Defenders and Journalists');
    expect(a.letter).toContain('extraordinary procedure');
    expect(a.letter).not.toContain(MARK);
    expect(a.letter).toContain('“Coordinador A” (pseudonym)');
    expect(a.letter).toContain('[identifying details: to be communicated through a secure channel]');
    expect(a.withheld).toEqual(expect.arrayContaining([
      { what: 'real_names', reason: 'no_legal_action_consent' },
      { what: 'testimony', reason: 'no_legal_action_consent', subject: 'Fuente 1', n: 1, consent: 'refused' },
    ]));
    expect(a.included.map((i) => i.what)).not.toContain('testimony');
  });

  it('lists a case\'s appeals without their letters, and reads one (audited)', async () => {
    const list = await listAppeals(admin, ids['case']!);
    expect(list.items).toEqual([{ id: ids['appeal'], caseId: ids['case'], body: 'iachr', lang: 'es', version: 1, createdAt: NOW, createdBy: 'Rosa (admin)', updatedAt: NOW }]);
    expect(JSON.stringify(list)).not.toContain(MARK);
    const one = await readAppeal(as('documenter'), ids['appeal']!);
    expect(one.letter).toContain(`Nombre Real ${MARK}`);
    await expect(readAppeal(admin, randomUUID())).rejects.toMatchObject({ status: 404 });
    await expect(listAppeals(admin, randomUUID())).rejects.toMatchObject({ status: 404 });
  });

  it('saves an edited letter, refusing a stale version', async () => {
    const a = await readAppeal(admin, ids['appeal']!);
    const edited = a.letter.replace('[Amplíe aquí el relato de los hechos.]', `Fue detenido en la garita. ${EDIT}`);
    const saved = await updateAppealLetter(at(admin, '2026-03-05T16:00:00.000Z'), ids['appeal']!, { letter: edited, version: 1 });
    expect(saved).toMatchObject({ version: 2, updatedAt: '2026-03-05T16:00:00.000Z' });
    expect(saved.letter).toContain(EDIT);
    // what the draft was filled with is kept with it
    expect(saved.included.map((i) => i.what)).toContain('testimony');
    await expect(updateAppealLetter(admin, ids['appeal']!, { letter: 'otra', version: 1 })).rejects.toMatchObject({ status: 409, code: 'conflict' });
    await expect(updateAppealLetter(admin, ids['appeal']!, { letter: '   ', version: 2 })).rejects.toMatchObject({ status: 400, problems: [{ path: 'letter' }] });
    await expect(updateAppealLetter(admin, ids['appeal']!, { letter: 'x'.repeat(50_001), version: 2 })).rejects.toMatchObject({ status: 400, problems: [{ path: 'letter' }] });
    expect((await readAppeal(admin, ids['appeal']!)).letter).toContain(EDIT);
  });

  it('exports the edited letter as a PDF (audited)', async () => {
    const { pdf, fileName } = await exportAppealPdf(admin, ids['appeal']!);
    expect(fileName).toBe('apelacion-urgente.pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain(`Fue detenido en la garita. ${EDIT}`);
    expect(text).toContain('Solicitud de medidas cautelares (artículo 25 del Reglamento de la CIDH)');
    expect(text).toContain(`«Me dijeron que me fuera ${MARK}»`);
    expect(text).not.toContain('[Amplíe aquí');
    const en = await draftAppeal(admin, ids['case']!, { body: 'un_special_procedures', lang: 'en' });
    expect((await exportAppealPdf(admin, en.id)).fileName).toBe('urgent-appeal.pdf');
  });

  it('records when and how it was sent and answered, checking the dates and the order', async () => {
    const id = ids['appeal']!;
    await expect(recordAppealAnswer(admin, id, { answeredAt: '2026-03-06', answerHow: 'email' })).rejects.toMatchObject({ status: 409 });
    await expect(recordAppealSent(admin, id, { sentAt: '2026-03-01', sentHow: 'email' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'sentAt', code: 'before_drafted' }] });
    await expect(recordAppealSent(admin, id, { sentAt: '2026-03-09', sentHow: 'email' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'sentAt', code: 'date_future' }] });
    await expect(recordAppealSent(admin, id, { sentAt: '2026-02-30', sentHow: 'email' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'sentAt' }] });
    await expect(recordAppealSent(admin, id, { sentAt: '2026-03-05', sentHow: 'pigeon' as 'email' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'sentHow' }] });
    await expect(recordAppealSent(admin, id, { sentAt: '2026-03-05', sentHow: 'email', version: 1 })).rejects.toMatchObject({ status: 409 });
    const sent = await recordAppealSent(admin, id, { sentAt: '2026-03-05T10:30:00-06:00', sentHow: 'online_form', version: 2 });
    expect(sent).toMatchObject({ sentAt: '2026-03-05T16:30:00.000Z', sentHow: 'online_form', version: 3 });
    // a letter that went out is kept as it went out
    await expect(updateAppealLetter(admin, id, { letter: 'cambio', version: 3 })).rejects.toMatchObject({ status: 409 });
    await expect(recordAppealAnswer(admin, id, { answeredAt: '2026-03-04', answerHow: 'email' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'answeredAt', code: 'before_sent' }] });
    const answered = await recordAppealAnswer(at(admin, '2026-03-07T12:00:00.000Z'), id, { answeredAt: '2026-03-07', answerHow: 'phone', note: `Otorgaron medidas. ${NOTE}` });
    expect(answered).toMatchObject({ answeredAt: '2026-03-07', answerHow: 'phone', answerNote: `Otorgaron medidas. ${NOTE}`, version: 4 });
    const list = await listAppeals(admin, ids['case']!);
    expect(list.items.find((x) => x.id === id)).toMatchObject({ sentAt: '2026-03-05T16:30:00.000Z', sentHow: 'online_form', answeredAt: '2026-03-07', answerHow: 'phone' });
    expect(JSON.stringify(list)).not.toContain(NOTE);
  });

  it('refuses every change on a closed case but its answer, and still reads it', async () => {
    await expect(draftAppeal(admin, ids['closedCase']!, { body: 'iachr', lang: 'es' })).rejects.toMatchObject({ status: 409 });
    const a = await draftAppeal(admin, ids['case']!, { body: 'consulate', lang: 'es' });
    await ws.vault.runtime().store.db.updateTable('appeals').set({ case_id: ids['closedCase']! }).where('id', '=', a.id).execute();
    await expect(updateAppealLetter(admin, a.id, { letter: 'x', version: 1 })).rejects.toMatchObject({ status: 409 });
    await expect(recordAppealSent(admin, a.id, { sentAt: '2026-03-05', sentHow: 'email' })).rejects.toMatchObject({ status: 409 });
    await expect(readAppeal(admin, a.id)).resolves.toMatchObject({ body: 'consulate' });
    expect((await listAppeals(admin, ids['closedCase']!)).items).toHaveLength(1);
    // the body's answer may come after the case is closed: it can still be recorded
    await ws.vault.runtime().store.db.updateTable('appeals').set({ sent_at: '2026-03-05', sent_how: 'email' }).where('id', '=', a.id).execute();
    await expect(recordAppealAnswer(at(admin, '2026-03-09T12:00:00.000Z'), a.id, { answeredAt: '2026-03-09', answerHow: 'email' })).resolves.toMatchObject({ answeredAt: '2026-03-09' });
  });

  it('refuses bad drafting input naming the field', async () => {
    await expect(draftAppeal(admin, ids['case']!, { body: 'interpol' as 'iachr', lang: 'es' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'body' }] });
    await expect(draftAppeal(admin, ids['case']!, { body: 'iachr', lang: 'fr' as 'es' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'lang' }] });
    await expect(draftAppeal(admin, randomUUID(), { body: 'iachr', lang: 'es' })).rejects.toMatchObject({ status: 404 });
  });

  it('lets admins, coordinators and documenters work on appeals; analysts and viewers not at all', async () => {
    await expect(draftAppeal(as('coordinator'), ids['case']!, { body: 'other', lang: 'es' })).resolves.toMatchObject({ body: 'other' });
    for (const role of ['analyst', 'viewer'] as const) {
      const c = as(role);
      await expect(draftAppeal(c, ids['case']!, { body: 'iachr', lang: 'es' })).rejects.toMatchObject({ status: 403 });
      await expect(listAppeals(c, ids['case']!)).rejects.toMatchObject({ status: 403 });
      await expect(readAppeal(c, ids['appeal']!)).rejects.toMatchObject({ status: 403 });
      await expect(updateAppealLetter(c, ids['appeal']!, { letter: 'x', version: 4 })).rejects.toMatchObject({ status: 403 });
      await expect(exportAppealPdf(c, ids['appeal']!)).rejects.toMatchObject({ status: 403 });
      await expect(recordAppealSent(c, ids['appeal']!, { sentAt: '2026-03-05', sentHow: 'email' })).rejects.toMatchObject({ status: 403 });
      await expect(recordAppealAnswer(c, ids['appeal']!, { answeredAt: '2026-03-07', answerHow: 'email' })).rejects.toMatchObject({ status: 403 });
    }
  });

  it('hides the appeals of a restricted incident from those it is not shared with (404), admins included', async () => {
    const mine = await draftAppeal(admin, ids['restrictedCase']!, { body: 'iachr', lang: 'es' });
    for (const other of [as('coordinator'), as('admin', 'another-admin'), as('documenter')]) {
      await expect(draftAppeal(other, ids['restrictedCase']!, { body: 'iachr', lang: 'es' })).rejects.toMatchObject({ status: 404 });
      await expect(listAppeals(other, ids['restrictedCase']!)).rejects.toMatchObject({ status: 404 });
      await expect(readAppeal(other, mine.id)).rejects.toMatchObject({ status: 404 });
      await expect(updateAppealLetter(other, mine.id, { letter: 'x', version: 1 })).rejects.toMatchObject({ status: 404 });
      await expect(exportAppealPdf(other, mine.id)).rejects.toMatchObject({ status: 404 });
      await expect(recordAppealSent(other, mine.id, { sentAt: '2026-03-05', sentHow: 'email' })).rejects.toMatchObject({ status: 404 });
      await expect(recordAppealAnswer(other, mine.id, { answeredAt: '2026-03-05', answerHow: 'email' })).rejects.toMatchObject({ status: 404 });
    }
    expect((await listAppeals(admin, ids['restrictedCase']!)).items.map((a) => a.id)).toEqual([mine.id]);
  });

  it('audits each step with codes and ids, never a text', async () => {
    const rows = await ws.vault.runtime().store.db.selectFrom('audit_events').select(['action', 'target_type', 'target_id', 'detail']).where('action', 'like', 'appeal.%').orderBy('seq').execute();
    const of = (action: string) => rows.filter((r) => r.action === action && r.target_id === ids['appeal']).map((r) => JSON.parse(r.detail!));
    expect(of('appeal.drafted')).toEqual([{
      caseId: ids['case'], incidentId: ids['given'], body: 'iachr', lang: 'es', testimonies: 1, realNames: true,
      withheld: ['contacts:never_included', 'private_addresses:never_included', 'private_place:never_included', 'identified_perpetrators:never_included', 'title:never_included', 'summary:never_included'],
    }]);
    expect(of('appeal.updated')).toEqual([{ caseId: ids['case'], version: 2 }]);
    expect(of('appeal.exported')).toEqual([{ caseId: ids['case'], version: 2, format: 'pdf' }]);
    expect(of('appeal.sent')).toEqual([{ caseId: ids['case'], sentHow: 'online_form', corrected: false }]);
    expect(of('appeal.answered')).toEqual([{ caseId: ids['case'], answerHow: 'phone', note: true, corrected: false }]);
    expect(of('appeal.read').length).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.target_type === 'appeal')).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${MARK}|${EDIT}|${NOTE}|Coordinador|Fuente`));
  });

  it('keeps the letter and the answer\'s note sealed in the database', async () => {
    const db = ws.vault.runtime().store.db;
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM appeals`.execute(db)).rows;
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const r of rows) for (const v of Object.values(r)) expect(String(v)).not.toMatch(new RegExp(`${MARK}|${EDIT}|${NOTE}|Comisi|Coordinador|Otorgaron`));
  });
});
