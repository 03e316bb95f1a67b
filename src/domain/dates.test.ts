import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { partialDateProblem, earliestDay, latestDay, fuzzyDateSchema, dateSpan, precisionOf } from './dates.js';

describe('partial dates', () => {
  it('accepts years, months and real days', () => {
    for (const v of ['2019', '2019-07', '2019-07-23', '2020-02-29', '2026-12-31']) expect(partialDateProblem(v)).toBeNull();
  });
  it('rejects impossible dates with a reason', () => {
    expect(partialDateProblem('2019-02-30')).toMatch(/not a real date/);
    expect(partialDateProblem('2019-02-29')).toMatch(/not a real date/);
    expect(partialDateProblem('2019-13')).toMatch(/no month/);
    expect(partialDateProblem('2019-7-1')).toMatch(/YYYY/);
    expect(partialDateProblem('19')).toMatch(/YYYY/);
    expect(partialDateProblem('1800')).toMatch(/between/);
  });
  it('knows the span a partial date covers', () => {
    expect(earliestDay('2019')).toBe('2019-01-01');
    expect(latestDay('2019')).toBe('2019-12-31');
    expect(latestDay('2020-02')).toBe('2020-02-29');
    expect(latestDay('2019-02')).toBe('2019-02-28');
    expect(precisionOf('2019-07')).toBe('month');
    expect(dateSpan({ start: '2019-07', end: '2019-08-15' })).toEqual({ from: '2019-07-01', to: '2019-08-15' });
  });
  it('rejects a range that ends before it starts', () => {
    const r = fuzzyDateSchema.safeParse({ start: '2019-07', end: '2019-06-30' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['end']);
    expect(fuzzyDateSchema.safeParse({ start: '2019-07', end: '2019-07-01' }).success).toBe(true);
  });
  it('every real day is accepted and spans itself (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        expect(partialDateProblem(day)).toBeNull();
        expect(earliestDay(day)).toBe(day);
        expect(latestDay(day)).toBe(day);
        expect(earliestDay(day.slice(0, 7)) <= day && day <= latestDay(day.slice(0, 7))).toBe(true);
      }),
    );
  });
  it('never throws on arbitrary strings (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => { partialDateProblem(s); }));
  });
});
