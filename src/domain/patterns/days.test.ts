import { describe, it, expect } from 'vitest';
import { compareDayThenId, dayNumber, dayString, sortedIncidentIds, withinWindow } from './days.js';

describe('calendar days', () => {
  it('numbers real days in UTC and rejects anything else', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-03-01')! - dayNumber('2024-02-28')!).toBe(2); // leap year
    expect(dayNumber('2023-03-01')! - dayNumber('2023-02-28')!).toBe(1);
    for (const bad of ['2023-02-29', '2023-02-30', '2023-13-01', '2023-1-01', '0050-01-01x', '', null, undefined]) expect(dayNumber(bad)).toBeNull();
    expect(dayString(dayNumber('2024-02-29')!)).toBe('2024-02-29');
  });

  it('windows are inclusive: N days hold days that are at most N − 1 apart', () => {
    expect(withinWindow(0, 364, 365)).toBe(true);
    expect(withinWindow(0, 365, 365)).toBe(false);
    expect(withinWindow(10, 10, 1)).toBe(true);
    expect(withinWindow(10, 11, 1)).toBe(false);
  });

  it('sorts by day with undated last, then by id', () => {
    const list = [
      { id: 'b', day: null },
      { id: 'c', day: '2024-01-02' },
      { id: 'z', day: '2024-01-01' },
      { id: 'a', day: null },
      { id: 'a1', day: '2024-01-02' },
    ];
    expect([...list].sort(compareDayThenId).map((e) => e.id)).toEqual(['z', 'a1', 'c', 'a', 'b']);
  });

  it('lists each incident once, at its earliest day', () => {
    const ids = sortedIncidentIds([
      { id: 'x', day: '2024-05-01' },
      { id: 'y', day: '2024-03-01' },
      { id: 'x', day: '2024-01-01' },
      { id: 'y', day: null },
    ]);
    expect(ids).toEqual(['x', 'y']);
  });
});
