/**
 * Urgent appeals hold only what consent allows (issue 6, ADR 0018), through the real API: incidents
 * recorded with a unique marker in every field an appeal must never copy — contacts, private
 * addresses and the private point, identified perpetrators, the title, the summary, descriptions,
 * notes, a typed locality, interventions, protection measures — and in the real name and the
 * testimonies. An urgent case on each; letters drafted to every protection body in both languages.
 * Without consent to legal action no marker at all reaches the letter, its PDF, the list, the audit
 * or the logs; with it, exactly the real name and the consenting source's testimony appear (so this
 * can fail). Analysts and viewers get 403, an unshared restricted incident's appeals 404, and files
 * have a fixed name, no-store.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';
import { pdfText } from '../helpers/pdf-text.js';
import { PROTECTION_BODIES, APPEAL_LANGS } from '../../src/domain/appeal/bodies.js';

const M = 'QZAPL';
let ws: TestWorkspace;
let admin: Client;
const cases: Record<string, string> = {};
const incidents: Record<string, string> = {};
let refs = 0;

/** Fields that never reach a letter, whatever the consent. */
const NEVER = ['title', 'summary', 'locality', 'pointAddress', 'contact', 'actorAddress', 'actorNotes', 'orgAddress', 'orgNotes', 'measureRef', 'measureNotes',
  'actDescription', 'perpDescription', 'identified', 'interventionActor', 'addressee', 'interventionNotes', 'testimonyRefused', 'testimonyNotAsked', 'testimonyWithdrawn', 'testimonyAbsent'];

function marked(n: string, legal: string) {
  const m = (field: string) => `${M}${field}${n}`;
  const consent = (value: string) => ({ consent: { internal_analysis: 'given', share_partners: 'given', anonymous_publication: 'given', named_publication: 'given', legal_action: value } });
  return {
    title: `Detención ${m('title')}`,
    summary: `Resumen ${m('summary')}`,
    date: { start: '2026-02' },
    place: { precision: 'locality', country: 'MX', state: 'MX-BCN', locality: `Colonia ${m('locality')}`, private: { lat: 32.5, lon: -117, address: `Calle ${m('pointAddress')}` } },
    context: ['port_of_entry'],
    victims: [
      { key: 'v1', actor: { kind: 'person', pseudonym: 'Defensor Sur', realName: m('realName'), contact: m('contact'), privateAddress: m('actorAddress'), notes: m('actorNotes'), role: 'migrant_defender', nationality: 'GT',
        protectionMeasures: [{ kind: 'federal_mechanism', status: 'requested', reference: m('measureRef'), notes: m('measureNotes') }] } },
      { key: 'v2', actor: { kind: 'organisation', pseudonym: 'Albergue Frontera', privateAddress: m('orgAddress'), notes: m('orgNotes'), orgType: 'shelter' } },
    ],
    acts: [{ kind: 'detention.arrest', victimKey: 'v1', description: m('actDescription'), consequences: ['detention'], perpetrators: [{ perpetrator: 'state.mx.inm', identifiedIndividuals: m('identified'), description: m('perpDescription') }] }],
    sources: [
      { kind: 'victim', pseudonym: 'Fuente R', testimony: m('testimonyRefused'), ...consent('refused') },
      { kind: 'witness', pseudonym: 'Fuente N', testimony: m('testimonyNotAsked'), ...consent('not_asked') },
      { kind: 'witness', pseudonym: 'Fuente W', testimony: m('testimonyWithdrawn'), ...consent('withdrawn') },
      { kind: 'family_member', pseudonym: 'Fuente X', testimony: m('testimonyAbsent') },
      { kind: 'victim', pseudonym: 'Fuente L', testimony: `Lo esposaron en la garita ${m('testimonyLegal')}`, ...consent(legal) },
    ],
    interventions: [{ kind: 'urgent_appeal', date: '2026-02-20', actor: m('interventionActor'), addressee: m('addressee'), notes: m('interventionNotes') }],
  };
}

async function urgentCase(incidentId: string): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  const owner = (await ws.vault.runtime().store.users.list())[0]!.id;
  await ws.vault.runtime().store.db.insertInto('urgent_cases').values({
    id, incident_id: incidentId, ref: `URG-${String(++refs).padStart(4, '0')}`, kind: 'detention', owner_id: owner, status: 'open', opened_at: at, opened_by: owner,
    closed_at: null, outcome: null, closing_note: null, updated_at: at, version: 1,
  }).execute();
  return id;
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  for (const [key, legal, extra] of [['none', 'not_asked', {}], ['given', 'given', {}], ['restricted', 'given', { confidentiality: 'restricted' }]] as const) {
    const r = await admin.req('POST', '/api/v1/incidents', { ...marked(key, legal), ...extra });
    expect(r.statusCode, r.body).toBe(201);
    incidents[key] = (r.json() as { id: string }).id;
    cases[key] = await urgentCase(incidents[key]!);
  }
}, 60_000);
afterAll(async () => { await ws?.close(); });

const texts: string[] = [];

