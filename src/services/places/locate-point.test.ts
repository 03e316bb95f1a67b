import { describe, it, expect, beforeAll } from 'vitest';
import { createPointLocator, pointInCountry, type PointLocator } from './locate-point.js';
import { loadBasemap } from '../report/basemap.js';

/** real places: GeoNames' coordinates, and points on both banks of the border rivers */
const P = {
  tapachula: [14.90541, -92.25891],
  tenosique: [17.4729, -91.4236],
  ciudadJuarez: [31.72024, -106.46084],
  elPaso: [31.75872, -106.48693],
  chamizal: [31.7676, -106.452], // Chamizal National Memorial, El Paso, on the Texas bank of the Río Bravo
  rioBravo: [31.7496, -106.487], // the river under the Paso del Norte bridge
  tijuana: [32.5027, -117.00371],
  sanDiego: [32.71571, -117.16472],
  suchiate: [14.679, -92.146], // the Río Suchiate between Ciudad Hidalgo and Tecún Umán
  ciudadHidalgo: [14.68018, -92.15195],
  tecunUman: [14.677, -92.138],
  tegucigalpa: [14.0818, -87.20681],
  sanSalvador: [13.68935, -89.18718],
  guatemalaCity: [14.64072, -90.51327],
  phoenix: [33.44838, -112.07404],
  chicago: [41.85003, -87.65005],
  madrid: [40.4165, -3.70256],
} as const satisfies Record<string, readonly [number, number]>;

let locator: PointLocator;
beforeAll(async () => {
  const basemap = await loadBasemap();
  expect(basemap).not.toBeNull();
  locator = createPointLocator(basemap);
});

describe('locate', () => {
  it('gives the country and state of towns along the routes', () => {
    const where = (p: readonly [number, number]) => { const r = locator.locate(p[0], p[1]); return [r.country, r.state, r.states]; };
    expect(where(P.tapachula)).toEqual(['MX', 'MX-CHP', 'checked']);
    expect(where(P.tenosique)).toEqual(['MX', 'MX-TAB', 'checked']);
    expect(where(P.ciudadJuarez)).toEqual(['MX', 'MX-CHH', 'checked']);
    expect(where(P.elPaso)).toEqual(['US', 'US-TX', 'checked']);
    expect(where(P.tijuana)).toEqual(['MX', 'MX-BCN', 'checked']);
    expect(where(P.sanDiego)).toEqual(['US', 'US-CA', 'checked']);
    expect(where(P.phoenix)).toEqual(['US', 'US-AZ', 'checked']);
    expect(where(P.tegucigalpa)).toEqual(['HN', 'HN-FM', 'checked']);
    expect(where(P.sanSalvador)).toEqual(['SV', 'SV-SS', 'checked']);
    expect(where(P.guatemalaCity)).toEqual(['GT', 'GT-01', 'checked']);
    expect(where(P.tecunUman)).toEqual(['GT', 'GT-12', 'checked']);
  });

  it('says when the basemap has no states for the place', () => {
    expect(locator.locate(...P.madrid)).toEqual({ country: 'ES', states: 'not_covered' });
    expect(locator.locate(...P.chicago)).toEqual({ country: 'US', states: 'not_covered' }); // only the four border states
  });

  it('says when there is no basemap, and still gives the country', () => {
    const bare = createPointLocator(null);
    expect(bare.locate(...P.tapachula)).toMatchObject({ country: 'MX', states: 'unavailable' });
    expect(bare.locate(...P.tapachula).state).toBeUndefined();
    expect(bare.pointInCountry(...P.elPaso, 'MX')).toBe('near_border');
  });

  it('gives the distance to the nearest other country near a border, and none far from one', () => {
    expect(locator.locate(...P.elPaso).nearBorderKm).toBeLessThan(3);
    expect(locator.locate(...P.ciudadJuarez).nearBorderKm).toBeLessThan(10);
    expect(locator.locate(...P.suchiate).nearBorderKm).toBeLessThan(2);
    expect(locator.locate(...P.tegucigalpa).nearBorderKm).toBeUndefined();
    expect(locator.locate(...P.madrid).nearBorderKm).toBeUndefined();
  });

  it('refuses impossible coordinates', () => {
    expect(() => locator.locate(91, 0)).toThrow(RangeError);
    expect(() => locator.locate(0, -181)).toThrow(RangeError);
    expect(() => locator.locate(Number.NaN, 0)).toThrow(RangeError);
  });
});

describe('pointInCountry', () => {
  it('inside: the towns in their own countries', () => {
    expect(pointInCountry(...P.tapachula, 'MX')).toBe('inside');
    expect(pointInCountry(...P.tenosique, 'MX')).toBe('inside');
    expect(pointInCountry(...P.ciudadJuarez, 'MX')).toBe('inside');
    expect(pointInCountry(...P.tijuana, 'MX')).toBe('inside');
    expect(pointInCountry(...P.elPaso, 'US')).toBe('inside');
    expect(pointInCountry(...P.sanDiego, 'US')).toBe('inside');
    expect(pointInCountry(...P.tegucigalpa, 'HN')).toBe('inside');
    expect(pointInCountry(...P.sanSalvador, 'SV')).toBe('inside');
    expect(pointInCountry(...P.guatemalaCity, 'GT')).toBe('inside');
    expect(pointInCountry(...P.madrid, 'ES')).toBe('inside');
    expect(pointInCountry(...P.tapachula, 'mx')).toBe('inside');
  });

  it('near_border: the Texas bank by Ciudad Juárez counts as near Mexico, and the other way round', () => {
    expect(pointInCountry(...P.elPaso, 'MX')).toBe('near_border');
    expect(pointInCountry(...P.chamizal, 'MX')).toBe('near_border');
    expect(pointInCountry(...P.ciudadJuarez, 'US')).toBe('near_border');
    expect(pointInCountry(...P.tijuana, 'US')).toBe('near_border');
  });

  it('a point in the Río Bravo or the Río Suchiate is never outside either bank\'s country', () => {
    for (const c of ['MX', 'US']) expect(pointInCountry(...P.rioBravo, c), c).not.toBe('outside');
    for (const c of ['MX', 'GT']) expect(pointInCountry(...P.suchiate, c), c).not.toBe('outside');
    expect(pointInCountry(...P.ciudadHidalgo, 'GT')).toBe('near_border');
    expect(pointInCountry(...P.tecunUman, 'MX')).toBe('near_border');
  });

  it('outside: far from the country, whatever the tolerance allows', () => {
    expect(pointInCountry(...P.madrid, 'MX')).toBe('outside');
    expect(pointInCountry(...P.sanDiego, 'MX')).toBe('outside'); // about 20 km from the border
    expect(pointInCountry(...P.sanDiego, 'MX', 30)).toBe('near_border');
    expect(pointInCountry(...P.tegucigalpa, 'MX')).toBe('outside');
    expect(pointInCountry(...P.guatemalaCity, 'SV')).toBe('outside');
    expect(pointInCountry(...P.elPaso, 'MX', 0)).toBe('outside');
    expect(pointInCountry(...P.tapachula, 'XX')).toBe('outside');
  });

  it('refuses a tolerance outside 0..100 km and impossible coordinates', () => {
    expect(() => pointInCountry(...P.tapachula, 'MX', -1)).toThrow(RangeError);
    expect(() => pointInCountry(...P.tapachula, 'MX', 101)).toThrow(RangeError);
    expect(() => pointInCountry(-95, 0, 'MX')).toThrow(RangeError);
  });
});
