import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { contentWords, jaccard, textSimilarity, trigrams } from './text-similarity.js';

describe('text similarity', () => {
  it('folds accents, case and punctuation and drops words that say nothing', () => {
    expect(contentWords('Detención del DEFENSOR en Tapachula, Chiapas.')).toEqual(['detencion', 'defensor', 'tapachula', 'chiapas']);
    expect(contentWords('The raid on the shelter')).toEqual(['raid', 'shelter']);
    expect(trigrams('Río')).toEqual(new Set([' ri', 'rio', 'io ']));
  });

  it('is 1 for the same words however written, 0 for nothing in common or nothing to compare', () => {
    expect(textSimilarity('Amenaza al albergue', 'AMENAZA AL ALBERGUE!')).toBe(1);
    expect(textSimilarity('Amenaza al albergue', 'Detención en garita')).toBe(0);
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('de la el', 'de la el')).toBe(0);
  });

  it('ranks two wordings of one event above two different events in the same town', () => {
    const a = 'Detienen a defensor del albergue en Tapachula';
    const same = 'Detención del defensor del albergue, Tapachula';
    const other = 'Robo de documentos a migrantes en Tapachula';
    expect(textSimilarity(a, same)).toBeGreaterThan(0.3);
    expect(textSimilarity(a, same)).toBeGreaterThan(textSimilarity(a, other) + 0.15);
  });

  it('is symmetric, in [0, 1], and 1 on itself when there is something to compare', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (x, y) => {
        const s = textSimilarity(x, y);
        expect(s).toBe(textSimilarity(y, x));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(textSimilarity(x, x)).toBe(trigrams(x).size ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it('computes the Jaccard index of two sets', () => {
    expect(jaccard(new Set([1, 2, 3]), new Set([2, 3, 4]))).toBe(0.5);
    expect(jaccard(new Set<number>(), new Set([1]))).toBe(0);
  });
});