describe('urgent appeals and markers', () => {
  it('copies no marker into any letter, PDF or list without consent to legal action', async () => {
    for (const body of PROTECTION_BODIES) {
      for (const lang of APPEAL_LANGS) {
        const r = await admin.req('POST', `/api/v1/urgent/${cases['none']}/appeals`, { body, lang });
        expect(r.statusCode, r.body).toBe(201);
        expect(r.headers['cache-control']).toBe('no-store');
        const a = r.json() as { id: string; letter: string; withheld: { what: string; reason: string }[] };
        expect(r.body, `${body}/${lang}`).not.toContain(M);
        expect(a.letter).toContain('Defensor Sur');
        expect(a.withheld).toContainEqual({ what: 'real_names', reason: 'no_legal_action_consent' });
        const pdf = await admin.req('GET', `/api/v1/appeals/${a.id}/pdf`);
        expect(pdf.statusCode).toBe(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${lang === 'es' ? 'apelacion-urgente.pdf' : 'urgent-appeal.pdf'}"`);
        expect(pdf.headers['cache-control']).toBe('no-store');
        const text = await pdfText(pdf.rawPayload);
        expect(text.replace(/\s+/g, ' ')).toContain('Defensor Sur');
        texts.push(text, r.body, (await admin.req('GET', `/api/v1/appeals/${a.id}`)).body);
      }
    }
    const list = await admin.req('GET', `/api/v1/urgent/${cases['none']}/appeals`);
    expect((list.json() as { items: unknown[] }).items).toHaveLength(PROTECTION_BODIES.length * APPEAL_LANGS.length);
    for (const t of [...texts, list.body]) expect(t).not.toContain(M);
  });

  it('with consent to legal action adds exactly the real name and that source\'s testimony', async () => {
    for (const body of PROTECTION_BODIES) {
      for (const lang of APPEAL_LANGS) {
        const r = await admin.req('POST', `/api/v1/urgent/${cases['given']}/appeals`, { body, lang });
        expect(r.statusCode, r.body).toBe(201);
        const a = r.json() as { id: string; letter: string };
        expect(a.letter).toContain(`${M}realNamegiven`);
        expect(a.letter).toContain(`Lo esposaron en la garita ${M}testimonyLegalgiven`);
        const text = (await pdfText((await admin.req('GET', `/api/v1/appeals/${a.id}/pdf`)).rawPayload)).replace(/\s+/g, ' ');
        expect(text).toContain(`${M}realNamegiven`);
        for (const t of [a.letter, text]) for (const f of NEVER) expect(t, `${body}/${lang}: ${f}`).not.toContain(`${M}${f}given`);
      }
    }
  });

  it('keeps markers out of the audit log and the server\'s logs', async () => {
    const rows = await ws.vault.runtime().store.db.selectFrom('audit_events').select(['action', 'detail']).where('action', 'like', 'appeal.%').execute();
    expect(rows.filter((r) => r.action === 'appeal.drafted')).toHaveLength(2 * PROTECTION_BODIES.length * APPEAL_LANGS.length);
    expect(rows.filter((r) => r.action === 'appeal.exported')).toHaveLength(2 * PROTECTION_BODIES.length * APPEAL_LANGS.length);
    expect(JSON.stringify(rows)).not.toContain(M);
    expect(ws.logs.join('\n')).not.toContain(M);
  });

  it('gives analysts and viewers 403 and hides an unshared restricted incident\'s appeals (404)', async () => {
    const mine = (await admin.req('POST', `/api/v1/urgent/${cases['restricted']}/appeals`, { body: 'iachr', lang: 'es' })).json() as { id: string };
    const analyst = await userWithRole(ws, admin, 'analyst');
    const viewer = await userWithRole(ws, admin, 'viewer');
    const coordinator = await userWithRole(ws, admin, 'coordinator');
    for (const c of [analyst, viewer]) {
      expect((await c.req('GET', `/api/v1/urgent/${cases['none']}/appeals`)).statusCode).toBe(403);
      expect((await c.req('POST', `/api/v1/urgent/${cases['none']}/appeals`, { body: 'iachr', lang: 'es' })).statusCode).toBe(403);
      expect((await c.req('GET', `/api/v1/appeals/${mine.id}/pdf`)).statusCode).toBe(403);
    }
    const hidden = [
      await coordinator.req('GET', `/api/v1/urgent/${cases['restricted']}/appeals`),
      await coordinator.req('POST', `/api/v1/urgent/${cases['restricted']}/appeals`, { body: 'iachr', lang: 'es' }),
      await coordinator.req('GET', `/api/v1/appeals/${mine.id}`),
      await coordinator.req('GET', `/api/v1/appeals/${mine.id}/pdf`),
      await coordinator.req('PUT', `/api/v1/appeals/${mine.id}`, { letter: 'x', version: 1 }),
      await coordinator.req('POST', `/api/v1/appeals/${mine.id}/sent`, { sentAt: '2026-03-05', sentHow: 'email' }),
      await coordinator.req('POST', `/api/v1/appeals/${mine.id}/answer`, { answeredAt: '2026-03-05', answerHow: 'email' }),
    ];
    for (const r of hidden) {
      expect(r.statusCode, r.body).toBe(404);
      expect(r.body).not.toContain(M);
    }
    // the same coordinator works on an incident they may see
    expect((await coordinator.req('POST', `/api/v1/urgent/${cases['none']}/appeals`, { body: 'other', lang: 'en' })).statusCode).toBe(201);
  });
});
