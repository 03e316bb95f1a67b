/**
 * Properties of the timeline on random items: every item appears exactly once, dated items follow
 * their first possible day, the order is total (the input order does not matter for distinct keys)
 * and stable (items equal in every sort key keep their input order), oldest first reverses newest
 * first, and years group their items with the right counts.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { earliestDay } from '../dates.js';
import { buildTimeline, flatten, yearOf } from './build.js';
import type { TimelineItem } from './item.js';

const partial = fc.tuple(fc.integer({ min: 2015, max: 2024 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 28 })).map(([y, m, d]) =>
  m === 0 ? String(y) : d === 0 ? `${y}-${String(m).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
);
const date = fc.option(fc.record({ start: partial, approximate: fc.boolean() }), { nil: undefined });
const TYPES = ['incident', 'intervention', 'measure'] as const;

function make(type: (typeof TYPES)[number], id: string, d: { start: string; approximate: boolean } | undefined, tag: number): TimelineItem {
  const dd = d ? { date: { start: d.start, ...(d.approximate ? { approximate: true } : {}) } } : {};
  const key = `${type}:${id}`;
  if (type === 'incident') return { type, key, incidentId: id, ref: `INC-${tag}`, title: `t${tag}`, place: {}, status: 's', acts: [], ...dd };
  if (type === 'intervention') return { type, key, id, incidentId: 'x', ref: `INC-${tag}`, kind: 'k', ...dd };
  return { type, key, id, kind: 'k', status: String(tag), ...dd };
}

/** Items with distinct keys. */
const itemsArb = fc.uniqueArray(fc.tuple(fc.constantFrom(...TYPES), fc.string({ minLength: 1, maxLength: 4 }), date), { maxLength: 40, selector: ([t, id]) => `${t}:${id}` })
  .map((xs) => xs.map(([t, id, d], i) => make(t, id, d, i)));

describe('timeline properties', () => {
  it('every item appears exactly once, dated items by their first day, the undated last', () => {
    fc.assert(fc.property(itemsArb, fc.constantFrom('asc' as const, 'desc' as const), (items, order) => {
      const t = buildTimeline(items, order);
      const out = flatten(t);
      expect(out).toHaveLength(items.length);
      expect(new Set(out)).toEqual(new Set(items));
      expect(t.total).toBe(items.length);
      const dated = t.years.flatMap((y) => y.items);
      expect(dated.every((i) => i.date) && t.undated.every((i) => !i.date)).toBe(true);
      for (let i = 1; i < dated.length; i++) {
        const a = earliestDay(dated[i - 1]!.date!.start);
        const b = earliestDay(dated[i]!.date!.start);
        expect(order === 'asc' ? a <= b : a >= b).toBe(true);
      }
    }));
  });

  it('is total: any shuffle of the input gives the same timeline; oldest first reverses newest first', () => {
    fc.assert(fc.property(itemsArb.chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length }))), ([items, shuffled]) => {
      expect(buildTimeline(shuffled)).toEqual(buildTimeline(items));
      expect(buildTimeline(shuffled, 'asc')).toEqual(buildTimeline(items, 'asc'));
      const asc = buildTimeline(items, 'asc');
      const desc = buildTimeline(items, 'desc');
      expect(asc.years.flatMap((y) => y.items)).toEqual(desc.years.flatMap((y) => y.items).reverse());
      expect(asc.undated).toEqual(desc.undated);
    }));
  });

  it('is stable: items equal in every sort key keep their input order', () => {
    fc.assert(fc.property(fc.constantFrom(...TYPES), date, fc.integer({ min: 2, max: 6 }), fc.constantFrom('asc' as const, 'desc' as const), (type, d, n, order) => {
      const twins = Array.from({ length: n }, (_, i) => make(type, 'same', d, i));
      expect(flatten(buildTimeline(twins, order))).toEqual(twins);
    }));
  });

  it('groups by the year the date starts, years in order and counts that add up', () => {
    fc.assert(fc.property(itemsArb, fc.constantFrom('asc' as const, 'desc' as const), (items, order) => {
      const t = buildTimeline(items, order);
      const years = t.years.map((y) => y.year);
      expect(years).toEqual([...years].sort(order === 'asc' ? undefined : (a, b) => (a < b ? 1 : -1)));
      expect(new Set(years).size).toBe(years.length);
      for (const y of t.years) {
        expect(y.items.every((i) => yearOf(i) === y.year)).toBe(true);
        expect(y.count).toBe(y.items.length);
        for (const type of TYPES) expect(y.counts[type]).toBe(y.items.filter((i) => i.type === type).length);
      }
    }));
  });
});
