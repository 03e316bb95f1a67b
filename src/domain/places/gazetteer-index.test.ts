import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildGazetteerIndex, isAmbiguous, placeKey, regionRows, type GazetteerRow, type PlaceCandidate } from './gazetteer-index.js';
import { places } from './places.js';

const rows: GazetteerRow[] = [
  ...regionRows(),
  { kind: 'municipality', name: 'Chihuahua', country: 'MX', state: 'MX-CHH', municipality: 'Chihuahua', lat: 28.63, lon: -106.08 },
  { kind: 'municipality', name: 'Juárez', country: 'MX', state: 'MX-CHH', municipality: 'Juárez' },
  { kind: 'municipality', name: 'Tapachula', country: 'MX', state: 'MX-CHP', municipality: 'Tapachula' },
  { kind: 'municipality', name: 'Suchiate', country: 'MX', state: 'MX-CHP', municipality: 'Suchiate' },
  { kind: 'locality', name: 'Chihuahua', country: 'MX', state: 'MX-CHH', municipality: 'Chihuahua', lat: 28.6353, lon: -106.0889, prominence: 1 },
  { kind: 'locality', name: 'Ciudad Juárez', country: 'MX', state: 'MX-CHH', municipality: 'Juárez', lat: 31.72024, lon: -106.46084, prominence: 2 },
  { kind: 'locality', name: 'Tapachula', country: 'MX', state: 'MX-CHP', municipality: 'Tapachula', lat: 14.90541, lon: -92.25891, prominence: 2 },
  { kind: 'locality', name: 'Tapachula de Abajo', country: 'MX', state: 'MX-CHP', municipality: 'Tapachula' },
  { kind: 'locality', name: 'Ciudad Hidalgo', country: 'MX', state: 'MX-CHP', municipality: 'Suchiate', lat: 14.68018, lon: -92.15195, prominence: 2 },
  { kind: 'locality', name: 'Ciudad Hidalgo', country: 'MX', state: 'MX-MIC', municipality: 'Hidalgo', lat: 19.68957, lon: -100.55502 },
  { kind: 'locality', name: 'Santa Rosa', country: 'MX', state: 'MX-CHP', municipality: 'Tapachula', population: 900 },
  { kind: 'locality', name: 'Santa Rosa', country: 'MX', state: 'MX-SON', municipality: 'Caborca', population: 5000 },
  { kind: 'locality', name: 'Santa Rosa', country: 'MX', state: 'MX-SON', municipality: 'Caborca', population: 1 },
  { kind: 'locality', name: 'La Ceiba', country: 'HN', state: 'HN-AT', municipality: 'La Ceiba', lat: 15.75971, lon: -86.78221 },
  { kind: 'locality', name: 'El Paso', country: 'US', state: 'US-TX', lat: 31.75872, lon: -106.48693 },
  { kind: 'locality', name: 'St. George', country: 'US', state: 'US-UT', lat: 37.10415, lon: -113.58412 },
  { kind: 'locality', name: 'General Escobedo', country: 'MX', state: 'MX-NLE', municipality: 'General Escobedo' },
  { kind: 'locality', name: 'Benito Juárez (La Playita)', country: 'MX', state: 'MX-TAB', municipality: 'Cárdenas' },
  { kind: 'locality', name: 'Toluca', country: 'MX', state: 'MX-MEX', municipality: 'Toluca' },
  { kind: 'municipality', name: 'Comitán', country: 'MX', state: 'MX-CHP', municipality: 'Comitán' },
  { kind: 'locality', name: 'Comitán de Domínguez', country: 'MX', state: 'MX-CHP', municipality: 'Comitán', aliases: ['Comitán'] },
];
const index = buildGazetteerIndex(rows);
const brief = (cs: PlaceCandidate[]) => cs.map((c) => `${c.kind}:${c.name}:${c.state ?? c.country}:${c.match}`);

describe('place keys', () => {
  it('fold accents, case and punctuation, and spell out abbreviations', () => {
    expect(placeKey('Cd. Juárez')).toBe('ciudad juarez');
    expect(placeKey('CIUDAD  JUAREZ')).toBe('ciudad juarez');
    expect(placeKey('Sta. María')).toBe('santa maria');
    expect(placeKey('Sn. Pedro Sula')).toBe('san pedro sula');
    expect(placeKey('Gral. Escobedo')).toBe('general escobedo');
    expect(placeKey('Pto. Madero')).toBe('puerto madero');
    expect(placeKey('H. Matamoros')).toBe('heroica matamoros');
    expect(placeKey('Peñas')).toBe('penas');
  });
});

