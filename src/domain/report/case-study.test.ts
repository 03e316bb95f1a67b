/**
 * Case studies (ADR 0017): a property over generated incidents whose every text field holds a
 * unique marker — whatever the structure, consents, marked fields and chosen excerpts, the only
 * markers in the projected case study are those of the allow-list (title, unmarked summary,
 * people's pseudonyms, consented testimonies and their sources' pseudonyms) — plus the refusals.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { projectCaseStudy, type CaseSettings } from './case-study.js';
import { caseCandidate } from './candidate.js';
import type { IncidentView } from '../incident/view.js';
import { MARKABLE_FIELDS, type MarkableField } from '../incident/identifying.js';
import { PLACE_PRECISIONS } from '../incident/schema.js';
import type { CaseStudySpec } from './spec.js';

const S: CaseSettings = { placeLevel: 'municipality', dateLevel: 'month', yearForActs: ['kidnapping'] };
const CONSENTS = ['given', 'refused', 'not_asked', 'withdrawn', undefined] as const;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

interface Shape { victims: ('person' | 'organisation')[]; sources: { consent: (typeof CONSENTS)[number]; testimony: boolean }[]; acts: number; precision: (typeof PLACE_PRECISIONS)[number]; marked: MarkableField[]; withSummary: boolean }

/** An incident with a marker "QM<field>Q" in every text field. */
function incident(x: Shape): IncidentView {
  const m = (f: string) => `QM${f}Q`;
  return {
    id: id(1), ref: 'INC-000001', version: 1, orgId: id(2), createdAt: '', createdBy: m('createdBy'), updatedAt: '', updatedBy: m('updatedBy'),
    title: `Caso ${m('title')}`,
    ...(x.withSummary ? { summary: `Resumen ${m('summary')}` } : {}),
    date: { start: '2024-03-14' },
    place: { precision: x.precision, country: 'MX', state: 'MX-COA', locality: `Saltillo ${m('locality')}`, private: { lat: 25.43, lon: -100.97, address: m('privateAddress') } },
    context: ['shelter'], status: 'reported', followUp: 'open', confidentiality: 'public_after_review',
    victims: x.victims.map((kind, i) => ({ key: `v${i}`, actorId: id(100 + i), actor: {
      id: id(100 + i), version: 1, orgId: id(2), createdAt: '', createdBy: '', updatedAt: '', updatedBy: '', kind,
      pseudonym: m(`pseudonym${i}`), realName: m(`realName${i}`), contact: m(`contact${i}`), privateAddress: m(`actorAddress${i}`), notes: m(`actorNotes${i}`), locality: m(`actorLocality${i}`),
      role: 'lawyer', genderIdentity: 'woman', protectionMeasures: [{ id: id(300 + i), kind: 'iachr_precautionary', status: 'granted_active', reference: m(`measureRef${i}`), notes: m(`measureNotes${i}`) }],
    } })),
    acts: Array.from({ length: x.acts }, (_, i) => ({ id: id(200 + i), kind: i % 2 ? 'kidnapping' : 'threat.death', methods: [], consequences: [], description: m(`actDescription${i}`),
      perpetrators: [{ id: id(250 + i), perpetrator: 'state.mx.inm', identifiedIndividuals: m(`identified${i}`), description: m(`perpDescription${i}`) }] })),
    sources: x.sources.map((s, i) => ({ id: id(400 + i), kind: 'victim', pseudonym: m(`sourcePseudonym${i}`),
      ...(s.testimony ? { testimony: `Dijo: ${m(`testimony${i}`)} y más.` } : {}),
      consent: s.consent ? { internal_analysis: 'given', share_partners: 'given', anonymous_publication: s.consent, named_publication: 'refused', legal_action: 'given' } : ({} as never) })),
    interventions: [{ id: id(500), kind: 'urgent_appeal', actor: m('interventionActor'), addressee: m('addressee'), notes: m('interventionNotes') }],
  } as IncidentView;
}

const shape: fc.Arbitrary<Shape> = fc.record({
  victims: fc.array(fc.constantFrom('person' as const, 'organisation' as const), { maxLength: 4 }),
  sources: fc.array(fc.record({ consent: fc.constantFrom(...CONSENTS), testimony: fc.boolean() }), { maxLength: 4 }),
  acts: fc.integer({ min: 0, max: 3 }),
  precision: fc.constantFrom(...PLACE_PRECISIONS),
  marked: fc.subarray([...MARKABLE_FIELDS]),
  withSummary: fc.boolean(),
});

