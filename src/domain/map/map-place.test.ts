import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PLACE_PRECISIONS } from '../incident/schema.js';
import { places } from '../places/places.js';
import { mapPlaceKey, mapPlaceOf, parseMapPlaceKey, pointRank, precisionRank, type PublicPlace } from './map-place.js';
import { assembleMapCounts } from './map-counts.js';

const p = (x: Partial<PublicPlace>): PublicPlace => ({ precision: 'unknown', country: null, state: null, locality: null, crossing: null, ...x });

describe('map place', () => {
  it('puts a gazetteer town at the town, an unknown town at its state', () => {
    expect(mapPlaceOf(p({ precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'tapachula ' }))).toEqual({ country: 'MX', state: 'MX-CHP', point: 'town:MX-CHP:Tapachula' });
    expect(mapPlaceOf(p({ precision: 'municipality', country: 'MX', state: 'MX-CHP', locality: 'Ejido sin nombre' }))).toEqual({ country: 'MX', state: 'MX-CHP', point: 'state:MX-CHP' });
  });

  it('never draws an incident finer than its public precision', () => {
    // a state-precision incident with a town typed stays at its state; a country one at its country
    expect(mapPlaceOf(p({ precision: 'state', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' })).point).toBe('state:MX-CHP');
    expect(mapPlaceOf(p({ precision: 'country', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' }))).toEqual({ country: 'MX', state: null, point: 'country:MX' });
    expect(mapPlaceOf(p({ precision: 'unknown', country: 'MX', state: 'MX-CHP' }))).toEqual({ country: null, state: null, point: null });
  });

  it('puts a crossing at the crossing, in the state on the recording side', () => {
    expect(mapPlaceOf(p({ precision: 'crossing', country: 'MX', crossing: 'us_mx.san_ysidro' }))).toEqual({ country: 'MX', state: 'MX-BCN', point: 'crossing:us_mx.san_ysidro' });
    expect(mapPlaceOf(p({ precision: 'crossing', country: 'US', crossing: 'us_mx.san_ysidro' }))).toEqual({ country: 'US', state: 'US-CA', point: 'crossing:us_mx.san_ysidro' });
    expect(mapPlaceOf(p({ precision: 'crossing', country: 'GT', crossing: 'us_mx.san_ysidro' })).point).toBe('country:GT');
  });

  it('ignores a state of another country', () => {
    expect(mapPlaceOf(p({ precision: 'state', country: 'GT', state: 'MX-CHP' }))).toEqual({ country: 'GT', state: null, point: 'country:GT' });
  });

  it('round-trips its key', () => {
    const m = mapPlaceOf(p({ precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' }));
    expect(parseMapPlaceKey(mapPlaceKey(m))).toEqual(m);
    expect(parseMapPlaceKey(mapPlaceKey(mapPlaceOf(p({}))))).toEqual({ country: null, state: null, point: null });
  });
});

const states = places.states.map((s) => s.code);
const towns = places.localities.map((l) => l.name);
const crossings = places.crossings.map((c) => c.code);
const arbPlace = fc.record({
  precision: fc.constantFrom(...PLACE_PRECISIONS),
  country: fc.option(fc.constantFrom('MX', 'US', 'GT', 'HN', 'SV', 'NI', 'ES', 'ZZ')),
  state: fc.option(fc.constantFrom(...states)),
  locality: fc.option(fc.oneof(fc.constantFrom(...towns), fc.string({ maxLength: 12 }))),
  crossing: fc.option(fc.constantFrom(...crossings, 'no.such')),
});

describe('map place properties', () => {
  it('no point is finer than the public precision, and a state only at state precision or finer', () => {
    fc.assert(fc.property(arbPlace, (place) => {
      const m = mapPlaceOf(place);
      expect(pointRank(m.point)).toBeLessThanOrEqual(precisionRank(place.precision));
      if (m.state) expect(precisionRank(place.precision)).toBeGreaterThanOrEqual(2);
      if (m.point) expect(m.country).toBe(place.country);
      // the point is a gazetteer point: a crossing, a gazetteer town, a state or a country code
      if (m.point?.startsWith('town:')) expect(places.localities.some((l) => m.point === `town:${l.state}:${l.name}`)).toBe(true);
      if (m.point?.startsWith('crossing:')) expect(crossings).toContain(m.point.slice(9));
    }), { numRuns: 2000 });
  });

  it('counts add up: points and countries to the placed incidents, everything to the matches', () => {
    fc.assert(fc.property(fc.array(fc.tuple(arbPlace, fc.integer({ min: 1, max: 50 })), { maxLength: 60 }), (rows) => {
      const r = assembleMapCounts(rows.map(([place, count]) => ({ key: mapPlaceKey(mapPlaceOf(place)), count })));
      const sum = (xs: { count: number }[]) => xs.reduce((a, x) => a + x.count, 0);
      expect(r.total).toBe(rows.reduce((a, [, n]) => a + n, 0));
      expect(sum(r.countries) + r.unplaced).toBe(r.total);
      expect(sum(r.points)).toBe(r.total - r.unplaced);
      expect(sum(r.states)).toBeLessThanOrEqual(r.total - r.unplaced);
      const atState = rows.filter(([place]) => mapPlaceOf(place).state !== null).reduce((a, [, n]) => a + n, 0);
      expect(sum(r.states)).toBe(atState);
      for (const pt of r.points) expect(pt.filter.country?.length || pt.filter.state?.length).toBeTruthy();
    }));
  });
});
