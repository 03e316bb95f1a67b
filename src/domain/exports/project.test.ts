/**
 * What of an incident goes into a records export: without identifying values, what the domain's
 * strip leaves (fields an admin marked included); with them, everything but testimonies whose
 * source did not give consent for the purpose; for partners, never anything identifying.
 */
import { describe, it, expect } from 'vitest';
import type { IncidentView } from '../incident/view.js';
import { CONSENT_USES } from '../incident/schema.js';
import { projectIncident, consentGiven } from './project.js';

const consent = (over: Partial<Record<(typeof CONSENT_USES)[number], string>>) => ({ ...Object.fromEntries(CONSENT_USES.map((u) => [u, 'not_asked'])), ...over }) as IncidentView['sources'][number]['consent'];
const inc: IncidentView = {
  id: 'i', ref: 'INC-000001', version: 1, orgId: 'o', title: 'T', summary: 'Resumen S',
  place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo', private: { lat: 25.4, lon: -101, address: 'Calle P' } },
  context: [], status: 'reported', followUp: 'open', confidentiality: 'organisation',
  victims: [{ key: 'a', actorId: 'a', actor: { id: 'a', version: 1, orgId: 'o', kind: 'person', pseudonym: 'A', realName: 'Nombre N', contact: 'Contacto C', notes: 'Notas', protectionMeasures: [], createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' } }],
  acts: [{ id: 'x', kind: 'threat.death', methods: [], consequences: [], description: 'Desc D', perpetrators: [{ id: 'p', perpetrator: 'state.mx.inm', identifiedIndividuals: 'Agente I' }] }],
  sources: [
    { id: 's1', kind: 'victim', pseudonym: 'F1', testimony: 'Testimonio 1', consent: consent({ internal_analysis: 'given', share_partners: 'refused' }) },
    { id: 's2', kind: 'witness', testimony: 'Testimonio 2', consent: consent({ internal_analysis: 'withdrawn', share_partners: 'given' }) },
    { id: 's3', kind: 'witness', consent: consent({ internal_analysis: 'given' }) },
  ],
  interventions: [{ id: 'n', kind: 'urgent_appeal', notes: 'Nota N' }],
  createdAt: '', createdBy: '', updatedAt: '', updatedBy: '',
};
const json = (v: unknown) => JSON.stringify(v);

describe('projectIncident', () => {
  it('without identifying values: none of them, and fields an admin marked identifying go too', () => {
    const p = projectIncident(inc, { identifying: false, purpose: 'internal', marked: new Set() });
    for (const s of ['Nombre N', 'Contacto C', 'Calle P', 'Agente I', 'Testimonio 1', 'Testimonio 2', '25.4']) expect(json(p.view)).not.toContain(s);
    expect(json(p.view)).toContain('Resumen S');
    expect(p.identifyingPaths).toEqual([]);
    const marked = projectIncident(inc, { identifying: false, purpose: 'internal', marked: new Set(['summary', 'acts.description', 'interventions.notes', 'actor.notes'] as const) });
    for (const s of ['Resumen S', 'Desc D', 'Nota N', 'Notas']) expect(json(marked.view)).not.toContain(s);
  });

  it('with identifying values: a testimony only when its source gave consent for the purpose', () => {
    const internal = projectIncident(inc, { identifying: true, purpose: 'internal', marked: new Set() });
    expect(internal.view.sources.map((s) => s.testimony)).toEqual(['Testimonio 1', undefined, undefined]);
    expect(internal.testimonies).toEqual({ included: 1, withheld: 1 });
    expect(internal.identifyingPaths).toEqual(['place.private', 'victims[0].actor.realName', 'victims[0].actor.contact', 'acts[0].perpetrators[0].identifiedIndividuals', 'sources[0].testimony']);
    expect(json(internal.view)).toContain('Nombre N');
    const marked = projectIncident(inc, { identifying: true, purpose: 'internal', marked: new Set(['summary'] as const) });
    expect(marked.identifyingPaths).toContain('summary');
  });

  it('for partners: never identifying values, even when asked (the query refuses that first)', () => {
    const p = projectIncident(inc, { identifying: true, purpose: 'partners', marked: new Set() });
    expect(p.identifyingPaths).toEqual([]);
    for (const s of ['Nombre N', 'Testimonio 2', 'Calle P']) expect(json(p.view)).not.toContain(s);
  });

  it('counts only an explicit "given" as consent', () => {
    expect(consentGiven(inc.sources[0]!, 'internal')).toBe(true);
    expect(consentGiven(inc.sources[0]!, 'partners')).toBe(false);
    expect(consentGiven(inc.sources[1]!, 'internal')).toBe(false);
    expect(consentGiven(inc.sources[1]!, 'partners')).toBe(true);
  });
});
