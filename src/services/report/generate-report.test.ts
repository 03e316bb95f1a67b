/**
 * The report builder on a known dataset (both backends: unit and unit-postgres). Every expected
 * number is worked out by hand below from the list of incidents, not by the code under test.
 * Report period 2024-01-01..2024-06-30 (182 days) → previous period 2023-07-03..2023-12-31.
 *  1. 2024-02-10 death threat, INM, Coahuila — A
 *  2. 2024-02-15 phone threat, Guardia Nacional, Coahuila — A, B
 *  3. 2024-04-02 surveillance of a home, organised crime, Chiapas — C (testimonies: one consented)
 *  4. 2024-05-20 kidnapping, organised crime, Chiapas — D, E (dated by year only when published)
 *  5. 2024-03-01 detention, CBP, Texas — F
 *  6. 2023-12 to 2024-01 (uncertain), phone threat, INM, Coahuila — B: in BOTH periods
 *  7. 2023-08-01 death threat, INM, Coahuila — A (previous period)
 *  8. 2023-11-11 raid on a shelter, INM, Chiapas — shelter S (previous period)
 *  9. 2023-07-02 threat — X: the day before the previous period, in neither
 * 10. restricted, 2024-03-03, Coahuila; 11. confidentiality "organisation", 2024-03-04: never counted
 * Recent: 1–6 = 6 incidents, victims A B C D E F = 6. Before: 6, 7, 8 = 3 incidents, victims B A S = 3 (< k = 5).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { prepareReport } from './prepare-report.js';
import { runReport, type Progress } from './run-report.js';
import type { IncidentView } from '../../domain/incident/view.js';
import { ServiceError } from '../errors.js';

let ws: TestWorkspace;
let ctx: ServiceContext;
let inc: IncidentView[];
const coa = { precision: 'state', country: 'MX', state: 'MX-COA' };
const chp = { precision: 'state', country: 'MX', state: 'MX-CHP' };
const person = (key: string) => ({ key, actor: { kind: 'person', pseudonym: `Persona ${key}`, role: 'lawyer' } });
const consent = (anon: string) => ({ internal_analysis: 'given', share_partners: 'given', anonymous_publication: anon, named_publication: 'refused', legal_action: 'given' });
const TESTIMONY = 'Vimos la misma camioneta frente a la casa tres noches seguidas. Nadie nos explicó nada.';

beforeAll(async () => {
  ws = await newWorkspace();
  ctx = await adminContext(ws, '2024-07-02T10:00:00.000Z');
  const act = (kind: string, perpetrator?: string) => [{ kind, perpetrators: perpetrator ? [{ perpetrator }] : [] }];
  const [first] = await recordIncidents(ctx, [{ title: 'Amenaza de muerte', date: { start: '2024-02-10' }, place: coa, confidentiality: 'public_after_review', victims: [person('A')], acts: act('threat.death', 'state.mx.inm') }]);
  const a = first!.victims[0]!.actorId;
  const [second] = await recordIncidents(ctx, [{ title: 'Amenaza telefónica', date: { start: '2024-02-15' }, place: coa, confidentiality: 'public_after_review', victims: [{ key: 'a', actorId: a }, person('B')], acts: act('threat.phone', 'state.mx.guardia_nacional') }]);
  const b = second!.victims[1]!.actorId;
  const rest = await recordIncidents(ctx, [
    { title: 'Vigilancia de la casa', summary: 'Una camioneta vigiló la casa de la defensora.', date: { start: '2024-04-02' }, place: chp, confidentiality: 'public_after_review', victims: [person('C')], acts: act('surveillance.home', 'non_state.organised_crime'),
      sources: [{ kind: 'victim', pseudonym: 'Testigo Uno', testimony: TESTIMONY, consent: consent('given') }, { kind: 'witness', testimony: 'Texto sin consentimiento.', consent: consent('refused') }] },
    { title: 'Secuestro', date: { start: '2024-05-20' }, place: chp, confidentiality: 'public_after_review', victims: [person('D'), person('E')], acts: act('kidnapping', 'non_state.organised_crime') },
    { title: 'Detención', date: { start: '2024-03-01' }, place: { precision: 'state', country: 'US', state: 'US-TX' }, confidentiality: 'public_after_review', victims: [person('F')], acts: act('detention', 'state.us.cbp') },
    { title: 'Amenaza incierta', date: { start: '2023-12', end: '2024-01' }, place: coa, confidentiality: 'public_after_review', victims: [{ key: 'b', actorId: b }], acts: act('threat.phone', 'state.mx.inm') },
    { title: 'Amenaza previa', date: { start: '2023-08-01' }, place: coa, confidentiality: 'public_after_review', victims: [{ key: 'a', actorId: a }], acts: act('threat.death', 'state.mx.inm') },
    { title: 'Irrupción', date: { start: '2023-11-11' }, place: chp, confidentiality: 'public_after_review', victims: [{ key: 's', actor: { kind: 'organisation', pseudonym: 'Albergue S', orgType: 'shelter' } }], acts: act('shelter_entry.raid', 'state.mx.inm') },
    { title: 'Fuera', date: { start: '2023-07-02' }, place: coa, confidentiality: 'public_after_review', victims: [person('X')], acts: act('threat') },
    { title: 'Reservado', date: { start: '2024-03-03' }, place: coa, confidentiality: 'restricted', victims: [person('R')], acts: act('threat') },
    { title: 'Interno', date: { start: '2024-03-04' }, place: coa, confidentiality: 'organisation', victims: [person('O')], acts: act('threat') },
  ]);
  inc = [first!, second!, ...rest];
}, 60_000);
afterAll(async () => {
  await ws?.close();
});

const spec = (extra: Record<string, unknown> = {}) => ({ title: 'Informe semestral', from: '2024-01', to: '2024-06', ...extra });

describe('report figures on a known dataset', () => {
  it('counts incidents and distinct victims of both periods, by act, perpetrator type, country, state and month', async () => {
    const steps: Progress[] = [];
    const r = await runReport(ctx, await prepareReport(ctx, spec()), (p) => steps.push(p));
    const f = r.figures;
    expect(f.recent).toEqual({ from: '2024-01-01', to: '2024-06-30', incidents: 6, victims: 6 });
    expect(f.before).toEqual({ from: '2023-07-03', to: '2023-12-31', incidents: 3, victims: null });
    expect(f.incidentsChange).toBe(100);
    const rows = (d: keyof typeof f.by) => f.by[d].rows.map((x) => [x.key, x.recent, x.before]);
    expect(rows('act')).toEqual([['threat', 3, 2], ['detention', 1, 0], ['kidnapping', 1, 0], ['surveillance', 1, 0], ['shelter_entry', 0, 1]]);
    expect(rows('perpetratorType')).toEqual([['state.mx', 3, 3], ['non_state.organised_crime', 2, 0], ['state.us', 1, 0]]);
    expect(rows('country')).toEqual([['MX', 5, 3], ['US', 1, 0]]);
    expect(rows('state')).toEqual([['MX-COA', 3, 2], ['MX-CHP', 2, 1], ['US-TX', 1, 0]]);
    expect(f.overTime.buckets).toEqual(['2023-12', '2024-01', '2024-02', '2024-03', '2024-04']);
    expect(f.overTime.totals).toEqual([1, 0, 2, 1, 1]);
    expect(f.overTime.undated).toBe(1); // the kidnapping, published by year only
    expect(steps.at(-1)).toMatchObject({ step: 'done' });
    expect(steps.at(-1)!.done).toBe(steps.at(-1)!.total);
    // the same numbers in the files
    expect(r.html).toContain('Cifras clave');
    expect(r.html).toMatch(/Incidentes<\/th><td class="n">3<\/td><td class="n">6<\/td><td class="n">\+100 %/);
    const text = (await pdfText(r.pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Informe semestral');
    expect(text).toContain('menos de 5');
    const audit = (await ctx.store.audit.list(5)).find((e) => e.action === 'report.generated');
    expect(audit).toBeTruthy();
  });

  it('quotes a consented excerpt; refuses restricted, unpublished and unconsented choices, naming the field', async () => {
    const surveillance = inc[2]!;
    const given = surveillance.sources[0]!.id;
    const r = await runReport(ctx, await prepareReport(ctx, spec({ lang: 'en', caseStudies: [{ incidentId: surveillance.id, excerpts: [{ sourceId: given, text: 'frente a la casa tres noches seguidas' }] }], recommendations: [{ addressee: 'Fiscalía de Chiapas', text: 'Investigar la vigilancia.' }] })));
    expect(r.html).toContain('frente a la casa tres noches seguidas');
    expect(r.html).toContain('Testigo Uno');
    expect(r.html).toContain('Fiscalía de Chiapas');
    expect(r.html).not.toContain('Texto sin consentimiento');
    expect((await pdfText(r.pdf)).replace(/\s+/g, ' ')).toContain('frente a la casa tres noches seguidas');
    const refused = async (body: Record<string, unknown>) => {
      try {
        await prepareReport(ctx, spec(body));
      } catch (e) {
        return (e as ServiceError).problems?.map((p) => [p.path, p.code]);
      }
      return null;
    };
    expect(await refused({ caseStudies: [{ incidentId: inc[9]!.id }] })).toEqual([['caseStudies[0].incidentId', 'restricted']]);
    expect(await refused({ caseStudies: [{ incidentId: inc[10]!.id }] })).toEqual([['caseStudies[0].incidentId', 'not_publishable']]);
    expect(await refused({ caseStudies: [{ incidentId: surveillance.id, excerpts: [{ sourceId: surveillance.sources[1]!.id }] }] })).toEqual([['caseStudies[0].excerpts[0].sourceId', 'no_publication_consent']]);
    expect(await refused({ from: '2024-07', to: '2024-01' })).toEqual([['to', 'invalid']]);
  });

  it('counts the affected people holding protection measures in force, per kind, on published terms', async () => {
    const victimIds = (i: number) => inc[i]!.victims.map((v) => v.actorId);
    const [a] = victimIds(0); const [, b] = victimIds(1); const [c] = victimIds(2); const [d, e] = victimIds(3); const [f] = victimIds(4);
    const [x] = victimIds(8); const [restricted] = victimIds(9);
    let n = 0;
    const measure = (actorId: string | undefined, kind: string, status = 'granted_active') =>
      ({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, actor_id: actorId!, ordinal: n, kind, status, reference: null, granted: null, expires: null, includes: null, notes: null });
    await ctx.store.db.insertInto('protection_measures').values([
      // five affected people in the period with IACHR measures in force: shown
      measure(a, 'iachr_precautionary'), measure(b, 'iachr_precautionary'), measure(c, 'iachr_precautionary'), measure(d, 'iachr_precautionary'), measure(e, 'iachr_precautionary'),
      // four in force with the federal Mechanism (one expired, one of someone outside the period, one of a restricted incident's victim): under k = 5, left out
      measure(a, 'federal_mechanism'), measure(b, 'federal_mechanism'), measure(c, 'federal_mechanism'), measure(d, 'federal_mechanism'), measure(f, 'federal_mechanism', 'expired'),
      measure(x, 'federal_mechanism'), measure(restricted, 'federal_mechanism'),
    ]).execute();
    const r = await runReport(ctx, await prepareReport(ctx, spec({ lang: 'en' })));
    const section = r.html.slice(r.html.indexOf('holding protection measures in force'));
    expect(section).toMatch(/IACHR precautionary measures<\/th><td class="n">5</);
    expect(section).not.toContain('federal Protection Mechanism');
    expect((await pdfText(r.pdf)).replace(/\s+/g, ' ')).toContain('holding protection measures in force');
    await ctx.store.db.deleteFrom('protection_measures').execute();
  });
});