describe('case-study projection', () => {
  it('publishes no marker outside the allow-list, whatever the incident and the chosen excerpts', () => {
    fc.assert(fc.property(shape, fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }), fc.boolean(), (x, picks, whole) => {
      const inc = incident(x);
      const spec: CaseStudySpec = { incidentId: inc.id, includeSummary: true, excerpts: [...new Set(picks)].filter((i) => i < x.sources.length).map((i) => ({ sourceId: id(400 + i), ...(whole ? {} : { text: `QMtestimony${i}Q` }) })) };
      const r = projectCaseStudy(inc, spec, new Set(x.marked), S, 'caseStudies[0]');
      const out = JSON.stringify(r.study ?? {});
      const allowed = new Set(['title']);
      if (x.withSummary && !x.marked.includes('summary')) allowed.add('summary');
      x.victims.forEach((k, i) => { if (k === 'person') allowed.add(`pseudonym${i}`); });
      x.sources.forEach((s, i) => { if (s.consent === 'given' && s.testimony) { allowed.add(`testimony${i}`); allowed.add(`sourcePseudonym${i}`); } });
      for (const found of out.matchAll(/QM(\w+?)Q/g)) expect(allowed.has(found[1]!), `${found[1]} leaked`).toBe(true);
      // a choice of excerpt from a source without consent (or testimony) is refused, never quietly dropped
      const bad = spec.excerpts.some((e) => { const s = x.sources[Number(e.sourceId.slice(-3)) - 400]!; return s.consent !== 'given' || !s.testimony; });
      expect(r.problems.length > 0).toBe(bad);
      if (!bad) expect(r.study!.excerpts).toHaveLength(spec.excerpts.length);
      // never the private point, never finer than the state/municipality
      expect(out).not.toContain('25.43');
      expect(['unknown', 'country', 'state']).toContain(r.study?.place.precision ?? 'unknown');
    }), { numRuns: 300 });
  });

  it('refuses an excerpt that is not a passage of the testimony, or that holds a name', () => {
    const inc = incident({ victims: ['person'], sources: [{ consent: 'given', testimony: true }], acts: 1, precision: 'state', marked: [], withSummary: true });
    inc.sources[0]!.testimony = 'Me siguieron hasta la casa de QMrealName0Q. Luego nos amenazaron.';
    const r1 = projectCaseStudy(inc, { incidentId: inc.id, includeSummary: true, excerpts: [{ sourceId: id(400), text: 'nada de esto' }] }, new Set(), S, 'caseStudies[0]');
    expect(r1.problems).toEqual([expect.objectContaining({ path: 'caseStudies[0].excerpts[0].text', code: 'not_in_testimony' })]);
    const r2 = projectCaseStudy(inc, { incidentId: inc.id, includeSummary: true, excerpts: [{ sourceId: id(400), text: 'hasta la casa de QMrealName0Q' }] }, new Set(), S, 'caseStudies[0]');
    expect(r2.problems[0]?.code).toBe('identifying_excerpt');
    const r3 = projectCaseStudy(inc, { incidentId: inc.id, includeSummary: true, excerpts: [{ sourceId: id(400), text: 'Luego   nos\namenazaron.' }] }, new Set(), S, 'caseStudies[0]');
    expect(r3.study!.excerpts).toEqual([{ source: 'QMsourcePseudonym0Q', text: 'Luego nos amenazaron.', whole: false }]);
  });

  it('leaves out a title or summary that holds an identifying value, and coarsens date and place', () => {
    const inc = incident({ victims: ['person'], sources: [], acts: 2, precision: 'locality', marked: [], withSummary: true });
    inc.title = 'Amenaza a qmrealname0q';
    inc.summary = 'En QMprivateAddressQ pasó algo.';
    const r = projectCaseStudy(inc, { incidentId: inc.id, includeSummary: true, excerpts: [] }, new Set(), S, 'c');
    expect(r.study!.heading).toBeNull();
    expect(r.study!.summary).toBeUndefined();
    // a kidnapping: dated by year only; the typed locality is no gazetteer town: the state
    expect(r.study!.date).toMatchObject({ start: '2024', precision: 'year' });
    expect(r.study!.place).toEqual({ precision: 'state', country: 'MX', state: 'MX-COA' });
    expect(r.study!.victims).toEqual([{ kind: 'person', pseudonym: 'QMpseudonym0Q', role: 'lawyer', genderIdentity: 'woman' }]);
    expect(r.study!.perpetrators).toEqual(['state.mx.inm']);
  });

  it('shows the author which testimonies may be quoted, with text only for those', () => {
    const inc = incident({ victims: [], sources: [{ consent: 'given', testimony: true }, { consent: 'withdrawn', testimony: true }, { consent: undefined, testimony: true }, { consent: 'given', testimony: false }], acts: 0, precision: 'state', marked: ['summary'], withSummary: true });
    const c = caseCandidate(inc, new Set(['summary']), ['public_after_review'], true);
    expect(c.refusal).toBeNull();
    expect(c.summaryPublished).toBe(false);
    expect(c.sources.map((s) => [s.allowed, s.consent, s.reason ?? null, s.testimony !== undefined])).toEqual([[true, 'given', null, true], [false, 'withdrawn', 'consent', false], [false, 'not_asked', 'consent', false], [false, 'given', 'no_testimony', false]]);
    // a reader who may not read this incident's identifying values gets no testimony text at all
    const blind = caseCandidate(inc, new Set(['summary']), ['public_after_review'], false);
    expect(blind.sources.map((s) => [s.allowed, s.reason ?? null, s.testimony !== undefined])).toEqual([[false, 'identifying_access', false], [false, 'consent', false], [false, 'consent', false], [false, 'no_testimony', false]]);
    expect(caseCandidate({ ...inc, confidentiality: 'restricted' }, new Set(), ['public_after_review'], true).sources).toEqual([]);
    expect(caseCandidate({ ...inc, confidentiality: 'organisation' }, new Set(), ['public_after_review'], true).refusal).toBe('not_publishable');
  });
});
