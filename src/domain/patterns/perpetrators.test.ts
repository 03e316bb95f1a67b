import { describe, it, expect } from 'vitest';
import { perpetratorAtLevel, perpetratorCountry } from './perpetrators.js';

describe('perpetrator country', () => {
  it('reads the country of a state perpetrator from its second segment', () => {
    expect(perpetratorCountry({ code: 'state.mx.inm' })).toBe('MX');
    expect(perpetratorCountry({ code: 'state.us.cbp' })).toBe('US');
    expect(perpetratorCountry({ code: 'state.gt.pnc' })).toBe('GT');
    expect(perpetratorCountry({ code: 'state.hn' })).toBe('HN');
    expect(perpetratorCountry({ code: 'state.sv.army', country: 'US' })).toBe('SV'); // the code wins over a stray country
  });

  it('takes the country field for state.other_country or a bare state, and nothing else', () => {
    expect(perpetratorCountry({ code: 'state.other_country', country: 'CO' })).toBe('CO');
    expect(perpetratorCountry({ code: 'state.other_country', country: 'co' })).toBe('CO');
    expect(perpetratorCountry({ code: 'state', country: 'BZ' })).toBe('BZ');
    expect(perpetratorCountry({ code: 'state.other_country' })).toBeNull();
    expect(perpetratorCountry({ code: 'state' })).toBeNull();
    expect(perpetratorCountry({ code: 'state.other_country', country: 'Colombia' })).toBeNull();
  });

  it('gives non-state perpetrators no country', () => {
    expect(perpetratorCountry({ code: 'non_state.organised_crime', country: 'MX' })).toBeNull();
    expect(perpetratorCountry({ code: 'non_state' })).toBeNull();
  });
});

describe('perpetrator level', () => {
  it('keeps the full code for institutions and two segments for countries', () => {
    expect(perpetratorAtLevel('state.mx.inm', 'institution')).toBe('state.mx.inm');
    expect(perpetratorAtLevel('state.mx.inm', 'country')).toBe('state.mx');
    expect(perpetratorAtLevel('non_state.organised_crime.cartel', 'country')).toBe('non_state.organised_crime');
    expect(perpetratorAtLevel('state', 'country')).toBe('state');
    expect(perpetratorAtLevel('state', 'institution')).toBe('state');
  });
});
