import { describe, it, expect } from 'vitest';
import { VictimCounter } from './victim-counts.js';
import { placeVictims } from './victim-rows.js';
import { openDataSettingsSchema } from './settings.js';
import type { PublicationFacts } from './facts.js';

const VALUES = { kind: ['person', 'organisation'], role: ['lawyer'], gender: ['woman', 'man'], lgbti: ['yes', 'no'], migrationStatus: ['national'], act: ['threat', 'kidnapping'] };
const victim = (n: number, gender: string | null = 'woman') => ({ n, kind: 'person', role: 'lawyer', gender, lgbti: null, migrationStatus: null });
const incident = (start: string, state: string, victims: PublicationFacts['victims'], acts: PublicationFacts['acts'] = []): PublicationFacts => ({
  date: { start, end: null, approximate: false }, place: { precision: 'state', country: 'MX', state, locality: null, crossing: null },
  status: 'reported', followUp: 'open', acts, perpetrators: [], context: [], victims,
});

describe('victim counts', () => {
  it('count people, not attacks: the same person twice in a place and year counts once', () => {
    const c = new VictimCounter(openDataSettingsSchema.parse({}));
    c.add(incident('2024-01', 'MX-COA', [victim(1)], [{ kind: 'threat.phone', root: 'threat', victim: 1 }]));
    c.add(incident('2024-07', 'MX-COA', [victim(1), victim(2, null)], [{ kind: 'kidnapping', root: 'kidnapping', victim: null }]));
    const [t] = c.tallies(VALUES);
    expect(t!.total).toBe(2);
    expect(t!.cells.gender).toEqual([{ key: 'woman', count: 1 }, { key: 'man', count: 0 }, { key: 'not_recorded', count: 1 }]);
    // an act naming no victim concerns them all
    expect(t!.cells.act).toEqual([{ key: 'threat', count: 1 }, { key: 'kidnapping', count: 2 }]);
    expect(t!.cells.kind).toEqual([{ key: 'person', count: 2 }, { key: 'organisation', count: 0 }]);
  });

  it('make a group of every place and year with incidents, victims or not (an absent group would say "none")', () => {
    const c = new VictimCounter(openDataSettingsSchema.parse({}));
    c.add(incident('2023-05', 'MX-CHP', []));
    expect(c.tallies(VALUES).map((t) => [t.key.year, t.key.place.state, t.total])).toEqual([['2023', 'MX-CHP', 0]]);
  });

  it('withhold a place’s all-years count when exactly one of its years is suppressed', () => {
    const c = new VictimCounter(openDataSettingsSchema.parse({ k: 3 }));
    const many = (from: number, k: number) => Array.from({ length: k }, (_, i) => victim(from + i));
    c.add(incident('2023-01', 'MX-COA', many(1, 4)));
    c.add(incident('2024-01', 'MX-COA', many(10, 1)));
    c.add(incident('2023-01', 'MX-CHP', many(20, 4)));
    c.add(incident('2024-01', 'MX-CHP', many(30, 3)));
    const p = placeVictims(c.tallies(VALUES), 3);
    expect(p.get('MX|MX-COA|')).toEqual({ victims: null, suppressed: true });
    expect(p.get('MX|MX-CHP|')).toEqual({ victims: 7, suppressed: false });
  });
});