describe('gazetteer index lookup', () => {
  it('finds a town however it is spelled: accents, case, punctuation, abbreviations', () => {
    for (const q of ['Ciudad Juárez', 'ciudad juarez', 'Cd. Juárez', 'CD JUAREZ', ' Ciudad   Juárez. ']) {
      const [first] = index.lookup(q);
      expect(first, q).toMatchObject({ kind: 'locality', name: 'Ciudad Juárez', state: 'MX-CHH', municipality: 'Juárez', lat: 31.72024, lon: -106.46084, match: 'exact' });
    }
    expect(index.lookup('Gral. Escobedo')[0]?.name).toBe('General Escobedo');
    expect(index.lookup('Saint George')[0]?.name).toBe('St. George');
  });

  it('handles a leading article: present, missing or put after a comma', () => {
    for (const q of ['La Ceiba', 'Ceiba', 'Ceiba, La', 'la ceiba']) expect(index.lookup(q)[0], q).toMatchObject({ name: 'La Ceiba', state: 'HN-AT', match: 'exact' });
    expect(index.lookup('Paso')[0]).toMatchObject({ name: 'El Paso', state: 'US-TX', match: 'exact' });
  });

  it('puts exact matches before prefix matches, shorter names first among prefixes', () => {
    expect(brief(index.lookup('Tapachula'))).toEqual([
      'municipality:Tapachula:MX-CHP:exact', 'locality:Tapachula:MX-CHP:exact', 'locality:Tapachula de Abajo:MX-CHP:prefix',
    ]);
    expect(brief(index.lookup('tapa'))).toEqual([
      'municipality:Tapachula:MX-CHP:prefix', 'locality:Tapachula:MX-CHP:prefix', 'locality:Tapachula de Abajo:MX-CHP:prefix',
    ]);
    expect(index.lookup('ta')).toEqual([]); // too short to list prefixes
  });

  it('orders a name that is a state: state, then municipality, then locality', () => {
    const cs = index.lookup('Chihuahua');
    expect(brief(cs)).toEqual(['state:Chihuahua:MX-CHH:exact', 'municipality:Chihuahua:MX-CHH:exact', 'locality:Chihuahua:MX-CHH:exact']);
    expect(isAmbiguous(cs)).toBe(true);
  });

  it('returns every place with the same name, most prominent first, and says so', () => {
    const cs = index.lookup('Ciudad Hidalgo');
    expect(brief(cs)).toEqual(['locality:Ciudad Hidalgo:MX-CHP:exact', 'locality:Ciudad Hidalgo:MX-MIC:exact']);
    expect(isAmbiguous(cs)).toBe(true);
    // population first when known; one place per state, municipality and name
    expect(index.lookup('Santa Rosa', { country: 'MX' }).map((c) => c.state)).toEqual(['MX-SON', 'MX-CHP']);
    expect(index.lookup('Sta. Rosa', { state: 'MX-CHP' })).toHaveLength(1);
  });

  it('a municipality and its seat of the same name are one place: not ambiguous', () => {
    expect(isAmbiguous(index.lookup('Tapachula'))).toBe(false);
    expect(isAmbiguous(index.lookup('Cd. Juárez'))).toBe(false);
    // its seat found by another name of it
    expect(brief(index.lookup('Comitan'))).toEqual(['municipality:Comitán:MX-CHP:exact', 'locality:Comitán de Domínguez:MX-CHP:exact']);
    expect(isAmbiguous(index.lookup('Comitan'))).toBe(false);
    expect(isAmbiguous([])).toBe(false);
  });

  it('filters by country and state', () => {
    expect(brief(index.lookup('Ciudad Hidalgo', { state: 'MX-MIC' }))).toEqual(['locality:Ciudad Hidalgo:MX-MIC:exact']);
    expect(index.lookup('Ciudad Hidalgo', { country: 'GT' })).toEqual([]);
    expect(index.lookup('Chihuahua', { country: 'MX', state: 'MX-CHP' })).toEqual([]);
    expect(index.lookup('Chihuahua', { country: 'US', state: 'MX-CHH' })).toEqual([]);
    expect(index.lookup('Chihuahua', { state: 'XX-YY' })).toEqual([]);
    expect(index.lookup('El Paso', { country: 'US' })[0]?.name).toBe('El Paso');
  });

  it('reads trailing qualifiers that name a state or country', () => {
    expect(brief(index.lookup('Ciudad Hidalgo, Chis.'))).toEqual(['locality:Ciudad Hidalgo:MX-CHP:exact']);
    expect(brief(index.lookup('Ciudad Hidalgo, Michoacán de Ocampo, México'))).toEqual(['locality:Ciudad Hidalgo:MX-MIC:exact']);
    expect(brief(index.lookup('Ciudad Hidalgo (Chiapas)'))).toEqual(['locality:Ciudad Hidalgo:MX-CHP:exact']);
    expect(index.lookup('El Paso, TX')[0]).toMatchObject({ name: 'El Paso', state: 'US-TX' });
    expect(index.lookup('El Paso, Texas, EE. UU.')[0]).toMatchObject({ name: 'El Paso', state: 'US-TX' });
    expect(index.lookup('Toluca, México')[0]).toMatchObject({ name: 'Toluca', state: 'MX-MEX' });
    expect(index.lookup('Toluca, Edomex')[0]).toMatchObject({ name: 'Toluca', state: 'MX-MEX' });
    // a qualifier that contradicts another or the options finds nothing
    expect(index.lookup('El Paso, Chihuahua, Estados Unidos')).toEqual([]);
    expect(index.lookup('El Paso, TX', { country: 'MX' })).toEqual([]);
    // a middle part that names the municipality
    expect(brief(index.lookup('Ciudad Hidalgo, Suchiate, Chiapas'))).toEqual(['locality:Ciudad Hidalgo:MX-CHP:exact']);
    expect(brief(index.lookup('Ciudad Hidalgo, Hidalgo'))).toEqual(['locality:Ciudad Hidalgo:MX-MIC:exact']);
  });

  it('accepts ISO codes and the es/en names of states and countries', () => {
    expect(brief(index.lookup('MX-CHH'))).toEqual(['state:Chihuahua:MX-CHH:exact']);
    expect(brief(index.lookup('mx-cmx'))).toEqual(['state:Ciudad de México:MX-CMX:exact']);
    expect(brief(index.lookup('Mexico City'))).toEqual(['state:Ciudad de México:MX-CMX:exact']);
    expect(brief(index.lookup('CDMX'))).toEqual(['state:Ciudad de México:MX-CMX:exact']);
    expect(brief(index.lookup('Bay Islands'))).toEqual(['state:Islas de la Bahía:HN-IB:exact']);
    expect(index.lookup('Departamento de Francisco Morazán')[0]).toMatchObject({ kind: 'state', state: 'HN-FM' });
    expect(index.lookup('Depto. Francisco Morazán')).toEqual([]); // "de" is part of the form
    expect(index.lookup('Estado de México')[0]).toMatchObject({ kind: 'state', state: 'MX-MEX' });
    expect(brief(index.lookup('Estados Unidos'))).toEqual(['country:Estados Unidos:US:exact', 'country:México:MX:prefix']); // Estados Unidos Mexicanos
    expect(index.lookup('EE.UU.')[0]).toMatchObject({ kind: 'country', country: 'US' });
    expect(index.lookup('United States')[0]).toMatchObject({ kind: 'country', country: 'US' });
    expect(index.lookup('Salvador')[0]).toMatchObject({ kind: 'country', country: 'SV' });
    // "México" names the country and the State of Mexico: both offered, the country first
    const mx = index.lookup('México');
    expect(brief(mx)).toEqual(['country:México:MX:exact', 'state:Estado de México:MX-MEX:exact', 'state:Ciudad de México:MX-CMX:prefix']); // Mexico City
    expect(isAmbiguous(mx)).toBe(true);
    // every state of places.json by its code and both names
    for (const s of places.states) {
      for (const q of [s.code, s.name.es, s.name.en]) expect(index.lookup(q, { limit: 50 }).some((c) => c.kind === 'state' && c.state === s.code), `${q}`).toBe(true);
    }
  });

  it('finds names by their parenthesised parts and municipality forms', () => {
    expect(index.lookup('Benito Juárez (La Playita)')[0]?.name).toBe('Benito Juárez (La Playita)');
    expect(index.lookup('Benito Juárez', { state: 'MX-TAB' })[0]?.name).toBe('Benito Juárez (La Playita)');
    expect(index.lookup('La Playita')[0]?.name).toBe('Benito Juárez (La Playita)');
    expect(index.lookup('Municipio de Suchiate')[0]).toMatchObject({ kind: 'municipality', name: 'Suchiate' });
    expect(index.lookup('municip')).toEqual([]); // generated forms are never prefix matches
  });

  it('limits the answer', () => {
    expect(index.lookup('Chihuahua', { limit: 1 })).toHaveLength(1);
    expect(index.lookup('c', { limit: 50 }).length).toBeLessThanOrEqual(50);
    expect(index.lookup('Chihuahua', { limit: 0 })).toHaveLength(1);
    expect(index.lookup('Chihuahua', { limit: 500 })).toHaveLength(3);
  });

  it('finds nothing for empty, punctuation-only or unknown names', () => {
    for (const q of ['', '   ', '...', ',', ', ,', '(', 'Zzyzx Qwerty', 'la', 'Chis.']) expect(index.lookup(q), q).toEqual([]);
  });

  it('never throws and never returns more than asked, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: -5, max: 80 }), (q, limit) => {
        const cs = index.lookup(q, { limit });
        expect(cs.length).toBeLessThanOrEqual(Math.max(1, Math.min(50, limit)));
        for (let i = 1; i < cs.length; i++) if (cs[i - 1]!.match === 'prefix') expect(cs[i]!.match).toBe('prefix');
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('a known name with its accents, case and spaces changed still finds the same first place (property)', () => {
    const names = rows.filter((r) => r.kind === 'locality').map((r) => r.name);
    const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.boolean(), fc.boolean(), fc.boolean(), (name, upper, noAccents, spaces) => {
        let q = noAccents ? strip(name) : name;
        q = upper ? q.toUpperCase() : q.toLowerCase();
        if (spaces) q = `  ${q.replace(/ /g, '   ')} `;
        expect(index.lookup(q)[0]).toEqual(index.lookup(name)[0]);
      }),
      { numRuns: 100, seed: 21 },
    );
  });
});
