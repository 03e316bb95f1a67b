import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { coarsenPlace, ownRank, placePoint, type CoarsePlace } from './coarse-place.js';
import { places } from '../places/places.js';
import { PLACE_PRECISIONS } from '../incident/schema.js';

const place = (p: Partial<{ precision: string; country: string | null; state: string | null; locality: string | null; crossing: string | null }>) =>
  ({ precision: 'unknown', country: null, state: null, locality: null, crossing: null, ...p });
const RANK: Record<CoarsePlace['precision'], number> = { unknown: 0, country: 1, state: 2, municipality: 3 };

describe('coarsenPlace', () => {
  it('cuts a town to its state by default, and keeps the gazetteer town at municipality level', () => {
    const saltillo = place({ precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'saltíllo ' });
    expect(coarsenPlace(saltillo, 'state')).toEqual({ precision: 'state', country: 'MX', state: 'MX-COA' });
    expect(coarsenPlace(saltillo, 'municipality')).toEqual({ precision: 'municipality', country: 'MX', state: 'MX-COA', municipality: 'Saltillo' });
  });

  it('never publishes a typed locality that is not a gazetteer town of that state', () => {
    expect(coarsenPlace(place({ precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Calle Hidalgo 12' }), 'municipality')).toEqual({ precision: 'state', country: 'MX', state: 'MX-COA' });
    // Saltillo is not in Chiapas
    expect(coarsenPlace(place({ precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Saltillo' }), 'municipality')).toEqual({ precision: 'state', country: 'MX', state: 'MX-CHP' });
  });

  it('is never finer than the incident’s own precision', () => {
    expect(coarsenPlace(place({ precision: 'country', country: 'MX', state: 'MX-COA', locality: 'Saltillo' }), 'municipality')).toEqual({ precision: 'country', country: 'MX' });
    expect(coarsenPlace(place({ precision: 'unknown', country: 'MX', state: 'MX-COA' }), 'state')).toEqual({ precision: 'unknown' });
    expect(coarsenPlace(place({ precision: 'state', country: 'MX', state: 'MX-COA', locality: 'Saltillo' }), 'municipality')).toEqual({ precision: 'state', country: 'MX', state: 'MX-COA' });
  });

  it('coarsens a crossing to its state on the incident’s side, and a state of another country to the country', () => {
    expect(coarsenPlace(place({ precision: 'crossing', country: 'MX', crossing: 'us_mx.san_ysidro' }), 'municipality')).toEqual({ precision: 'state', country: 'MX', state: 'MX-BCN' });
    expect(coarsenPlace(place({ precision: 'crossing', country: 'US', crossing: 'us_mx.san_ysidro' }), 'state')).toEqual({ precision: 'state', country: 'US', state: 'US-CA' });
    expect(coarsenPlace(place({ precision: 'state', country: 'GT', state: 'MX-COA' }), 'state')).toEqual({ precision: 'country', country: 'GT' });
  });

  it('draws points from the gazetteer only, rounded to 2 decimals; a state without towns has none', () => {
    const town = places.localities.find((l) => l.name === 'Saltillo')!;
    expect(placePoint({ precision: 'municipality', country: 'MX', state: 'MX-COA', municipality: 'Saltillo' })).toEqual([Math.round(town.lon * 100) / 100, Math.round(town.lat * 100) / 100]);
    const empty = places.states.find((s) => !places.localities.some((l) => l.state === s.code) && !places.crossings.some((c) => c.states.includes(s.code)))!;
    expect(placePoint({ precision: 'state', country: empty.country, state: empty.code })).toBeNull();
    expect(placePoint({ precision: 'unknown' })).toBeNull();
  });
});

describe('coarsenPlace, properties', () => {
  const states = places.states.map((s) => s.code);
  const towns = places.localities.map((l) => l.name);
  const arb = fc.record({
    precision: fc.constantFrom(...PLACE_PRECISIONS),
    country: fc.option(fc.constantFrom('MX', 'US', 'GT', 'HN', 'SV', 'ZZ')),
    state: fc.option(fc.constantFrom(...states)),
    locality: fc.option(fc.oneof(fc.constantFrom(...towns), fc.string({ maxLength: 30 }))),
    crossing: fc.option(fc.constantFrom(...places.crossings.map((c) => c.code))),
  });

  it('no published place or point is finer than the level asked or the incident’s own public precision, and the point depends on the coarse place alone', () => {
    fc.assert(fc.property(arb, fc.constantFrom('state' as const, 'municipality' as const), (p, level) => {
      const c = coarsenPlace(p, level);
      expect(RANK[c.precision]).toBeLessThanOrEqual(Math.min(ownRank(p.precision), level === 'state' ? 2 : 3));
      if (c.municipality) expect(places.localities.some((l) => l.name === c.municipality && l.state === c.state)).toBe(true);
      if (c.state) expect(c.state).toBe(places.states.find((s) => s.code === c.state && s.country === c.country)?.code);
      const point = placePoint(c);
      expect(point).toEqual(placePoint(JSON.parse(JSON.stringify(c)) as CoarsePlace));
      if (point) {
        for (const x of point) expect(Math.round(x * 100) / 100).toBe(x);
        if (c.precision === 'municipality') expect(places.localities.some((l) => Math.round(l.lon * 100) / 100 === point[0] && Math.round(l.lat * 100) / 100 === point[1])).toBe(true);
      }
    }), { numRuns: 2000 });
  });
});
