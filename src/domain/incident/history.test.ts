import { describe, it, expect } from 'vitest';
import { diffIncident, isIdentifyingPath } from './history.js';
import type { IncidentView } from './view.js';

const base: IncidentView = {
  id: 'i1', ref: 'INC-000001', version: 1, orgId: 'o', title: 'Amenaza', place: { precision: 'unknown' }, context: ['shelter'], status: 'reported', followUp: 'open', confidentiality: 'organisation',
  victims: [], acts: [{ id: 'a1', kind: 'threat', methods: [], consequences: [], perpetrators: [{ id: 'p1', perpetrator: 'non_state.unknown', identifiedIndividuals: 'Fulano' }] }],
  sources: [], interventions: [], createdAt: 't', createdBy: 'u', updatedAt: 't', updatedBy: 'u',
};

describe('incident history', () => {
  it('lists every field of a new incident', () => {
    const ch = diffIncident(null, base);
    expect(ch.map((c) => c.path)).toEqual(expect.arrayContaining(['title', 'acts#a1.kind', 'acts#a1.perpetrators#p1.perpetrator']));
  });
  it('records before and after for plain fields, and only "changed" for identifying ones', () => {
    const after = { ...base, version: 2, title: 'Amenaza de muerte', acts: [{ ...base.acts[0]!, perpetrators: [{ id: 'p1', perpetrator: 'non_state.unknown', identifiedIndividuals: 'Mengano' }] }] };
    const ch = diffIncident(base, after);
    expect(ch).toContainEqual({ path: 'title', before: 'Amenaza', after: 'Amenaza de muerte' });
    expect(ch).toContainEqual({ path: 'acts#a1.perpetrators#p1.identifiedIndividuals', identifying: true });
    expect(JSON.stringify(ch)).not.toMatch(/Fulano|Mengano/);
  });
  it('ignores reordering and bookkeeping fields', () => {
    const two = { ...base, context: ['shelter', 'caravan'] };
    const swapped = { ...two, context: ['caravan', 'shelter'], version: 9, updatedAt: 'x' };
    expect(diffIncident(two, swapped)).toEqual([]);
  });
  it('knows which paths identify people', () => {
    expect(isIdentifyingPath('place.private.lat')).toBe(true);
    expect(isIdentifyingPath('sources#s.testimony')).toBe(true);
    expect(isIdentifyingPath('summary')).toBe(false);
  });
});
