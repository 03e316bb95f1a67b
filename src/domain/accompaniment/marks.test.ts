/** Marks: which settle a leg, when a leg is overdue, and the time a tap's mark takes (its own, within bounds). */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { markInputSchema, overdueLeg, tapTime, TAP_CLOCK_SLACK_MS, TAP_MAX_DELAY_MS } from './marks.js';

const NOW = '2027-03-14T11:00:00.000Z';
const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

describe('a leg past its deadline', () => {
  it('is overdue while someone is pending or only picked up, and not before the deadline', () => {
    expect(overdueLeg('2027-03-14T10:45:00.000Z', ['presented', 'picked_up'], NOW)).toBe(true);
    expect(overdueLeg('2027-03-14T10:45:00.000Z', ['presented', 'missed', 'returned', 'arrived'], NOW)).toBe(false);
    expect(overdueLeg('2027-03-14T11:00:00.001Z', ['pending'], NOW)).toBe(false);
  });
});

describe('the time a tap takes', () => {
  it('is the server\'s when the tap has none, and its own within twelve hours back and five minutes ahead', () => {
    expect(tapTime(undefined, NOW)).toEqual({ at: NOW });
    expect(tapTime('2027-03-14T03:55:00.000Z', NOW)).toEqual({ at: '2027-03-14T03:55:00.000Z' });
    expect(tapTime(iso(ms(NOW) - TAP_MAX_DELAY_MS), NOW)).toEqual({ at: iso(ms(NOW) - TAP_MAX_DELAY_MS) });
    expect(tapTime(iso(ms(NOW) + TAP_CLOCK_SLACK_MS), NOW)).toEqual({ at: iso(ms(NOW) + TAP_CLOCK_SLACK_MS) });
    expect(tapTime(iso(ms(NOW) - TAP_MAX_DELAY_MS - 1), NOW)).toEqual({ problem: expect.objectContaining({ path: 'at', code: 'tap_too_old' }) });
    expect(tapTime(iso(ms(NOW) + TAP_CLOCK_SLACK_MS + 1), NOW)).toEqual({ problem: expect.objectContaining({ path: 'at', code: 'tap_in_future' }) });
  });

  it('never gives a time outside the bounds (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -2 * TAP_MAX_DELAY_MS, max: 2 * TAP_MAX_DELAY_MS }), (offset) => {
      const r = tapTime(iso(ms(NOW) + offset), NOW);
      if ('at' in r) {
        expect(ms(r.at) - ms(NOW)).toBeLessThanOrEqual(TAP_CLOCK_SLACK_MS);
        expect(ms(NOW) - ms(r.at)).toBeLessThanOrEqual(TAP_MAX_DELAY_MS);
      } else {
        expect(offset > TAP_CLOCK_SLACK_MS || -offset > TAP_MAX_DELAY_MS).toBe(true);
      }
    }));
  });

  it('reads a tap\'s time with its offset as UTC, and refuses one without an offset', () => {
    const base = { legId: '0e6a3c55-6f4e-4a8e-9f0f-4d3b8a1d2c10', personId: '8c1f0c6e-2b7d-4b8a-9d5e-0a1b2c3d4e5f', mark: 'picked_up' };
    expect(markInputSchema.parse({ ...base, at: '2027-03-13T23:55:00-08:00' }).at).toBe('2027-03-14T07:55:00.000Z');
    expect(markInputSchema.safeParse({ ...base, at: '2027-03-13T23:55' }).success).toBe(false);
    expect(markInputSchema.parse(base).at).toBeUndefined();
  });
});
