import { describe, it, expect } from 'vitest';
import { coPerpetrators } from './co-perpetrators.js';
import type { PatternIncident } from './pattern-incident.js';

/** An incident whose acts have these perpetrator codes, one array per act. */
const inc = (id: string, day: string | null, ...acts: string[][]): PatternIncident => ({
  id,
  day,
  victimIds: ['v'],
  acts: acts.map((codes) => ({ kind: 'shelter_entry', perpetrators: codes.map((code) => ({ code })) })),
});
const police = 'state.mx.municipal_police';
const crime = 'non_state.organised_crime';

describe('co-perpetrators', () => {
  it('flags a pair seen in three incidents, and not one seen in two', () => {
    const flags = coPerpetrators([
      inc('c', '2024-03-01', [police, crime]),
      inc('a', '2024-01-01', [police], [crime]), // in different acts of one incident: still together
      inc('b', '2024-02-01', [crime, police, 'state.mx.inm']),
      inc('d', '2024-04-01', ['state.mx.inm', police]),
    ]);
    expect(flags).toEqual([{ kind: 'co_perpetrators', a: crime, b: police, count: 3, incidentIds: ['a', 'b', 'c'] }]);
  });

  it('counts a pair once per incident however many acts repeat it', () => {
    const incidents = [inc('a', '2024-01-01', [police, crime], [police, crime], [crime, police]), inc('b', '2024-01-02', [police, crime], [crime])];
    expect(coPerpetrators(incidents)).toEqual([]);
    expect(coPerpetrators(incidents, { minIncidents: 2 })).toEqual([{ kind: 'co_perpetrators', a: crime, b: police, count: 2, incidentIds: ['a', 'b'] }]);
  });

  it('never pairs a code with itself', () => {
    expect(coPerpetrators([inc('a', null, [police], [police]), inc('b', null, [police, police])], { minIncidents: 2 })).toEqual([]);
  });

  it('counts undated incidents and lists them last', () => {
    const flags = coPerpetrators([inc('z', null, [police, crime]), inc('y', '2024-05-01', [police, crime]), inc('x', null, [police, crime])]);
    expect(flags.map((f) => f.incidentIds)).toEqual([['y', 'x', 'z']]);
  });

  it('pairs countries, not institutions, at level country', () => {
    const incidents = ['a', 'b', 'c'].map((id) => inc(id, '2024-01-01', ['state.mx.inm', 'state.mx.gn'], ['state.us.cbp']));
    expect(coPerpetrators(incidents).map((f) => `${f.a}+${f.b}:${f.count}`)).toEqual([
      'state.mx.gn+state.mx.inm:3',
      'state.mx.gn+state.us.cbp:3',
      'state.mx.inm+state.us.cbp:3',
    ]);
    expect(coPerpetrators(incidents, { level: 'country' }).map((f) => `${f.a}+${f.b}:${f.count}`)).toEqual(['state.mx+state.us:3']);
  });

  it('keeps bare and other-country codes as given', () => {
    const incidents = ['a', 'b', 'c'].map((id) => inc(id, '2024-01-01', ['state', 'non_state', 'state.other_country']));
    expect(coPerpetrators(incidents).map((f) => `${f.a}+${f.b}`)).toEqual(['non_state+state', 'non_state+state.other_country', 'state+state.other_country']);
  });

  it('sorts by count, most first, then by codes', () => {
    const incidents = [
      inc('1', '2024-01-01', ['b', 'c'], ['a']),
      inc('2', '2024-01-02', ['b', 'c']),
      inc('3', '2024-01-03', ['a', 'c']),
      inc('4', '2024-01-04', ['b', 'c']),
    ];
    expect(coPerpetrators(incidents, { minIncidents: 2 }).map((f) => `${f.a}${f.b}${f.count}`)).toEqual(['bc3', 'ac2']);
  });
});
