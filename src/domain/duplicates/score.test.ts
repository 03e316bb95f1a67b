import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { scorePair, SUGGEST_THRESHOLD, WEIGHTS, type DuplicateFacts } from './score.js';
import { facts } from '../../../test/helpers/duplicate-facts.js';

const day = (d: string) => ({ from: d, to: d });
const base = (over: Partial<DuplicateFacts> = {}): DuplicateFacts => ({
  id: 'a', span: day('2026-03-10'), place: { country: 'MX', state: 'MX-CHP', locality: 'Tapachula' },
  title: 'Detienen al coordinador del albergue', acts: ['detention.arrest'], perpetrators: ['state.mx.inm'],
  victims: [{ actorId: 'v1', pseudonym: 'Coordinador Sol' }], ...over,
});

describe('duplicate score', () => {
  it('suggests one event recorded by two organisations: other title, same day and town, the same pseudonym', () => {
    const a = base();
    const b = base({ id: 'b', title: 'INM se lleva a un defensor en Tapachula', victims: [{ actorId: 'v9', pseudonym: 'coordinador sol' }] });
    const s = scorePair(a, b);
    expect(s.suggested).toBe(true);
    expect(s.score).toBeGreaterThanOrEqual(0.75);
    expect(s.reasons).toEqual([
      { kind: 'date', gapDays: 0, overlap: true },
      { kind: 'place', level: 'locality' },
      { kind: 'victims', byId: 0, byPseudonym: 1, pseudonyms: ['Coordinador Sol'] },
      { kind: 'acts', shared: ['detention.arrest'] },
      { kind: 'perpetrators', shared: ['state.mx.inm'] },
    ]);
  });

  it('scores the same recorded victim above the same pseudonym', () => {
    const a = base({ place: {} });
    const byId = scorePair(a, base({ id: 'b', place: {}, title: 'Otro texto' }));
    const byName = scorePair(a, base({ id: 'b', place: {}, title: 'Otro texto', victims: [{ actorId: 'v2', pseudonym: 'Coordinador Sol' }] }));
    expect(byId.reasons).toContainEqual({ kind: 'victims', byId: 1, byPseudonym: 0, pseudonyms: [] });
    expect(byId.score).toBeGreaterThan(byName.score);
  });

  it('needs a real date match: not weeks apart, not dates vaguer than a month, not undated', () => {
    const b = base({ id: 'b' });
    expect(scorePair(base(), b).suggested).toBe(true);
    expect(scorePair(base(), { ...b, span: day('2026-03-30') }).suggested).toBe(false);
    expect(scorePair(base(), { ...b, span: day('2026-03-30') }, 31).suggested).toBe(true);
    expect(scorePair(base(), { ...b, span: { from: '2026-01-01', to: '2026-12-31' } }).reasons.some((r) => r.kind === 'date')).toBe(false);
    expect(scorePair(base(), { ...b, span: undefined }).suggested).toBe(false);
    // a month overlapping the day counts, less than the same day
    const month = scorePair(base(), { ...b, span: { from: '2026-03-01', to: '2026-03-31' } });
    expect(month.suggested).toBe(true);
    expect(month.score).toBeLessThan(scorePair(base(), b).score);
    // within the window: closer is better
    const near = scorePair(base(), { ...b, span: day('2026-03-11') });
    const far = scorePair(base(), { ...b, span: day('2026-03-16') });
    expect(near.reasons[0]).toEqual({ kind: 'date', gapDays: 1, overlap: false });
    expect(near.score).toBeGreaterThan(far.score);
  });

  it('needs more than a date and a country: a place as fine as a state, a victim, or similar words', () => {
    const plain = (id: string, title: string, place: DuplicateFacts['place']) => base({ id, title, place, victims: [], acts: [], perpetrators: [] });
    // same day, same state only: not enough (0.3 + 0.15)
    const state = scorePair(plain('a', 'Redada', { country: 'MX', state: 'MX-CHP' }), plain('b', 'Amenaza', { country: 'MX', state: 'MX-CHP' }));
    expect(state.score).toBeCloseTo(WEIGHTS.date + WEIGHTS.place * 0.6, 6);
    expect(state.suggested).toBe(false);
    // same day, same country and the same words: enough
    const text = scorePair(plain('a', 'Redada en el albergue de la frontera sur', { country: 'MX' }), plain('b', 'Redada en albergue, frontera sur', { country: 'MX' }));
    expect(text.reasons.map((r) => r.kind)).toEqual(['date', 'place', 'text']);
    expect(text.suggested).toBe(true);
    // two different towns of one state: a weaker sign, and not enough with the same kind of act and perpetrator
    const towns = scorePair(base({ place: { country: 'MX', state: 'MX-CHP', locality: 'Tapachula' }, victims: [], title: 'Detención' }), base({ id: 'b', place: { country: 'MX', state: 'MX-CHP', locality: 'Huixtla' }, victims: [], title: 'Redada' }));
    expect(towns.reasons.map((r) => r.kind)).toEqual(['date', 'place', 'acts', 'perpetrators']);
    expect(towns.score).toBeCloseTo(WEIGHTS.date + WEIGHTS.place * 0.3 + WEIGHTS.acts + WEIGHTS.perpetrators, 6);
    expect(towns.suggested).toBe(false);
    // a town of the same name in another state is not the same place
    const other = scorePair(plain('a', 'x', { country: 'MX', state: 'MX-CHP', locality: 'Juárez' }), plain('b', 'y', { country: 'MX', state: 'MX-CHH', locality: 'Juárez' }));
    expect(other.reasons.map((r) => r.kind)).toEqual(['date']);
    // the same crossing
    expect(scorePair(plain('a', 'x', { crossing: 'el_paso' }), plain('b', 'y', { crossing: 'el_paso' })).reasons).toContainEqual({ kind: 'place', level: 'crossing' });
  });

  it('compares victims only when the reader may see them on both sides', () => {
    const s = scorePair(base({ place: {} }), base({ id: 'b', place: {}, victims: undefined }));
    expect(s.reasons.some((r) => r.kind === 'victims')).toBe(false);
  });

  it('never takes an incident for its own duplicate', () => {
    expect(scorePair(base(), base())).toEqual({ score: 0, reasons: [], suggested: false });
  });

  it('is symmetric, in [0, 1], and suggests only with a date match plus a place, victim or text match', () => {
    fc.assert(
      fc.property(facts(), facts(), fc.integer({ min: 0, max: 31 }), (a, b, w) => {
        const s = scorePair(a, b, w);
        expect(scorePair(b, a, w)).toEqual(s);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(1);
        expect(scorePair(a, { ...b, id: a.id }, w).suggested).toBe(false);
        if (s.suggested) {
          const kinds = s.reasons.map((r) => r.kind);
          expect(kinds).toContain('date');
          expect(s.reasons.some((r) => (r.kind === 'place' && r.level !== 'country') || r.kind === 'victims' || r.kind === 'text')).toBe(true);
          const towns = [a, b].map((f) => f.place.locality?.toLowerCase());
          if (s.reasons.some((r) => r.kind === 'place' && r.level === 'state') && towns[0] && towns[1] && towns[0] !== towns[1]) {
            expect(s.reasons.some((r) => r.kind === 'victims' || r.kind === 'text')).toBe(true);
          }
          expect(s.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never scores lower with a wider window', () => {
    fc.assert(
      fc.property(facts(['a']), facts(['b']), fc.integer({ min: 0, max: 30 }), (a, b, w) => {
        const narrow = scorePair(a, b, w);
        const wide = scorePair(a, b, w + 1);
        if (narrow.suggested) expect(wide.reasons.some((r) => r.kind === 'date')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
