import { describe, it, expect } from 'vitest';
import { repeatedTargeting } from './repeated-targeting.js';
import type { PatternIncident } from './pattern-incident.js';

/** An incident against some victims; its acts do not matter to this detector. */
const inc = (id: string, day: string | null, ...victimIds: string[]): PatternIncident => ({ id, day, victimIds, acts: [{ kind: 'threat', perpetrators: [] }] });

describe('repeated targeting', () => {
  it('flags a victim with three incidents in a year, and not one with two', () => {
    const flags = repeatedTargeting([
      inc('c', '2024-06-01', 'shelter'),
      inc('a', '2024-01-10', 'shelter', 'director'),
      inc('b', '2024-03-01', 'shelter', 'director'),
    ]);
    expect(flags).toEqual([{ kind: 'repeated_targeting', victimId: 'shelter', incidentIds: ['a', 'b', 'c'], from: '2024-01-10', to: '2024-06-01', count: 3 }]);
  });

  it('describes the busiest window, not the first one found', () => {
    const flags = repeatedTargeting([
      inc('old1', '2020-01-01', 'v'),
      inc('old2', '2020-02-01', 'v'),
      inc('old3', '2020-03-01', 'v'),
      inc('new1', '2022-01-01', 'v'),
      inc('new2', '2022-02-01', 'v'),
      inc('new3', '2022-03-01', 'v'),
      inc('new4', '2022-04-01', 'v'),
    ]);
    expect(flags).toEqual([{ kind: 'repeated_targeting', victimId: 'v', incidentIds: ['new1', 'new2', 'new3', 'new4'], from: '2022-01-01', to: '2022-04-01', count: 4 }]);
  });

  it('between equally busy windows takes the earliest', () => {
    const flags = repeatedTargeting(
      [inc('x1', '2021-05-01', 'v'), inc('x2', '2021-05-02', 'v'), inc('y1', '2023-05-01', 'v'), inc('y2', '2023-05-02', 'v')],
      { minIncidents: 2 },
    );
    expect(flags).toEqual([{ kind: 'repeated_targeting', victimId: 'v', incidentIds: ['x1', 'x2'], from: '2021-05-01', to: '2021-05-02', count: 2 }]);
  });

  it('counts a window of exactly windowDays days, not one day more', () => {
    // 2024 is a leap year: 2024-01-01..2024-12-30 is 365 days inclusive, ..2024-12-31 is 366
    const inside = repeatedTargeting([inc('a', '2024-01-01', 'v'), inc('b', '2024-07-01', 'v'), inc('c', '2024-12-30', 'v')]);
    expect(inside).toEqual([{ kind: 'repeated_targeting', victimId: 'v', incidentIds: ['a', 'b', 'c'], from: '2024-01-01', to: '2024-12-30', count: 3 }]);
    expect(repeatedTargeting([inc('a', '2024-01-01', 'v'), inc('b', '2024-07-01', 'v'), inc('c', '2024-12-31', 'v')])).toEqual([]);
    // a one-day window holds the incidents of a single day
    expect(repeatedTargeting([inc('a', '2024-01-01', 'v'), inc('b', '2024-01-02', 'v')], { minIncidents: 2, windowDays: 1 })).toEqual([]);
    expect(repeatedTargeting([inc('b', '2024-01-01', 'v'), inc('a', '2024-01-01', 'v')], { minIncidents: 2, windowDays: 1 })).toEqual([
      { kind: 'repeated_targeting', victimId: 'v', incidentIds: ['a', 'b'], from: '2024-01-01', to: '2024-01-01', count: 2 },
    ]);
  });

  it('leaves undated incidents (and days that do not exist) out', () => {
    const flags = repeatedTargeting([inc('a', '2024-01-01', 'v'), inc('b', null, 'v'), inc('c', '2024-02-30', 'v'), inc('d', '2024-02-01', 'v')]);
    expect(flags).toEqual([]);
    expect(repeatedTargeting([inc('a', '2024-01-01', 'v'), inc('b', null, 'v'), inc('d', '2024-02-01', 'v')], { minIncidents: 2 })).toEqual([
      { kind: 'repeated_targeting', victimId: 'v', incidentIds: ['a', 'd'], from: '2024-01-01', to: '2024-02-01', count: 2 },
    ]);
  });

  it('counts an incident that lists a victim twice once', () => {
    const incidents = [inc('a', '2024-01-01', 'v', 'v'), inc('b', '2024-01-05', 'v', 'v', 'v')];
    expect(repeatedTargeting(incidents)).toEqual([]);
    expect(repeatedTargeting(incidents, { minIncidents: 2 })).toEqual([
      { kind: 'repeated_targeting', victimId: 'v', incidentIds: ['a', 'b'], from: '2024-01-01', to: '2024-01-05', count: 2 },
    ]);
  });

  it('goes by victimIds, not by the victims acts name', () => {
    const named: PatternIncident = { id: 'n', day: '2024-01-03', victimIds: ['other'], acts: [{ kind: 'threat', victimId: 'v', perpetrators: [] }] };
    expect(repeatedTargeting([inc('a', '2024-01-01', 'v'), inc('b', '2024-01-02', 'v'), named]).map((f) => f.victimId)).toEqual([]);
  });

  it('gives one flag per victim, sorted by victim id', () => {
    const incidents = ['2024-01-01', '2024-01-02', '2024-01-03'].map((day, i) => inc(`i${i}`, day, 'zeta', 'alpha', 'Mid'));
    expect(repeatedTargeting(incidents).map((f) => f.victimId)).toEqual(['Mid', 'alpha', 'zeta']);
  });
});
