/** Times of runs at their place's zone, never the browser's: the spring night at Tijuana, zones without DST, offsets, weeks. */
import { describe, it, expect } from 'vitest';
import { addDays, clockAt, clockChange, dayName, guessInstant, localAt, timeAt, weekStart, zoneName, zoneOffset, zoneOnDate } from './time';

describe('run times at a zone', () => {
  it('show the spring-forward night at Tijuana as the clocks there say, in both languages', () => {
    for (const lang of ['es', 'en'] as const) {
      expect(timeAt('2027-03-14T09:50:00Z', 'America/Tijuana', lang)).toBe('01:50 PST');
      expect(timeAt('2027-03-14T10:05:00Z', 'America/Tijuana', lang)).toBe('03:05 PDT');
    }
    expect(clockChange('2027-03-14T06:00:00Z', '2027-03-14T12:00:00Z', 'America/Tijuana')).toEqual({ before: 'PST', after: 'PDT' });
    expect(clockChange('2027-03-15T06:00:00Z', '2027-03-15T12:00:00Z', 'America/Tijuana')).toBeNull();
  });

  it('show the same instant at each place’s own zone, whatever the browser’s', () => {
    const at = '2027-03-14T11:00:00Z';
    expect(timeAt(at, 'America/Los_Angeles', 'es')).toBe('04:00 PDT');
    expect(clockAt(at, 'America/Hermosillo', 'es')).toBe('04:00'); // Sonora does not change
    expect(zoneName(at, 'America/Hermosillo')).toBe('GMT-7');
    expect(clockAt(at, 'America/Mexico_City', 'en')).toBe('05:00'); // most of Mexico no longer changes
    expect(timeAt(at, 'America/Matamoros', 'en')).toBe('06:00 CDT'); // Tamaulipas follows the US dates
  });

  it('name the zone and offset of a wall time on its date, and the instant it most likely names', () => {
    expect(zoneOffset('2027-03-14T09:50:00Z', 'America/Tijuana')).toBe('UTC−08:00');
    expect(zoneOnDate('2027-03-14T01:30', 'America/Tijuana')).toBe('PST, UTC−08:00');
    expect(zoneOnDate('2027-03-14T04:00', 'America/Tijuana')).toBe('PDT, UTC−07:00');
    expect(zoneOnDate('2027-03-14', 'America/Tijuana')).toBe('');
    expect(guessInstant('2027-03-14T04:00', 'America/Los_Angeles')).toBe('2027-03-14T11:00:00.000Z');
    expect(guessInstant('2027-11-07T09:00', 'America/Ciudad_Juarez')).toBe('2027-11-07T16:00:00.000Z');
    expect(localAt('2027-03-14T09:50:00Z', 'America/Tijuana')).toBe('2027-03-14T01:50');
  });

  it('count days and weeks on the calendar', () => {
    expect(weekStart('2027-03-14')).toBe('2027-03-08'); // a Sunday belongs to the week that began on Monday
    expect(weekStart('2027-03-15')).toBe('2027-03-15');
    expect(addDays('2027-02-26', 3)).toBe('2027-03-01');
    expect(addDays('2027-03-08', -7)).toBe('2027-03-01');
    expect(dayName('2027-03-15', 'en')).toBe('Monday, March 15');
    expect(dayName('2027-03-15', 'es')).toContain('15 de marzo');
  });
});
