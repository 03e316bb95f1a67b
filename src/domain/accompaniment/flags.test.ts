/**
 * The day view's flags from plain facts: over capacity exactly when more ride a leg than it has
 * seats (a property), no seats, the same driver on overlapping legs, one person on two runs at
 * once, arriving after or leaving after the presentation, and people expected at a hearing on no
 * run; cancelled runs count for nothing.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeFlags, overlaps, type FlagRun, type FlagHearing } from './flags.js';

const leg = (id: string, ordinal: number, departAt: string, arriveAt: string, seats: number | null = 4, escortId: string | null = null) => ({ id, ordinal, departAt, arriveAt, seats, escortId });
const run = (id: string, legs: FlagRun['legs'], passengers: FlagRun['passengers'], status: FlagRun['status'] = 'planned'): FlagRun => ({ id, status, legs, passengers });
const codes = (fs: { code: string }[]) => fs.map((f) => f.code).sort();

describe('flags', () => {
  it('over capacity iff more passengers ride a leg than it has seats; no seats iff none set', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 12 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }), (riders, seats) => {
      const r = run('r', [leg('l', 1, '2027-01-01T10:00:00.000Z', '2027-01-01T11:00:00.000Z', seats)], Array.from({ length: riders }, (_x, i) => ({ personId: `p${i}`, hearingId: null, legs: [1] })));
      const fs = computeFlags([r]);
      expect(fs.some((f) => f.code === 'over_capacity')).toBe(seats !== null && riders > seats);
      expect(fs.some((f) => f.code === 'no_seats')).toBe(seats === null);
      // a cancelled run flags nothing
      expect(computeFlags([{ ...r, status: 'cancelled' }])).toEqual([]);
    }), { numRuns: 300 });
  });

  it('overlap is symmetric and half-open', () => {
    const t = fc.integer({ min: 0, max: 10_000 }).map((m) => new Date(Date.UTC(2027, 0, 1) + m * 60_000).toISOString());
    fc.assert(fc.property(t, t, t, t, (a, b, c, d) => {
      const [a0, a1] = [a, b].sort() as [string, string];
      const [b0, b1] = [c, d].sort() as [string, string];
      expect(overlaps(a0, a1, b0, b1)).toBe(overlaps(b0, b1, a0, a1));
      expect(overlaps(a0, a1, a1, a1 === b1 ? b1 : b1)).toBe(false);
    }), { numRuns: 300 });
  });

  it('flags the same escort on two overlapping legs, and not on legs that follow each other', () => {
    const r1 = run('r1', [leg('a', 1, '2027-01-01T10:00:00.000Z', '2027-01-01T11:00:00.000Z', 4, 'e')], []);
    const r2 = run('r2', [leg('b', 1, '2027-01-01T10:30:00.000Z', '2027-01-01T11:30:00.000Z', 4, 'e')], []);
    const r3 = run('r3', [leg('c', 1, '2027-01-01T11:30:00.000Z', '2027-01-01T12:00:00.000Z', 4, 'e')], []);
    expect(computeFlags([r1, r2, r3])).toEqual([{ code: 'escort_overlap', runId: 'r1', legId: 'a' }, { code: 'escort_overlap', runId: 'r2', legId: 'b' }]);
    expect(computeFlags([r1, { ...r2, status: 'cancelled' }])).toEqual([]);
    expect(computeFlags([r1, run('r4', [leg('d', 1, '2027-01-01T10:30:00.000Z', '2027-01-01T11:30:00.000Z', 4, 'other')], [])])).toEqual([]);
  });

  it('flags a person on two runs whose legs they ride overlap', () => {
    const r1 = run('r1', [leg('a', 1, '2027-01-01T10:00:00.000Z', '2027-01-01T11:00:00.000Z'), leg('b', 2, '2027-01-01T11:00:00.000Z', '2027-01-01T12:00:00.000Z')], [{ personId: 'p', hearingId: null, legs: [2] }]);
    const r2 = run('r2', [leg('c', 1, '2027-01-01T10:15:00.000Z', '2027-01-01T10:45:00.000Z')], [{ personId: 'p', hearingId: null, legs: [1] }]);
    expect(computeFlags([r1, r2])).toEqual([]); // p rides r1's second leg only
    const r3 = run('r3', [leg('d', 1, '2027-01-01T11:30:00.000Z', '2027-01-01T12:30:00.000Z')], [{ personId: 'p', hearingId: null, legs: [1] }]);
    expect(computeFlags([r1, r3])).toEqual([{ code: 'double_booked', runId: 'r1', personId: 'p' }, { code: 'double_booked', runId: 'r3', personId: 'p' }]);
  });

  it('flags arriving after the presentation, leaving after it, and people expected at a hearing on no run', () => {
    const h: FlagHearing = { id: 'h', status: 'scheduled', presentAt: '2027-01-01T12:00:00.000Z', people: [{ personId: 'p', attendance: 'expected' }, { personId: 'q', attendance: 'expected' }, { personId: 's', attendance: 'excused' }] };
    const late = run('r', [leg('a', 1, '2027-01-01T11:00:00.000Z', '2027-01-01T12:05:00.000Z')], [{ personId: 'p', hearingId: 'h', legs: [1] }]);
    expect(codes(computeFlags([late], [h]))).toEqual(['arrives_late']);
    const after = run('r', [leg('a', 1, '2027-01-01T12:00:00.000Z', '2027-01-01T12:30:00.000Z')], [{ personId: 'p', hearingId: 'h', legs: [1] }]);
    expect(codes(computeFlags([after], [h]))).toEqual(['arrives_late', 'departs_after_presentation']);
    const onTime = run('r', [leg('a', 1, '2027-01-01T11:00:00.000Z', '2027-01-01T12:00:00.000Z')], [{ personId: 'p', hearingId: 'h', legs: [1] }]);
    expect(computeFlags([onTime], [h])).toEqual([]);
    expect(computeFlags([onTime], [h], { hearingsWithoutRun: true })).toEqual([{ code: 'hearing_without_run', personId: 'q', hearingId: 'h' }]);
    expect(computeFlags([onTime], [{ ...h, status: 'cancelled' }], { hearingsWithoutRun: true })).toEqual([]);
  });
});
