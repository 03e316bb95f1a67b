/** Times at a place's zone in the browser agree with the server's (Luxon) across the clock changes of both sides of the border. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { toInstant, offsetAt } from '../../../../domain/accompaniment/time';
import { addDays, atZone, checkWall, clockAtZone, dayAt, offsetMinutes, offsetText, wallAt, zoneAbbr } from './time';

const ZONES = ['America/Tijuana', 'America/Los_Angeles', 'America/Phoenix', 'America/Hermosillo', 'America/Ciudad_Juarez', 'America/Denver', 'America/Matamoros', 'America/Chicago', 'America/Monterrey', 'America/Mexico_City'];

describe('times at a zone', () => {
  it('refuse the wall time the clocks skip and offer both instants of the one they pass twice (Tijuana, 2027)', () => {
    // US dates: 14 March and 7 November 2027
    expect(checkWall('2027-03-14T02:30', 'America/Tijuana')).toEqual({ kind: 'skipped' });
    const twice = checkWall('2027-11-07T01:30', 'America/Tijuana');
    expect(twice).toEqual({ kind: 'ambiguous', earlier: Date.parse('2027-11-07T08:30:00Z'), later: Date.parse('2027-11-07T09:30:00Z') });
    expect(checkWall('2027-03-14T05:00', 'America/Tijuana')).toEqual({ kind: 'ok', instant: Date.parse('2027-03-14T12:00:00Z') });
    // Hermosillo and Phoenix never change
    expect(checkWall('2027-03-14T02:30', 'America/Phoenix').kind).toBe('ok');
    expect(checkWall('2027-11-07T01:30', 'America/Hermosillo').kind).toBe('ok');
  });

  it('say what is not a wall time', () => {
    for (const x of ['', '2027-02-30T10:00', '2027-13-01T10:00', '2027-01-01T24:00', '2027-01-01 10:00', '2027-01-01T10:60']) expect(checkWall(x, 'America/Tijuana')).toEqual({ kind: 'bad' });
  });

  it('agree with the server on every wall time of the border zones', () => {
    const local = fc
      .record({ y: fc.integer({ min: 2024, max: 2030 }), mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }) })
      .map(({ y, mo, d, h, mi }) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`);
    // the nights of the clock changes, which random days rarely hit
    const night = fc.constantFrom('2027-03-14T02:30', '2027-11-07T01:30', '2026-03-08T02:00', '2026-11-01T01:00', '2026-11-01T01:59', '2025-03-09T02:59');
    fc.assert(
      fc.property(fc.oneof(local, night), fc.constantFrom(...ZONES), (l, zone) => {
        const mine = checkWall(l, zone);
        const server = toInstant(l, zone);
        if (server.ok) expect(mine).toEqual({ kind: 'ok', instant: Date.parse(server.instant) });
        else if (server.code === 'nonexistent_local_time') expect(mine).toEqual({ kind: 'skipped' });
        else if (server.code === 'ambiguous_local_time') expect(mine).toEqual({ kind: 'ambiguous', earlier: Date.parse(server.earlier), later: Date.parse(server.later) });
        else expect(mine.kind).toBe('bad');
      }),
      { numRuns: 500 },
    );
  });

  it('give the offset the server gives, and the wall time back', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2031-01-01') }), fc.constantFrom(...ZONES), (ms, zone) => {
        const server = offsetAt(new Date(ms).toISOString(), zone); // '-07:00'
        const [h, m] = server.slice(1).split(':').map(Number) as [number, number];
        expect(offsetMinutes(ms, zone)).toBe((server[0] === '-' ? -1 : 1) * (h * 60 + m));
        const wall = wallAt(ms, zone);
        const back = checkWall(wall, zone);
        expect(back.kind === 'ok' ? back.instant : back.kind === 'ambiguous' ? [back.earlier, back.later] : null).toEqual(
          back.kind === 'ok' ? Math.floor(ms / 60_000) * 60_000 : expect.arrayContaining([Math.floor(ms / 60_000) * 60_000]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('write the zone as notices do and the offset with a real minus sign', () => {
    const summer = Date.parse('2027-07-01T12:00:00Z');
    const winter = Date.parse('2027-01-15T12:00:00Z');
    expect(zoneAbbr(summer, 'America/Los_Angeles')).toBe('PDT');
    expect(zoneAbbr(winter, 'America/Tijuana')).toBe('PST');
    expect(zoneAbbr(summer, 'America/Phoenix')).toBe('MST');
    expect(offsetText(summer, 'America/Los_Angeles')).toBe('UTC\u22127');
    expect(offsetText(winter, 'America/Matamoros')).toBe('UTC\u22126');
    expect(offsetText(summer, 'UTC')).toBe('UTC');
  });

  it('show an instant at its place, never at the reader’s zone', () => {
    const at = '2027-03-14T12:00:00.000Z';
    expect(atZone(at, 'America/Tijuana', 'en')).toBe('Sun, Mar 14, 2027, 05:00 AM PDT');
    expect(atZone(at, 'America/Matamoros', 'en')).toContain('07:00 AM CDT');
    expect(atZone(at, 'America/Tijuana', 'es')).toMatch(/14.*mar.*2027.*05:00.*PDT$/);
    expect(clockAtZone(at, 'America/Mexico_City', 'en')).toBe('06:00 AM CST');
    expect(atZone('not a date', 'America/Tijuana', 'en')).toBe('');
  });

  it('count days at a zone and move them', () => {
    expect(dayAt(Date.parse('2027-03-14T06:00:00Z'), 'America/Tijuana')).toBe('2027-03-13');
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });
});
