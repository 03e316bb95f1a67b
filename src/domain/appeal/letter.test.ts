/**
 * Urgent appeals' letters (ADR 0018): every protection body in both languages renders a complete
 * letter from the public facts; the consent matrix decides whether a testimony and the real names
 * appear; markers planted in every field that must never be copied (contacts, addresses, the private
 * point, identified perpetrators, title, summary, descriptions, notes, a typed locality) never appear,
 * whatever the consent and access (a fast-check property).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import file from '../vocabulary/vocabularies.json' with { type: 'json' };
import { vocabularyFileSchema, flattenVocabularyFile, VocabularyIndex } from '../vocabulary/vocabulary.js';
import type { IncidentView } from '../incident/view.js';
import type { ActorView } from '../actor/view.js';
import { APPEAL_LANGS, PROTECTION_BODIES, type AppealLang } from './bodies.js';
import { appealFacts, CONSENT_GIVEN, MAX_QUOTE } from './facts.js';
import { appealLetter, dateAsRecorded } from './letter.js';

const { schemes, terms } = flattenVocabularyFile(vocabularyFileSchema.parse(file));
const vocab = new VocabularyIndex(schemes, terms);
const termOf = (lang: AppealLang) => (scheme: string, code: string) => vocab.label(scheme, code, lang);

const M = {
  testimony: 'QZTESTIMONY',
  realName: 'QZREALNAME',
  contact: 'QZCONTACT',
  privateAddress: 'QZPRIVADDR',
  point: 'QZPOINTADDR',
  title: 'QZTITLE',
  summary: 'QZSUMMARY',
  officer: 'QZOFFICER',
  actDescription: 'QZACTDESC',
  perpDescription: 'QZPERPDESC',
  actorNotes: 'QZACTORNOTES',
  interventionNotes: 'QZINTNOTES',
  locality: 'QZLOCALITY',
  pseudonym: 'QZPSEUDONYM',
} as const;
const NEVER = ['contact', 'privateAddress', 'point', 'title', 'summary', 'officer', 'actDescription', 'perpDescription', 'actorNotes', 'interventionNotes', 'locality'] as const;

const actor = (a: Partial<ActorView> & Pick<ActorView, 'kind' | 'pseudonym'>): ActorView => ({ id: a.pseudonym, version: 1, orgId: 'o', protectionMeasures: [], createdAt: '', createdBy: '', updatedAt: '', updatedBy: '', ...a });
const consent = (legal: string | undefined) => ({ internal_analysis: 'given', share_partners: 'given', anonymous_publication: 'given', named_publication: 'given', ...(legal === undefined ? {} : { legal_action: legal }) }) as IncidentView['sources'][number]['consent'];

function incident(legal: string | undefined, opts: { date?: IncidentView['date']; locality?: string } = {}): IncidentView {
  return {
    id: 'i', ref: 'INC-000007', version: 1, orgId: 'o', title: `Detención ${M.title}`, summary: `Resumen ${M.summary}`,
    date: opts.date ?? { start: '2019-07' },
    place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: opts.locality ?? `Colonia ${M.locality}`, private: { lat: 25.4, lon: -101, address: `Calle ${M.point}` } },
    context: ['port_of_entry'], status: 'reported', followUp: 'open', confidentiality: 'organisation',
    victims: [
      { key: 'v1', actorId: 'a1', actor: actor({ kind: 'person', pseudonym: `Defensora ${M.pseudonym}`, realName: `María ${M.realName}`, contact: `+52 ${M.contact}`, privateAddress: `Casa ${M.privateAddress}`, notes: `Notas ${M.actorNotes}`, role: 'migrant_defender', nationality: 'HN', migrationStatus: 'asylum_seeker' }) },
      { key: 'v2', actorId: 'a2', actor: actor({ kind: 'organisation', pseudonym: 'Casa del Migrante Norte', orgType: 'shelter' }) },
    ],
    acts: [
      { id: 'x1', kind: 'detention.arrest', victimKey: 'v1', date: { start: '2019-07-23' }, methods: [], consequences: ['detention'], description: `Desc ${M.actDescription}`,
        perpetrators: [{ id: 'p1', perpetrator: 'state.mx.inm', identifiedIndividuals: `Agente ${M.officer}`, description: `Perp ${M.perpDescription}` }, { id: 'p2', perpetrator: 'state.mx.guardia_nacional' }] },
      { id: 'x2', kind: 'threat.death', victimKey: 'v2', methods: [], consequences: [], perpetrators: [{ id: 'p3', perpetrator: 'non_state.organised_crime' }] },
    ],
    sources: [{ id: 's1', kind: 'victim', pseudonym: 'Fuente A', testimony: `Me subieron a una camioneta ${M.testimony}`, consent: consent(legal) }],
    interventions: [{ id: 'n1', kind: 'urgent_appeal', notes: `Int ${M.interventionNotes}` }],
    createdAt: '', createdBy: '', updatedAt: '', updatedBy: '',
  };
}
const opts = (mayReadIdentifying: boolean) => ({ caseRef: 'URG-0007', today: '2026-03-05', organisation: 'Red de Defensa Migrante', mayReadIdentifying });

describe('appeal letters', () => {
  it('renders a complete letter for every protection body in Spanish and English', () => {
    for (const body of PROTECTION_BODIES) {
      for (const lang of APPEAL_LANGS) {
        const { facts } = appealFacts(incident(CONSENT_GIVEN), opts(true));
        const letter = appealLetter(body, lang, facts, termOf(lang));
        const where = `${body}/${lang}`;
        expect(letter, where).toContain('URG-0007');
        expect(letter, where).toContain('Red de Defensa Migrante');
        expect(letter, where).toContain(lang === 'es' ? '5 de marzo de 2026' : '5 March 2026');
        expect(letter, where).toContain(lang === 'es' ? 'en julio de 2019' : 'in July 2019');
        expect(letter, where).toContain(lang === 'es' ? 'Coahuila, México' : 'Coahuila, Mexico');
        expect(letter, where).toContain(vocab.label('act', 'detention.arrest', lang));
        expect(letter, where).toContain(vocab.label('perpetrator', 'state.mx.inm', lang));
        expect(letter, where).toContain(vocab.label('perpetrator', 'state.mx.guardia_nacional', lang));
        expect(letter, where).toContain(vocab.label('consequence', 'detention', lang));
        expect(letter, where).toContain(vocab.label('context', 'port_of_entry', lang));
        expect(letter, where).toContain(vocab.label('victim_role', 'migrant_defender', lang));
        expect(letter, where).toContain('Casa del Migrante Norte');
        expect(letter, where).toContain(M.pseudonym);
        expect(letter, where).toMatch(lang === 'es' ? /Atentamente,/ : /Yours faithfully,/);
        expect(letter, where).toMatch(lang === 'es' ? /Solicitudes\n\n/ : /Requests\n\n/);
        // no code leaks through as a label
        expect(letter, where).not.toMatch(/\b(state\.mx|detention\.arrest|port_of_entry|migrant_defender)\b/);
        for (const k of NEVER) expect(letter, `${where}: ${k}`).not.toContain(M[k]);
      }
    }
  });

  it('asks each body for what it can give', () => {
    const { facts } = appealFacts(incident(undefined), opts(true));
    const es = (b: (typeof PROTECTION_BODIES)[number]) => appealLetter(b, 'es', facts, termOf('es'));
    const en = (b: (typeof PROTECTION_BODIES)[number]) => appealLetter(b, 'en', facts, termOf('en'));
    expect(es('iachr')).toContain('medidas cautelares, conforme al artículo 25 de su Reglamento');
    expect(es('iachr')).toContain('requiera al Estado de México');
    expect(en('iachr')).toContain('precautionary measures, under Article 25 of its Rules of Procedure');
    expect(es('mx_mechanism')).toContain('procedimiento extraordinario');
    expect(es('mx_mechanism')).toContain('medidas urgentes de protección');
    expect(en('mx_mechanism')).toContain('urgent protection measures');
    expect(es('un_special_procedures')).toContain('llamamiento urgente');
    expect(es('un_special_procedures')).toContain('Relatoría Especial sobre la situación de los defensores de derechos humanos');
    expect(en('un_special_procedures')).toContain('urgent appeal');
    expect(es('consulate')).toContain('artículo 36 de la Convención de Viena sobre Relaciones Consulares');
    expect(es('national_human_rights_commission')).toContain('artículo 40 de la Ley de la Comisión Nacional de los Derechos Humanos');
    expect(es('other')).toContain('[Nombre del organismo destinatario]');
    // an asylum seeker among the people: the consulate letter warns the drafter first, the others do not
    expect(es('consulate').startsWith('[Antes de enviar')).toBe(true);
    expect(en('consulate').startsWith('[Before sending')).toBe(true);
    expect(es('iachr')).not.toContain('[Antes de enviar');
  });

  it('quotes a testimony and names people only when consent to legal action is given and the drafter may read identifying values', () => {
    for (const legal of [CONSENT_GIVEN, 'refused', 'not_asked', 'withdrawn', 'GIVEN', 'granted', undefined]) {
      for (const may of [true, false]) {
        const r = appealFacts(incident(legal), opts(may));
        const allowed = legal === CONSENT_GIVEN && may;
        for (const lang of APPEAL_LANGS) {
          const letter = appealLetter('iachr', lang, r.facts, termOf(lang));
          const where = `${String(legal)}/${may}/${lang}`;
          expect(letter.includes(M.testimony), where).toBe(allowed);
          expect(letter.includes(M.realName), where).toBe(allowed);
          expect(letter.includes(lang === 'es' ? '[datos de identificación: se comunicarán por un canal seguro]' : '[identifying details: to be communicated through a secure channel]'), where).toBe(!allowed);
          expect(letter, where).toContain(M.pseudonym);
        }
        const included = r.included.map((i) => i.what);
        expect(included.includes('testimony')).toBe(allowed);
        expect(included.includes('real_names')).toBe(allowed);
        if (!allowed) {
          const reason = legal !== CONSENT_GIVEN ? 'no_legal_action_consent' : 'no_identifying_access';
          expect(r.withheld).toContainEqual({ what: 'testimony', reason, subject: 'Fuente A', n: 1, ...(reason === 'no_legal_action_consent' ? { consent: legal ?? 'not_asked' } : {}) });
          expect(r.withheld).toContainEqual({ what: 'real_names', reason: may ? 'no_legal_action_consent' : 'no_identifying_access' });
        }
        for (const what of ['contacts', 'private_addresses', 'private_place', 'identified_perpetrators', 'title', 'summary', 'descriptions', 'notes'])
          expect(r.withheld, what).toContainEqual({ what, reason: 'never_included' });
      }
    }
  });

  it('names people only when a source of the incident — any of them — consented to legal action', () => {
    const inc = incident('refused');
    inc.sources.push({ id: 's2', kind: 'witness', consent: consent(CONSENT_GIVEN) });
    const r = appealFacts(inc, opts(true));
    const letter = appealLetter('mx_mechanism', 'es', r.facts, termOf('es'));
    expect(letter).toContain(`María ${M.realName} (en nuestro registro: «Defensora ${M.pseudonym}»)`);
    // the refusing source's testimony stays out
    expect(letter).not.toContain(M.testimony);
    expect(r.withheld).toContainEqual({ what: 'testimony', reason: 'no_legal_action_consent', subject: 'Fuente A', n: 1, consent: 'refused' });
  });

  it('writes dates as recorded, and a gazetteer town but never a typed locality', () => {
    expect(dateAsRecorded({ start: '2019-07' }, 'es')).toBe('en julio de 2019');
    expect(dateAsRecorded({ start: '2019-07-23' }, 'es')).toBe('el 23 de julio de 2019');
    expect(dateAsRecorded({ start: '2019' }, 'en')).toBe('in 2019');
    expect(dateAsRecorded({ start: '2019-07-23' }, 'en')).toBe('on 23 July 2019');
    expect(dateAsRecorded({ start: '2026-07', end: '2026-08-15', approximate: true }, 'es')).toBe('aproximadamente entre julio de 2026 y el 15 de agosto de 2026');
    expect(dateAsRecorded({ start: '2026-07', end: '2026-08-15' }, 'en')).toBe('between July 2026 and 15 August 2026');
    expect(dateAsRecorded({ start: '2026-07', end: '2026-08-15', approximate: true }, 'en')).toBe('approximately between July 2026 and 15 August 2026');
    expect(dateAsRecorded({ start: '2019-07', approximate: true }, 'en')).toBe('around July 2019');
    expect(dateAsRecorded({ start: '2019-07', approximate: true }, 'es')).toBe('aproximadamente en julio de 2019');
    const town = appealFacts(incident(undefined, { locality: 'saltillo' }), opts(true)).facts;
    expect(town.place).toEqual({ country: 'MX', state: 'MX-COA', municipality: 'Saltillo' });
    expect(appealLetter('other', 'es', town, termOf('es'))).toContain('en Saltillo, Coahuila, México.');
    const undated = appealFacts({ ...incident(undefined), date: undefined, place: { precision: 'unknown' } }, opts(true)).facts;
    const letter = appealLetter('other', 'es', undated, termOf('es'));
    expect(letter).toContain('[fecha por precisar], en [lugar por precisar].');
    expect(appealLetter('iachr', 'es', undated, termOf('es'))).toContain('requiera al Estado de [Estado]');
  });

  it('quotes at most a bounded passage of a very long testimony', () => {
    const inc = incident(CONSENT_GIVEN);
    inc.sources[0]!.testimony = `${'palabra '.repeat(2000)}${M.testimony}`;
    const r = appealFacts(inc, opts(true));
    expect(r.facts.testimonies[0]!.whole).toBe(false);
    expect(r.facts.testimonies[0]!.text.length).toBeLessThanOrEqual(MAX_QUOTE + 4);
    expect(r.facts.testimonies[0]!.text.endsWith('[…]')).toBe(true);
  });

  it('never lets a marker from a withheld field into any letter (property)', () => {
    const legal = fc.option(fc.constantFrom(CONSENT_GIVEN, 'refused', 'not_asked', 'withdrawn', 'granted', 'yes'), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(legal, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom(...PROTECTION_BODIES),
        fc.constantFrom(...APPEAL_LANGS),
        fc.string({ maxLength: 30 }),
        (consents, may, body, lang, noise) => {
          const inc = incident(consents[0]);
          inc.sources = consents.map((c, i) => ({ id: `s${i}`, kind: 'witness', testimony: `${noise} ${M.testimony}-${i}`, consent: consent(c) }));
          const r = appealFacts(inc, opts(may));
          const letter = appealLetter(body, lang, r.facts, termOf(lang));
          for (const k of NEVER) expect(letter).not.toContain(M[k]);
          const anyGiven = consents.some((c) => c === CONSENT_GIVEN);
          expect(letter.includes(M.realName)).toBe(may && anyGiven);
          consents.forEach((c, i) => expect(letter.includes(`${M.testimony}-${i}`)).toBe(may && c === CONSENT_GIVEN));
          // whatever was withheld is not in the letter
          for (const w of r.withheld) if (w.what === 'testimony') expect(letter).not.toContain(`${M.testimony}-${w.n! - 1}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
