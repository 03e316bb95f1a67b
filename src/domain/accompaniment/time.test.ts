/**
 * Times across the border's zones and clock changes (issue 9, must hold): Tijuana/San Diego and
 * Mexicali/Calexico around the US switches (2026-03-08, 2026-11-01, 2027-03-14, 2027-11-07), a
 * dawn presentation planned backwards across the switch, and zones that no longer change
 * (Monterrey, Hermosillo) beside ones that do (Matamoros, Ciudad Juárez).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { toInstant, toLocal, localDay, dayBounds, offsetAt, isZone } from './time.js';
import { planLegs } from './run.js';
import { PLACES } from './places.js';

const ok = (local: string, zone: string, fold?: 'earlier' | 'later') => {
  const r = toInstant(local, zone, fold);
  if (!r.ok) throw new Error(`${local} ${zone}: ${r.code}`);
  return r.instant;
};

describe('wall times and instants at the border', () => {
  it('reads the same wall time in Tijuana and San Diego as the same instant, either side of each switch', () => {
    for (const [local, utc] of [
      ['2026-03-07T05:00', '2026-03-07T13:00:00.000Z'], // PST, the day before
      ['2026-03-08T05:00', '2026-03-08T12:00:00.000Z'], // PDT, the morning of the switch
      ['2026-10-31T05:00', '2026-10-31T12:00:00.000Z'], // PDT
      ['2026-11-01T05:00', '2026-11-01T13:00:00.000Z'], // PST again
      ['2027-03-14T04:00', '2027-03-14T11:00:00.000Z'],
      ['2027-11-07T04:00', '2027-11-07T12:00:00.000Z'],
    ] as const) {
      expect(ok(local, 'America/Tijuana')).toBe(utc);
      expect(ok(local, 'America/Los_Angeles')).toBe(utc);
    }
  });

  it('keeps Mexicali and Calexico on the same clock across the switches', () => {
    for (const instant of ['2026-03-08T09:59:00.000Z', '2026-03-08T10:00:00.000Z', '2026-11-01T08:59:00.000Z', '2026-11-01T09:00:00.000Z', '2027-03-14T10:30:00.000Z']) {
      expect(toLocal(instant, 'America/Tijuana')).toBe(toLocal(instant, 'America/Los_Angeles'));
    }
    expect(toLocal('2026-03-08T09:59:00.000Z', 'America/Tijuana')).toBe('2026-03-08T01:59');
    expect(toLocal('2026-03-08T10:00:00.000Z', 'America/Tijuana')).toBe('2026-03-08T03:00');
  });

  it('refuses a time the clocks skip, and asks which of two on the night they go back', () => {
    expect(toInstant('2026-03-08T02:30', 'America/Tijuana')).toEqual({ ok: false, code: 'nonexistent_local_time' });
    expect(toInstant('2027-03-14T02:00', 'America/Los_Angeles')).toEqual({ ok: false, code: 'nonexistent_local_time' });
    expect(toInstant('2026-11-01T01:30', 'America/Tijuana')).toEqual({ ok: false, code: 'ambiguous_local_time', earlier: '2026-11-01T08:30:00.000Z', later: '2026-11-01T09:30:00.000Z' });
    expect(ok('2026-11-01T01:30', 'America/Los_Angeles', 'earlier')).toBe('2026-11-01T08:30:00.000Z');
    expect(ok('2026-11-01T01:30', 'America/Los_Angeles', 'later')).toBe('2026-11-01T09:30:00.000Z');
    // Monterrey no longer changes its clocks: the same wall time exists once
    expect(ok('2026-11-01T01:30', 'America/Monterrey')).toBe('2026-11-01T07:30:00.000Z');
    expect(ok('2026-03-08T02:30', 'America/Monterrey')).toBe('2026-03-08T08:30:00.000Z');
  });

  it('rejects wall times that are not times and zones that are not zones', () => {
    expect(toInstant('2026-02-30T05:00', 'America/Tijuana')).toEqual({ ok: false, code: 'bad_local_time' });
    expect(toInstant('2026-02-03T24:00', 'America/Tijuana')).toEqual({ ok: false, code: 'bad_local_time' });
    expect(toInstant('2026-02-03 05:00', 'America/Tijuana')).toEqual({ ok: false, code: 'bad_local_time' });
    expect(toInstant('2026-02-03T05:00', 'Mars/Olympus')).toEqual({ ok: false, code: 'bad_zone' });
    expect(isZone('America/Tijuana')).toBe(true);
  });

  it('gives each place of the list a zone the runtime knows', () => {
    for (const p of PLACES) expect(isZone(p.zone), p.code).toBe(true);
  });

  it('plans a dawn presentation at San Ysidro backwards from Mexicali across the spring switch', () => {
    // present at 04:00 PDT on 2027-03-14 (11:00Z); arrive 30 min before; car 25 min to the port after a
    // 15-minute wait in Tijuana; the bus from Mexicali takes 2 h 40 min
    const presentAt = ok('2027-03-14T04:00', 'America/Los_Angeles');
    const [bus, car] = planLegs(presentAt, 30, [{ durationMinutes: 160, transferMinutes: 15 }, { durationMinutes: 25, transferMinutes: 0 }]);
    expect(toLocal(car!.arriveAt, 'America/Los_Angeles')).toBe('2027-03-14T03:30');
    expect(toLocal(car!.departAt, 'America/Tijuana')).toBe('2027-03-14T03:05');
    // 3:05 PDT − 15 min = 2:50 PDT does not exist: it is 1:50 PST; the bus leaves 2 h 40 min earlier, 23:10 PST the night before
    expect(toLocal(bus!.arriveAt, 'America/Tijuana')).toBe('2027-03-14T01:50');
    expect(toLocal(bus!.departAt, 'America/Tijuana')).toBe('2027-03-13T23:10');
    expect(localDay(bus!.departAt, 'America/Tijuana')).toBe('2027-03-13');
  });

  it('plans across the autumn switch with the hour lived twice', () => {
    // present at 05:00 PST on 2026-11-01 (13:00Z); the bus takes 3 h, arriving 30 min before: 04:30 PST
    const presentAt = ok('2026-11-01T05:00', 'America/Tijuana');
    const [bus] = planLegs(presentAt, 30, [{ durationMinutes: 180, transferMinutes: 0 }]);
    // 04:30 PST − 3 h of travel = 01:30 PST: the second 01:30 of the night (the clocks went back at 02:00 PDT)
    expect(bus!.departAt).toBe('2026-11-01T09:30:00.000Z');
    expect(toLocal(bus!.departAt, 'America/Tijuana')).toBe('2026-11-01T01:30');
    expect(offsetAt(bus!.departAt, 'America/Tijuana')).toBe('-08:00');
    expect(toInstant('2026-11-01T01:30', 'America/Tijuana', 'later')).toEqual({ ok: true, instant: bus!.departAt });
    // with 4 h of travel it leaves at the first 01:30 (PDT): the same wall time, an hour earlier
    const [longer] = planLegs(presentAt, 30, [{ durationMinutes: 240, transferMinutes: 0 }]);
    expect(offsetAt(longer!.departAt, 'America/Tijuana')).toBe('-07:00');
    expect(toLocal(longer!.departAt, 'America/Tijuana')).toBe('2026-11-01T01:30');
    expect(longer!.departAt).toBe('2026-11-01T08:30:00.000Z');
    expect(offsetAt(bus!.arriveAt, 'America/Tijuana')).toBe('-08:00');
  });

  it('keeps a fixed bus departure and plans forward from it', () => {
    const presentAt = ok('2026-03-08T05:00', 'America/Los_Angeles');
    const depart = ok('2026-03-07T23:30', 'America/Tijuana');
    const [bus, car] = planLegs(presentAt, 30, [{ durationMinutes: 180, transferMinutes: 60, departAt: depart }, { durationMinutes: 30, transferMinutes: 0 }]);
    expect(bus!.departAt).toBe(depart);
    // 23:30 PST + 3 h = 02:30 PST = 03:30 PDT
    expect(toLocal(bus!.arriveAt, 'America/Tijuana')).toBe('2026-03-08T03:30');
    expect(toLocal(car!.departAt, 'America/Tijuana')).toBe('2026-03-08T04:30');
    expect(toLocal(car!.arriveAt, 'America/Los_Angeles')).toBe('2026-03-08T05:00');
  });

  it('tells zones apart where Mexico stopped changing and the border did not', () => {
    const instant = '2026-07-01T12:00:00.000Z';
    expect(toLocal(instant, 'America/Matamoros')).toBe('2026-07-01T07:00');
    expect(toLocal(instant, 'America/Monterrey')).toBe('2026-07-01T06:00');
    expect(toLocal(instant, 'America/Ciudad_Juarez')).toBe(toLocal(instant, 'America/Denver'));
    expect(toLocal(instant, 'America/Hermosillo')).toBe(toLocal(instant, 'America/Phoenix'));
  });

  it('knows a switch day lasts 23 or 25 hours', () => {
    const spring = dayBounds('2026-03-08', 'America/Tijuana');
    const autumn = dayBounds('2026-11-01', 'America/Tijuana');
    expect((Date.parse(spring.to) - Date.parse(spring.from)) / 3_600_000).toBe(23);
    expect((Date.parse(autumn.to) - Date.parse(autumn.from)) / 3_600_000).toBe(25);
  });

  it('turns every instant into a wall time that names it again (property)', () => {
    const zones = ['America/Tijuana', 'America/Los_Angeles', 'America/Ciudad_Juarez', 'America/Matamoros', 'America/Monterrey', 'America/Phoenix'];
    fc.assert(fc.property(fc.integer({ min: Date.parse('2024-01-01T00:00:00Z') / 60_000, max: Date.parse('2029-01-01T00:00:00Z') / 60_000 }), fc.constantFrom(...zones), (minute, zone) => {
      const instant = new Date(minute * 60_000).toISOString();
      const local = toLocal(instant, zone);
      const back = toInstant(local, zone);
      if (back.ok) return back.instant === instant;
      return back.code === 'ambiguous_local_time' && (back.earlier === instant || back.later === instant);
    }), { numRuns: 2000 });
  });
});
