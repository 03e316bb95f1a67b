/**
 * Publication is safe (issue 5, must hold): incidents recorded through the real API carry a unique
 * marker in every identifying and free-text field — real names, contacts, private addresses and
 * points, pseudonyms, notes, identified perpetrators, descriptions, testimonies whose consent does
 * not allow anonymous publication (and one that does), sources, interventions, titles, summaries,
 * a typed locality that is no gazetteer town — and every open-data file, in both languages and
 * with the most permissive settings, holds none of them. Restricted incidents (even when shared
 * with the exporter) are absent; every point is a gazetteer point no finer than the incident's own
 * public precision.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';
import { places } from '../../src/domain/places/places.js';

const M = 'QZPUB';
let ws: TestWorkspace;
let admin: Client;
let analyst: Client;
const PRIVATE = { lat: 25.4377, lon: -100.9733 };

function marked(n: number, extra: Record<string, unknown> = {}) {
  const m = (field: string) => `${M}${field}${n}`;
  const consent = (anon: string) => ({ internal_analysis: 'given', share_partners: 'given', anonymous_publication: anon, named_publication: 'refused', legal_action: 'not_asked' });
  return {
    title: `Amenaza ${m('title')}`,
    summary: `Resumen ${m('summary')}`,
    date: { start: '2024-03-14', approximate: true },
    place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: `Colonia ${m('locality')}`, private: { ...PRIVATE, address: `Calle ${m('privateAddress')}` } },
    context: ['shelter'],
    confidentiality: 'public_after_review',
    victims: [
      { key: 'v1', actor: { kind: 'person', pseudonym: m('pseudonym'), realName: m('realName'), contact: m('contact'), privateAddress: m('actorAddress'), locality: m('actorLocality'), notes: m('actorNotes'), role: 'lawyer', genderIdentity: 'woman', lgbti: 'yes', migrationStatus: 'asylum_seeker',
        protectionMeasures: [{ kind: 'iachr_precautionary', status: 'granted_active', reference: m('measureRef'), includes: m('measureIncludes'), notes: m('measureNotes') }] } },
      { key: 'v2', actor: { kind: 'organisation', pseudonym: m('orgPseudonym'), privateAddress: m('orgAddress'), notes: m('orgNotes') } },
    ],
    acts: [
      { kind: 'threat.death', victimKey: 'v1', description: m('actDescription'), perpetrators: [{ perpetrator: 'state.mx.municipal_police', identifiedIndividuals: m('identified'), description: m('perpDescription') }] },
      { kind: 'surveillance.home', victimKey: 'v2', perpetrators: [{ perpetrator: 'non_state.organised_crime', identifiedIndividuals: m('identified2') }] },
    ],
    sources: [
      { kind: 'victim', pseudonym: m('sourcePseudonym'), testimony: m('testimonyRefused'), consent: consent('refused') },
      { kind: 'witness', pseudonym: m('sourcePseudonym2'), testimony: m('testimonyNotAsked'), consent: consent('not_asked') },
      { kind: 'victim', testimony: m('testimonyGiven'), consent: consent('given') },
    ],
    interventions: [{ kind: 'urgent_appeal', date: '2024-03-20', actor: m('interventionActor'), addressee: m('addressee'), notes: m('interventionNotes') }],
    ...extra,
  };
}

const exports: { format: string; lang: string; text: string }[] = [];

async function exportAll(c: Client): Promise<void> {
  for (const format of ['csv-incidents', 'csv-victims', 'geojson']) {
    for (const lang of ['es', 'en']) {
      const r = await c.req('POST', '/api/v1/publication/open-data', { format, lang });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['cache-control']).toBe('no-store');
      expect(String(r.headers['content-disposition'])).toMatch(/^attachment; filename="(incidents\.csv|victims\.csv|places\.geojson)"$/);
      exports.push({ format, lang, text: r.body });
    }
  }
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  for (let n = 0; n < 6; n++) {
    const r = await admin.req('POST', '/api/v1/incidents', marked(n, n === 5 ? { confidentiality: 'organisation' } : {}));
    expect(r.statusCode, r.body).toBe(201);
  }
  // restricted (shared with its author, the admin who exports below): codes found nowhere else
  const restricted = await admin.req('POST', '/api/v1/incidents', marked(9, { confidentiality: 'restricted', context: ['pandemic'], acts: [{ kind: 'migrant_death', perpetrators: [{ perpetrator: 'state.gt.pnc' }] }] }));
  expect(restricted.statusCode, restricted.body).toBe(201);
  // the most permissive settings: municipalities, organisation-level incidents, the smallest k
  const s = await admin.req('PUT', '/api/v1/settings/open-data', { k: 3, placeLevel: 'municipality', include: ['public_after_review', 'organisation'], yearForActs: [] });
  expect(s.statusCode, s.body).toBe(200);
  analyst = await userWithRole(ws, admin, 'analyst');
  await exportAll(analyst);
  await exportAll(admin);
}, 120_000);
afterAll(async () => {
  await ws?.close();
});

describe('open-data export: no identifying or free text, no restricted incident, no fine point', () => {
  it('holds no marker in any file, format or language', () => {
    expect(exports).toHaveLength(12);
    for (const e of exports) {
      expect(e.text.length).toBeGreaterThan(10);
      expect(e.text, `${e.format} ${e.lang}`).not.toContain(M);
      for (const word of ['Resumen', 'Colonia', 'Calle']) expect(e.text, `${e.format} ${e.lang}`).not.toContain(word);
      for (const x of [String(PRIVATE.lat), String(PRIVATE.lon), '25.43', '-100.97']) expect(e.text, `${e.format} ${e.lang}: private point`).not.toContain(x);
    }
  });

  it('holds nothing of the restricted incident, even for the admin it is shared with', () => {
    for (const e of exports) {
      expect(e.text).not.toContain('pandemic');
      expect(e.text).not.toContain('state.gt.pnc');
      // victims.csv lists every kind of act (zeros too); the others name only what happened
      if (e.format !== 'csv-victims') expect(e.text).not.toContain('migrant_death');
    }
    // six incidents of one person and one organisation each: 12 victims, not the restricted one's 14
    for (const e of exports.filter((x) => x.format === 'csv-victims')) {
      const total = e.text.split('\r\n').find((l) => /,total,all,/.test(l))!;
      expect(total).toMatch(/,12,$/);
      expect(e.text.split('\r\n').find((l) => /,act,migrant_death,/.test(l))).toMatch(/,,(sí|yes)$/);
    }
    const rows = exports.find((e) => e.format === 'csv-incidents')!.text.trim().split('\r\n');
    expect(rows).toHaveLength(1 + 6);
  });

  it('draws every point from the gazetteer, no finer than the state (the typed locality is no town)', () => {
    for (const e of exports.filter((x) => x.format === 'geojson')) {
      const g = JSON.parse(e.text) as { features: { geometry: { coordinates: [number, number] } | null; properties: { place_precision: string; municipality: string | null } }[] };
      expect(g.features.length).toBeGreaterThan(0);
      for (const f of g.features) {
        expect(f.properties.place_precision).toBe('state');
        expect(f.properties.municipality).toBeNull();
        const [lon, lat] = f.geometry!.coordinates;
        const inState = [...places.localities.filter((l) => l.state === 'MX-COA'), ...places.crossings.filter((c) => c.states.includes('MX-COA'))];
        const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
        expect([lon, lat]).toEqual([mean(inState.map((p) => p.lon)), mean(inState.map((p) => p.lat))]);
      }
    }
  });
});
