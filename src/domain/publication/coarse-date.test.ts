import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { coarsenDate } from './coarse-date.js';
import { DEFAULT_OPEN_DATA_SETTINGS as S } from './settings.js';

const facts = (start: string | null, kinds: string[] = ['threat.phone'], end: string | null = null, approximate = false) =>
  ({ date: { start, end, approximate }, acts: kinds.map((kind) => ({ kind, root: kind.split('.')[0]!, victim: null })) });

describe('coarsenDate', () => {
  it('cuts a day to its month, keeps a month, and a year stays a year', () => {
    expect(coarsenDate(facts('2024-03-17'), S)).toEqual({ start: '2024-03', end: null, precision: 'month', approximate: false });
    expect(coarsenDate(facts('2024-03'), S)).toMatchObject({ start: '2024-03', precision: 'month' });
    expect(coarsenDate(facts('2024'), S)).toMatchObject({ start: '2024', precision: 'year' });
    expect(coarsenDate(facts(null), S)).toEqual({ start: null, end: null, precision: 'unknown', approximate: false });
  });

  it('dates by year the kinds of act a rule names (children included), and keeps "approximate"', () => {
    expect(coarsenDate(facts('2024-03-17', ['threat.phone', 'sexual_violence.rape'], null, true), S)).toEqual({ start: '2024', end: null, precision: 'year', approximate: true });
    expect(coarsenDate(facts('2024-03-17', ['kidnapping']), S)).toMatchObject({ start: '2024', precision: 'year' });
    expect(coarsenDate(facts('2024-03-17'), { ...S, dateLevel: 'year' })).toMatchObject({ start: '2024', precision: 'year' });
  });

  it('publishes an end only when it differs once coarsened', () => {
    expect(coarsenDate(facts('2024-03-02', undefined, '2024-03-30'), S).end).toBeNull();
    expect(coarsenDate(facts('2024-03-02', undefined, '2024-05-01'), S).end).toBe('2024-05');
    expect(coarsenDate(facts('2024-03-02', ['kidnapping'], '2024-05-01'), S).end).toBeNull();
    expect(coarsenDate(facts('2024-03', undefined, '2025'), S).end).toBe('2025');
  });

  it('is never finer than the month, the rule, or the date as recorded (property)', () => {
    const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const partial = fc.tuple(day, fc.constantFrom(4, 7, 10)).map(([d, n]) => d.slice(0, n));
    fc.assert(fc.property(fc.option(partial), fc.option(partial), fc.subarray(['threat.phone', 'sexual_violence', 'kidnapping.express', 'disappearance', 'detention.arrest']), fc.boolean(), fc.constantFrom('month' as const, 'year' as const),
      (start, end, kinds, approx, level) => {
        const c = coarsenDate(facts(start, kinds, end, approx), { ...S, dateLevel: level });
        if (!start) { expect(c.start).toBeNull(); return; }
        const ruled = level === 'year' || start.length === 4 || kinds.some((k) => ['sexual_violence', 'kidnapping', 'disappearance'].includes(k.split('.')[0]!));
        expect(c.start).toBe(start.slice(0, ruled ? 4 : 7));
        expect(c.start!.length).toBeLessThanOrEqual(Math.min(start.length, 7));
        if (c.end) expect(c.end.length).toBeLessThanOrEqual(c.start!.length);
        expect(c.approximate).toBe(approx);
      }), { numRuns: 2000 });
  });
});
