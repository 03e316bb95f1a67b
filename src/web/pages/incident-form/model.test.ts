/** The incident form's model keeps an incident's counts through an edit (an imported incident edited by hand loses nothing). */
import { describe, it, expect } from 'vitest';
import { emptyForm, fromDraft, fromView, toInput } from './model';
import type { IncidentView } from '../../types';

const view = {
  id: '00000000-0000-4000-8000-000000000001', ref: 'INC-000001', version: 1, orgId: 'o', title: 'Naufragio frente a Tapachula',
  place: { precision: 'state', country: 'MX', state: 'MX-CHP' }, context: [], status: 'reported', followUp: 'open', confidentiality: 'organisation',
  counts: { dead: 12, missing: 3 }, victims: [], acts: [], sources: [], interventions: [],
  createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u',
} as unknown as IncidentView;

describe('counts in the incident form', () => {
  it('come back unchanged when an incident is opened and saved', () => {
    const { input, problems } = toInput(fromView(view));
    expect(problems).toEqual([]);
    expect(input.counts).toEqual({ dead: 12, missing: 3 });
  });
  it('are left out when none is typed, and a bad one is a problem on its field', () => {
    expect(toInput({ ...emptyForm(), title: 'x' }).input.counts).toBeUndefined();
    const { problems } = toInput({ ...emptyForm(), title: 'x', counts: { dead: '-1', women: '2,5', men: '7' } });
    expect(problems.map((p) => p.path).sort()).toEqual(['counts.dead', 'counts.women']);
  });
  it('survive a draft saved before they existed', () => {
    const form = fromDraft({ form: { title: 'viejo borrador' } })!;
    expect(toInput(form).input.counts).toBeUndefined();
  });
});
