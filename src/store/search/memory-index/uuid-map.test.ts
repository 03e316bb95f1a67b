import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { UuidMap } from './uuid-map.js';

describe('UuidMap', () => {
  it('answers like a Map under any sequence of sets, deletes and gets (UUIDs, near-duplicates and other strings)', () => {
    const pool = [...Array.from({ length: 40 }, () => randomUUID()), '00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000000', 'ABCDEF00-0000-4000-8000-000000000000', 'not-a-uuid', ''];
    const op = fc.oneof(
      fc.record({ k: fc.constant('set' as const), id: fc.constantFrom(...pool), v: fc.integer({ min: -5, max: 1_000_000 }) }),
      fc.record({ k: fc.constant('delete' as const), id: fc.constantFrom(...pool) }),
      fc.record({ k: fc.constant('get' as const), id: fc.constantFrom(...pool) }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
      const m = new UuidMap();
      const ref = new Map<string, number>();
      for (const o of ops) {
        if (o.k === 'set') { m.set(o.id, o.v); ref.set(o.id, o.v); }
        else if (o.k === 'delete') expect(m.delete(o.id)).toBe(ref.delete(o.id));
        else expect(m.get(o.id)).toBe(ref.get(o.id));
        expect(m.size).toBe(ref.size);
      }
      for (const id of pool) expect(m.get(id)).toBe(ref.get(id));
    }), { numRuns: 300 });
  });

  it('holds a hundred thousand ids, through growth and many deletions, in a few bytes each', () => {
    const m = new UuidMap();
    const ids = Array.from({ length: 100_000 }, () => randomUUID());
    ids.forEach((id, i) => m.set(id, i));
    for (let i = 0; i < ids.length; i += 2) m.delete(ids[i]!);
    for (let i = 0; i < ids.length; i += 4) m.set(ids[i]!, -i - 1);
    for (let i = 0; i < ids.length; i++) expect(m.get(ids[i]!)).toBe(i % 4 === 0 ? -i - 1 : i % 2 ? i : undefined);
    expect(m.size).toBe(75_000);
    expect(m.get(randomUUID())).toBeUndefined();
    expect(m.bytes()).toBeLessThan(100_000 * 40);
  });
});
