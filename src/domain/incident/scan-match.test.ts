import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { foldForMatch, matchingFields } from './scan-match.js';

describe('decrypt-and-scan matching', () => {
  it('ignores case, accents and spacing', () => {
    expect(foldForMatch('  María   PÉREZ Ñúñez ')).toBe('maria perez nunez');
    expect(matchingFields('maria  perez', [{ field: 'victims.realName', text: 'María Pérez' }, { field: 'sources.testimony', text: 'otra persona' }])).toEqual(['victims.realName']);
  });

  it('needs every word, in any order, within one value', () => {
    const values = [{ field: 'a', text: 'Calle Hidalgo 12, Saltillo' }, { field: 'b', text: 'Juan' }];
    expect(matchingFields('saltillo hidalgo', values)).toEqual(['a']);
    expect(matchingFields('hidalgo juan', values)).toEqual([]);
    expect(matchingFields('   ', values)).toEqual([]);
  });

  it('a value always matches any of its own words (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-záéíóúñü]{1,8}$/), { minLength: 1, maxLength: 5 }), fc.nat(), (words, i) => {
        const text = words.join(' ');
        expect(matchingFields(words[i % words.length]!.toUpperCase(), [{ field: 'f', text }])).toEqual(['f']);
      }),
    );
  });
});
