import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findPairs, pairKey, comparePairs, type DuplicatePair } from './pairs.js';
import { scorePair, type DuplicateFacts } from './score.js';
import { facts } from '../../../test/helpers/duplicate-facts.js';

const IDS = Array.from({ length: 12 }, (_, i) => `i${String(i).padStart(2, '0')}`);

/** Every pair compared with every other: what the sliding window must give. */
function bruteForce(list: DuplicateFacts[], windowDays: number, skip: (a: string, b: string) => boolean): DuplicatePair[] {
  const firstOf = new Map<string, DuplicateFacts>();
  for (const f of list) if (!firstOf.has(f.id)) firstOf.set(f.id, f);
  const items = [...firstOf.values()];
  const out: DuplicatePair[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const [a, b] = items[i]!.id < items[j]!.id ? [items[i]!, items[j]!] : [items[j]!, items[i]!];
      if (skip(a.id, b.id)) continue;
      const s = scorePair(a, b, windowDays);
      if (s.suggested) out.push({ a: a.id, b: b.id, score: s.score, reasons: s.reasons });
    }
  return out.sort(comparePairs);
}

describe('likely duplicates in a list', () => {
  it('finds the pairs that comparing every incident with every other finds, best first', () => {
    fc.assert(
      fc.property(fc.array(facts(IDS), { maxLength: 14 }), fc.integer({ min: 0, max: 31 }), fc.array(fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...IDS)), { maxLength: 4 }), (list, w, dismissed) => {
        const skipped = new Set(dismissed.map(([x, y]) => pairKey(x, y)));
        const skip = (a: string, b: string) => skipped.has(pairKey(a, b));
        const got = findPairs(list, { windowDays: w, skip });
        expect(got).toEqual(bruteForce(list, w, skip));
        for (const p of got) expect(p.a < p.b).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keys a pair the same whichever way round', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
    expect(pairKey('a', 'b')).toBe('a|b');
  });
});
