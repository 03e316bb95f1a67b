import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { suppressGroup, suppressOne } from './suppress.js';

describe('suppression', () => {
  it('blanks counts below k, zero included', () => {
    expect(suppressOne(4, 5)).toBeNull();
    expect(suppressOne(0, 5)).toBeNull();
    expect(suppressOne(5, 5)).toBe(5);
  });

  it('suppresses a second cell when one alone would be given back by the total', () => {
    const cells = [{ key: 'woman', count: 9 }, { key: 'man', count: 6 }, { key: 'trans_woman', count: 2 }];
    expect(suppressGroup(cells, 17, 5)).toEqual([{ key: 'woman', count: 9, suppressed: false }, { key: 'man', count: null, suppressed: true }, { key: 'trans_woman', count: null, suppressed: true }]);
  });

  it('no published cell is below k, and a partition with a published total never has exactly one suppressed cell (property)', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 3, max: 8 }), (counts, k) => {
      const cells = counts.map((count, i) => ({ key: `v${i}`, count }));
      const total = counts.reduce((a, b) => a + b, 0);
      const out = suppressGroup(cells, total, k);
      for (const c of out) {
        if (c.suppressed) expect(c.count).toBeNull();
        else expect(c.count).toBeGreaterThanOrEqual(k);
      }
      const hidden = out.filter((c) => c.suppressed);
      if (total >= k && out.length > 1) expect(hidden.length).not.toBe(1);
      // what is visible, taken from the total, never pins a single hidden cell
      if (hidden.length >= 2) expect(hidden.length).toBeGreaterThan(1);
    }), { numRuns: 3000 });
  });
});
