import { describe, it, expect } from 'vitest';
import { percentChange, previousPeriod } from './period.js';

describe('previous period', () => {
  it('is as many days, ending the day before', () => {
    expect(previousPeriod('2024-01-01', '2024-12-31')).toEqual({ from: '2022-12-31', to: '2023-12-31' }); // 366 days
    expect(previousPeriod('2023-01-01', '2023-12-31')).toEqual({ from: '2022-01-01', to: '2022-12-31' }); // 365 days
    expect(previousPeriod('2024-03-01', '2024-03-01')).toEqual({ from: '2024-02-29', to: '2024-02-29' });
    expect(previousPeriod('2024-03-01', '2024-03-31')).toEqual({ from: '2024-01-30', to: '2024-02-29' }); // 31 days back over a leap February
  });

  it('refuses days that do not exist and periods that end before they start', () => {
    expect(() => previousPeriod('2023-02-29', '2023-03-31')).toThrow(RangeError);
    expect(() => previousPeriod('2024-01-01', '2024-1-31')).toThrow(RangeError);
    expect(() => previousPeriod('2024-02-01', '2024-01-31')).toThrow(/ends before/);
  });
});

describe('percent change', () => {
  it('is null from zero, and rounded to one decimal otherwise', () => {
    expect(percentChange(0, 5)).toBeNull();
    expect(percentChange(0, 0)).toBeNull();
    expect(percentChange(10, 15)).toBe(50);
    expect(percentChange(4, 3)).toBe(-25);
    expect(percentChange(3, 4)).toBe(33.3);
    expect(percentChange(3, 2)).toBe(-33.3);
    expect(percentChange(3, 5)).toBe(66.7);
    expect(percentChange(5, 0)).toBe(-100);
    expect(Object.is(percentChange(7, 7), 0)).toBe(true);
  });

  it('rounds halves away from zero, alike for rises and falls', () => {
    expect(percentChange(8, 9)).toBe(12.5); // exact
    expect(percentChange(16, 17)).toBe(6.3); // 6.25
    expect(percentChange(16, 15)).toBe(-6.3); // -6.25
  });
});
