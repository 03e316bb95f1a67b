import { describe, it, expect } from 'vitest';
import { datedActsByVictim, topLevelKind } from './acts-against.js';
import type { PatternIncident } from './pattern-incident.js';

describe('acts against a victim', () => {
  const incidents: PatternIncident[] = [
    {
      id: 'i1',
      day: '2024-02-01',
      victimIds: ['v1', 'v2', 'v1'], // v1 listed twice: still one act each
      acts: [
        { kind: 'surveillance.home', perpetrators: [] }, // no victimId: against v1 and v2
        { kind: 'threat.death', victimId: 'v2', perpetrators: [] },
      ],
    },
    { id: 'i2', day: null, victimIds: ['v1'], acts: [{ kind: 'shooting', perpetrators: [] }] }, // undated: left out
    { id: 'i3', day: '2024-13-01', victimIds: ['v1'], acts: [{ kind: 'shooting', perpetrators: [] }] }, // not a real day
  ];

  it('gives acts without a victim to every victim, and named acts to the named victim only', () => {
    const byVictim = datedActsByVictim(incidents);
    expect([...byVictim.keys()].sort()).toEqual(['v1', 'v2']);
    expect(byVictim.get('v1')!.map((a) => `${a.incidentId}:${a.act.kind}:${a.day}`)).toEqual(['i1:surveillance.home:2024-02-01']);
    expect(byVictim.get('v2')!.map((a) => `${a.incidentId}:${a.act.kind}`)).toEqual(['i1:surveillance.home', 'i1:threat.death']);
  });

  it('reads the top-level act code', () => {
    expect(topLevelKind('threat.death')).toBe('threat');
    expect(topLevelKind('shelter_entry')).toBe('shelter_entry');
  });
});
