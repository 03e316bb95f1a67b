import { describe, it, expect } from 'vitest';
import { escalation } from './escalation.js';
import type { PatternAct, PatternIncident } from './pattern-incident.js';

const act = (kind: string, victimId?: string): PatternAct => (victimId === undefined ? { kind, perpetrators: [] } : { kind, victimId, perpetrators: [] });
const inc = (id: string, day: string | null, victimIds: string[], ...acts: PatternAct[]): PatternIncident => ({ id, day, victimIds, acts });

describe('escalation', () => {
  it('flags watching, then threatening, then attacking', () => {
    const flags = escalation([
      inc('i3', '2024-04-01', ['v'], act('physical_assault')),
      inc('i1', '2024-01-05', ['v'], act('surveillance.home')),
      inc('i2', '2024-02-10', ['v'], act('threat.death')),
    ]);
    expect(flags).toEqual([
      {
        kind: 'escalation',
        victimId: 'v',
        stages: [1, 2, 3],
        steps: [
          { stage: 1, incidentId: 'i1', day: '2024-01-05' },
          { stage: 2, incidentId: 'i2', day: '2024-02-10' },
          { stage: 3, incidentId: 'i3', day: '2024-04-01' },
        ],
        incidentIds: ['i1', 'i2', 'i3'],
        from: '2024-01-05',
        to: '2024-04-01',
      },
    ]);
  });

  it('does not flag the stages in the wrong order', () => {
    const incidents = [inc('a', '2024-01-01', ['v'], act('detention')), inc('b', '2024-02-01', ['v'], act('harassment')), inc('c', '2024-03-01', ['v'], act('surveillance'))];
    expect(escalation(incidents)).toEqual([]);
    // a threat, then surveillance, then an attack: the longest climb is two steps
    const mixed = [inc('a', '2024-01-01', ['v'], act('threat')), inc('b', '2024-01-02', ['v'], act('surveillance')), inc('c', '2024-01-03', ['v'], act('shooting'))];
    expect(escalation(mixed)).toEqual([]);
    expect(escalation(mixed, { minSteps: 2 }).map((f) => [f.stages, f.incidentIds])).toEqual([[[2, 3], ['a', 'c']]]);
  });

  it('keeps the first and last step within windowDays days, inclusive', () => {
    const chain = (last: string) => [inc('a', '2023-01-01', ['v'], act('surveillance')), inc('b', '2023-06-01', ['v'], act('threat')), inc('c', last, ['v'], act('kidnapping'))];
    expect(escalation(chain('2023-12-31')).map((f) => [f.from, f.to])).toEqual([['2023-01-01', '2023-12-31']]); // 365 days
    expect(escalation(chain('2024-01-01'))).toEqual([]); // 366 days
    expect(escalation(chain('2024-01-01'), { windowDays: 366 }).map((f) => f.to)).toEqual(['2024-01-01']);
  });

  it('allows steps on the same day and within one incident', () => {
    const sameDay = escalation([inc('b', '2024-05-05', ['v'], act('threat')), inc('a', '2024-05-05', ['v'], act('surveillance')), inc('c', '2024-05-05', ['v'], act('shelter_entry'))]);
    expect(sameDay.map((f) => f.incidentIds)).toEqual([['a', 'b', 'c']]);
    const raid = escalation([inc('r', '2024-05-05', ['shelter'], act('surveillance.photographing'), act('threat'), act('detention'))]);
    expect(raid.map((f) => [f.stages, f.incidentIds, f.steps.map((s) => s.incidentId)])).toEqual([[[1, 2, 3], ['r'], ['r', 'r', 'r']]]);
  });

  it('gives acts without victimId to every victim and named acts to that victim only', () => {
    const incidents = [
      inc('i1', '2024-01-01', ['v1', 'v2'], act('surveillance'), act('threat', 'v1')),
      inc('i2', '2024-02-01', ['v1', 'v2'], act('criminalisation')),
    ];
    expect(escalation(incidents).map((f) => [f.victimId, f.stages])).toEqual([['v1', [1, 2, 3]]]);
    expect(escalation(incidents, { minSteps: 2 }).map((f) => [f.victimId, f.stages, f.incidentIds])).toEqual([
      ['v1', [1, 2, 3], ['i1', 'i2']],
      ['v2', [1, 3], ['i1', 'i2']],
    ]);
  });

  it('leaves undated incidents and unstaged act codes out', () => {
    const incidents = [
      inc('a', '2024-01-01', ['v'], act('surveillance')),
      inc('b', null, ['v'], act('threat')),
      inc('c', '2024-02-01', ['v'], act('obstruction'), act('other')),
      inc('d', '2024-03-01', ['v'], act('killing')),
    ];
    expect(escalation(incidents)).toEqual([]);
    expect(escalation(incidents, { minSteps: 2 }).map((f) => f.incidentIds)).toEqual([['a', 'd']]);
  });

  it('prefers the longest chain, then the earliest', () => {
    const incidents = [
      inc('early', '2019-01-01', ['v'], act('surveillance')),
      inc('early2', '2019-01-02', ['v'], act('threat')),
      inc('s2', '2024-01-01', ['v'], act('surveillance')),
      inc('s1', '2024-01-01', ['v'], act('surveillance')),
      inc('t2', '2024-03-01', ['v'], act('defamation')),
      inc('t1', '2024-02-01', ['v'], act('harassment')),
      inc('x', '2024-04-01', ['v'], act('shooting')),
    ];
    expect(escalation(incidents, { minSteps: 2 }).map((f) => f.incidentIds)).toEqual([['s1', 't1', 'x']]);
    expect(escalation(incidents.slice(0, 2), { minSteps: 2 }).map((f) => f.incidentIds)).toEqual([['early', 'early2']]);
  });

  it('uses the stages it is given', () => {
    const stages = [
      { name: 'watched', codes: ['surveillance'] },
      { name: 'stopped', codes: ['border', 'interrogation'] },
    ];
    const incidents = [inc('a', '2024-01-01', ['v'], act('surveillance.online')), inc('b', '2024-01-09', ['v'], act('interrogation.phone_search')), inc('c', '2024-01-10', ['v'], act('detention'))];
    expect(escalation(incidents, { stages, minSteps: 2 }).map((f) => [f.stages, f.incidentIds])).toEqual([[[1, 2], ['a', 'b']]]);
  });
});
