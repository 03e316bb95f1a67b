import { describe, it, expect } from 'vitest';
import { crossBorder } from './cross-border.js';
import type { PatternAct, PatternIncident, PatternPerpetrator } from './pattern-incident.js';

const by = (code: string, country?: string): PatternPerpetrator => (country === undefined ? { code } : { code, country });
const act = (perpetrators: PatternPerpetrator[], victimId?: string): PatternAct => ({ kind: 'detention', perpetrators, ...(victimId === undefined ? {} : { victimId }) });
const inc = (id: string, day: string | null, victimIds: string[], ...acts: PatternAct[]): PatternIncident => ({ id, day, victimIds, acts });

describe('cross-border chains', () => {
  it('flags a victim questioned in the US and detained in Mexico', () => {
    const flags = crossBorder([inc('mx', '2024-03-01', ['lawyer'], act([by('state.mx.inm')])), inc('us', '2024-01-10', ['lawyer'], act([by('state.us.cbp')]))]);
    expect(flags).toEqual([{ kind: 'cross_border', victimId: 'lawyer', countries: ['MX', 'US'], incidentIds: ['us', 'mx'], from: '2024-01-10', to: '2024-03-01' }]);
  });

  it('does not count non-state perpetrators, nor a state whose country is unknown', () => {
    expect(crossBorder([inc('a', '2024-01-01', ['v'], act([by('state.mx.gn'), by('non_state.organised_crime', 'GT')]))])).toEqual([]);
    expect(crossBorder([inc('a', '2024-01-01', ['v'], act([by('state.mx.gn')])), inc('b', '2024-01-02', ['v'], act([by('state.other_country')]))])).toEqual([]);
    expect(crossBorder([inc('a', '2024-01-01', ['v'], act([by('state.mx.gn')])), inc('b', '2024-01-02', ['v'], act([by('state')]))])).toEqual([]);
  });

  it('takes the country of state.other_country (and a bare state) from its country field', () => {
    const flags = crossBorder([
      inc('a', '2024-01-01', ['v'], act([by('state.mx.gn')])),
      inc('b', '2024-01-02', ['v'], act([by('state.other_country', 'gt')])),
      inc('c', '2024-01-03', ['v'], act([by('state', 'BZ')])),
    ]);
    expect(flags.map((f) => [f.countries, f.incidentIds])).toEqual([[['BZ', 'GT', 'MX'], ['a', 'b', 'c']]]);
  });

  it('flags one joint operation by two states, once', () => {
    const flags = crossBorder([inc('joint', '2024-06-01', ['v', 'v'], act([by('state.us.ice'), by('state.mx.inm')]), act([by('state.mx.inm')]))]);
    expect(flags).toEqual([{ kind: 'cross_border', victimId: 'v', countries: ['MX', 'US'], incidentIds: ['joint'], from: '2024-06-01', to: '2024-06-01' }]);
  });

  it('keeps the two countries within windowDays days, inclusive', () => {
    const pair = (second: string) => [inc('a', '2023-03-01', ['v'], act([by('state.us.cbp')])), inc('b', second, ['v'], act([by('state.mx.inm')]))];
    // 2024-02-29 falls between: 2023-03-01..2024-02-28 is 365 days inclusive, ..2024-02-29 is 366
    expect(crossBorder(pair('2024-02-28')).map((f) => f.to)).toEqual(['2024-02-28']);
    expect(crossBorder(pair('2024-02-29'))).toEqual([]);
    expect(crossBorder(pair('2023-03-02'), { windowDays: 1 })).toEqual([]);
    expect(crossBorder(pair('2023-03-01'), { windowDays: 1 }).map((f) => f.countries)).toEqual([['MX', 'US']]);
  });

  it('describes the window with the most countries, then the earliest', () => {
    const incidents = [
      inc('u0', '2019-01-01', ['v'], act([by('state.us.cbp')])),
      inc('m0', '2019-02-01', ['v'], act([by('state.mx.inm')])),
      inc('g1', '2023-01-01', ['v'], act([by('state.gt.pnc')])),
      inc('m1', '2023-02-01', ['v'], act([by('state.mx.inm')])),
      inc('u1', '2023-03-01', ['v'], act([by('state.us.ice')])),
    ];
    expect(crossBorder(incidents).map((f) => [f.countries, f.incidentIds, f.from, f.to])).toEqual([[['GT', 'MX', 'US'], ['g1', 'm1', 'u1'], '2023-01-01', '2023-03-01']]);
    expect(crossBorder(incidents.slice(0, 4)).map((f) => [f.countries, f.incidentIds])).toEqual([[['MX', 'US'], ['u0', 'm0']]]);
  });

  it('counts acts against the victim only, on dated incidents only', () => {
    const incidents = [
      inc('a', '2024-01-01', ['v1', 'v2'], act([by('state.us.cbp')])),
      inc('b', '2024-01-02', ['v1', 'v2'], act([by('state.mx.inm')], 'v2')),
      inc('c', null, ['v1'], act([by('state.hn.police')])),
    ];
    expect(crossBorder(incidents).map((f) => [f.victimId, f.countries])).toEqual([['v2', ['MX', 'US']]]);
  });
});
