import { describe, it, expect } from 'vitest';
import { summaryPeriod } from './period';

describe('the dashboard accompaniment line', () => {
  it('uses the dashboard dates when they are whole days, else this year so far', () => {
    expect(summaryPeriod('2026-03-01', '2026-06-30', '2026-11-29')).toEqual({ from: '2026-03-01', to: '2026-06-30' });
    expect(summaryPeriod('2019', '', '2026-11-29')).toEqual({ from: '2026-01-01', to: '2026-11-29' });
  });
});
