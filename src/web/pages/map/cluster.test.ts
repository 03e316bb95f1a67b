import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cluster } from './cluster';

describe('map clusters', () => {
  it('joins close points and keeps far ones apart', () => {
    const c = cluster([{ item: 'a', x: 0, y: 0, count: 5 }, { item: 'b', x: 10, y: 0, count: 1 }, { item: 'c', x: 100, y: 0, count: 2 }], 20);
    expect(c).toHaveLength(2);
    expect(c[0]).toMatchObject({ count: 6, items: ['a', 'b'] });
    expect(c[1]).toMatchObject({ count: 2, items: ['c'], x: 100 });
  });

  it('keeps every point and every incident, each in one cluster', () => {
    const arb = fc.array(fc.record({ item: fc.nat(), x: fc.integer({ min: 0, max: 800 }), y: fc.integer({ min: 0, max: 600 }), count: fc.integer({ min: 1, max: 1000 }) }), { maxLength: 300 });
    fc.assert(fc.property(arb, fc.integer({ min: 1, max: 80 }), (points, r) => {
      const cs = cluster(points, r);
      expect(cs.reduce((a, c) => a + c.count, 0)).toBe(points.reduce((a, p) => a + p.count, 0));
      expect(cs.flatMap((c) => c.items).sort()).toEqual(points.map((p) => p.item).sort());
    }));
  });
});
