import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { counterStart, dayCount, knownStartDay } from './day-count.js';

describe('day counter', () => {
  it('counts from the incident\'s start day when known to the day: day 1 on that day', () => {
    expect(dayCount('2026-03-01', '2026-03-01T20:00:00.000Z', '2026-03-01T23:59:59.000Z')).toBe(1);
    expect(dayCount('2026-03-01', '2026-03-02T08:00:00.000Z', '2026-03-23T10:00:00.000Z')).toBe(23);
    // across a month end and a leap day
    expect(dayCount('2028-02-27', '2028-02-28T00:00:00.000Z', '2028-03-01T00:00:00.000Z')).toBe(4);
  });

  it('counts from opening when the start day is not known to the day, or is later than the opening', () => {
    expect(dayCount(undefined, '2026-03-10T08:00:00.000Z', '2026-03-12T01:00:00.000Z')).toBe(3);
    expect(dayCount('2026-04-01', '2026-03-10T08:00:00.000Z', '2026-03-12T01:00:00.000Z')).toBe(3);
    expect(counterStart('2026-04-01', '2026-03-10T08:00:00.000Z')).toBe('2026-03-10');
    expect(counterStart('2026-02-01', '2026-03-10T08:00:00.000Z')).toBe('2026-02-01');
  });

  it('is never below 1 (a clock behind)', () => {
    expect(dayCount(undefined, '2026-03-10T08:00:00.000Z', '2026-03-09T08:00:00.000Z')).toBe(1);
  });

  it('knows a start day only when the record has a day and does not call it approximate', () => {
    expect(knownStartDay({ start: '2026-03-01' })).toBe('2026-03-01');
    expect(knownStartDay({ start: '2026-03-01', approximate: true })).toBeUndefined();
    expect(knownStartDay({ start: '2026-03' })).toBeUndefined();
    expect(knownStartDay({ start: '2026' })).toBeUndefined();
    expect(knownStartDay(undefined)).toBeUndefined();
  });

  it('grows by one each day and never exceeds the days since opening plus the days before it', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000));
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 86_399_999 }), fc.option(fc.integer({ min: -400, max: 400 }), { nil: undefined }), (opened, days, ms, startOffset) => {
      const openedAt = new Date(opened.getTime() + ms).toISOString();
      const start = startOffset === undefined ? undefined : new Date(opened.getTime() + startOffset * 86_400_000).toISOString().slice(0, 10);
      const until = new Date(opened.getTime() + days * 86_400_000 + ms).toISOString();
      const next = new Date(Date.parse(until) + 86_400_000).toISOString();
      const n = dayCount(start, openedAt, until);
      expect(dayCount(start, openedAt, next)).toBe(n + 1);
      const before = start !== undefined && startOffset! < 0 ? -startOffset! : 0;
      expect(n).toBe(days + 1 + before);
    }));
  });
});
