import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { groupBy, refNumber } from './group-by.js';

describe('groupBy', () => {
  it('keeps every row once, in its order within its group', () => {
    fc.assert(fc.property(fc.array(fc.record({ k: fc.constantFrom('a', 'b', 'c'), n: fc.nat() })), (rows) => {
      const g = groupBy(rows, (r) => r.k);
      expect([...g.values()].flat()).toHaveLength(rows.length);
      for (const [k, list] of g) expect(list).toEqual(rows.filter((r) => r.k === k));
    }));
  });
});

describe('refNumber', () => {
  it('reads the number of a reference, past its prefix of any length', () => {
    expect(['ACP-0012', 'INC-000002', 'RUN-10000', 'FAM-', 'x'].map(refNumber)).toEqual([12, 2, 10000, 0, 0]);
  });
});
