import { describe, it, expect } from 'vitest';
import { fillPlace, largerCounts, mergeIncidentViews, mergeLimitProblems } from './merge.js';
import type { IncidentView } from '../incident/view.js';

const consent = { internal_analysis: 'given', share_partners: 'refused', anonymous_publication: 'not_asked', named_publication: 'refused', legal_action: 'given' };
const view = (id: string, over: Partial<IncidentView> = {}): IncidentView => ({
  id, ref: `INC-${id}`, version: 1, orgId: 'o', title: `Título ${id}`, place: { precision: 'unknown' }, context: [], status: 'reported', followUp: 'open', confidentiality: 'organisation',
  victims: [], acts: [], sources: [], interventions: [], createdAt: 't', createdBy: 'u', updatedAt: 't', updatedBy: 'u', ...over,
});
const victim = (actorId: string, pseudonym: string) => ({ key: actorId, actorId, actor: { id: actorId, kind: 'person' as const, pseudonym } as IncidentView['victims'][number]['actor'] });

describe('merging B into A', () => {
  it('keeps A\'s fields and adds B\'s parts with their ids; the same person once', () => {
    const a = view('a', {
      summary: 'Lo que sabe A', date: { start: '2026-03-10' }, place: { precision: 'state', country: 'MX', state: 'MX-CHP' }, context: ['shelter'], status: 'verified',
      victims: [victim('p1', 'Sol')], acts: [{ id: 'act-a', kind: 'detention.arrest', victimKey: 'p1', methods: [], consequences: [], perpetrators: [{ id: 'inv-a', perpetrator: 'state.mx.inm' }] }],
      sources: [{ id: 'src-a', kind: 'victim', consent }], counts: { dead: 1, missing: 4 },
    });
    const b = view('b', {
      summary: 'Lo que sabe B', date: { start: '2026-03' }, place: { precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula', private: { address: 'Calle 1' } },
      context: ['shelter', 'caravan'], victims: [victim('p1', 'Sol'), victim('p2', 'Luna')],
      acts: [{ id: 'act-b', kind: 'threat.death', victimKey: 'p2', methods: ['phone_call'], consequences: [], perpetrators: [{ id: 'inv-b', perpetrator: 'non_state.unknown', identifiedIndividuals: 'alias X' }] }],
      sources: [{ id: 'src-b', kind: 'witness', testimony: 'Lo vi todo', consent }], interventions: [{ id: 'itv-b', kind: 'complaint' }], counts: { dead: 3, survivors: 2 },
    });
    const { merged, summary } = mergeIncidentViews(a, b);
    expect(merged).toMatchObject({ title: 'Título a', summary: 'Lo que sabe A', date: { start: '2026-03-10' }, status: 'verified', confidentiality: 'organisation' });
    expect(merged.victims).toEqual([{ key: 'p1', actorId: 'p1' }, { key: 'p2', actorId: 'p2' }]);
    expect(merged.acts.map((x) => x.id)).toEqual(['act-a', 'act-b']);
    expect(merged.acts[1]!.perpetrators).toEqual([{ id: 'inv-b', perpetrator: 'non_state.unknown', identifiedIndividuals: 'alias X' }]);
    expect(merged.sources[1]).toEqual({ id: 'src-b', kind: 'witness', testimony: 'Lo vi todo', consent });
    expect(merged.interventions.map((x) => x.id)).toEqual(['itv-b']);
    expect(merged.context).toEqual(['shelter', 'caravan']);
    expect(merged.counts).toEqual({ dead: 3, missing: 4, survivors: 2 });
    expect(merged.place).toEqual({ precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula', private: { address: 'Calle 1' } });
    // what came in, by path and count only (no values)
    expect(summary).toEqual({ victims: 1, acts: 1, sources: 1, interventions: 1, context: ['caravan'], filled: ['place.locality', 'place.private', 'place.precision'], counts: ['counts.dead', 'counts.survivors'] });
    expect(JSON.stringify(summary)).not.toMatch(/Tapachula|Calle|Lo vi/);
  });

  it('fills a date and a summary A lacks', () => {
    const { merged, summary } = mergeIncidentViews(view('a'), view('b', { summary: 'S', date: { start: '2026-01', approximate: true } }));
    expect(merged).toMatchObject({ summary: 'S', date: { start: '2026-01', approximate: true } });
    expect(summary.filled).toEqual(['summary', 'date']);
  });

  it('never fills place details that disagree with A\'s place', () => {
    expect(fillPlace({ precision: 'country', country: 'MX' }, { precision: 'state', country: 'US', state: 'US-TX' })).toEqual({ place: { precision: 'country', country: 'MX' }, filled: [] });
    expect(fillPlace({ precision: 'state', country: 'MX', state: 'MX-COA' }, { precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' })).toEqual({ place: { precision: 'state', country: 'MX', state: 'MX-COA' }, filled: [] });
    expect(fillPlace({ precision: 'unknown' }, { precision: 'crossing', country: 'US', crossing: 'el_paso' })).toEqual({ place: { precision: 'crossing', country: 'US', crossing: 'el_paso' }, filled: ['place.country', 'place.crossing', 'place.precision'] });
    // A's precision stays when B's rests on nothing new
    expect(fillPlace({ precision: 'state', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' }, { precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' }).place.precision).toBe('state');
  });

  it('takes the larger of each count', () => {
    expect(largerCounts(undefined, undefined)).toEqual({ counts: undefined, raised: [] });
    expect(largerCounts({ dead: 2 }, { dead: 2, women: 0 })).toEqual({ counts: { dead: 2, women: 0 }, raised: ['counts.women'] });
    expect(largerCounts({ dead: 5 }, { dead: 2 })).toEqual({ counts: { dead: 5 }, raised: [] });
  });

  it('refuses more parts than an incident may hold, naming the other incident', () => {
    const many = (n: number, p: string) => Array.from({ length: n }, (_, i) => ({ id: `${p}${i}`, kind: 'victim', consent }));
    const { merged } = mergeIncidentViews(view('a', { sources: many(30, 'a') }), view('b', { sources: many(21, 'b') }));
    expect(mergeLimitProblems(merged)).toEqual([{ path: 'other', message: 'the merged incident would hold 51 sources, more than the 50 an incident may hold', code: 'merge_too_large' }]);
  });
});
