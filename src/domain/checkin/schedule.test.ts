import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { deadlineAfter, deadlineAfterCheckIn, escalationAt, isMissed, isOver, type Schedule } from './schedule.js';

const T = (hm: string) => `2026-05-01T${hm}:00.000Z`;
const hourly: Schedule = { firstDueAt: T('10:00'), everyMinutes: 60, endsAt: T('14:00') };
const single: Schedule = { firstDueAt: T('10:00') };

describe('deadlines', () => {
  it('the first deadline, then every step, none after the end', () => {
    expect(deadlineAfter(hourly, T('09:00'))).toBe(T('10:00'));
    expect(deadlineAfter(hourly, T('10:00'))).toBe(T('11:00'));
    expect(deadlineAfter(hourly, T('10:59'))).toBe(T('11:00'));
    expect(deadlineAfter(hourly, T('13:30'))).toBe(T('14:00'));
    expect(deadlineAfter(hourly, T('14:00'))).toBeNull();
    expect(deadlineAfter({ ...hourly, endsAt: null }, T('23:10'))).toBe('2026-05-02T00:00:00.000Z');
  });

  it('a single deadline: itself until it passes, then none', () => {
    expect(deadlineAfter(single, T('09:59'))).toBe(T('10:00'));
    expect(deadlineAfter(single, T('10:00'))).toBeNull();
  });

  it('a check-in satisfies the running deadline, early or late', () => {
    // early: the 10:00 deadline is satisfied at 09:10, the next is 11:00
    expect(deadlineAfterCheckIn(hourly, T('10:00'), T('09:10'))).toBe(T('11:00'));
    // late (10:00 and 11:00 missed): the next is the first after now
    expect(deadlineAfterCheckIn(hourly, T('10:00'), T('11:20'))).toBe(T('12:00'));
    // the last one: the plan has no deadline left
    expect(deadlineAfterCheckIn(hourly, T('14:00'), T('13:55'))).toBeNull();
    // a single deadline, satisfied at any moment
    expect(deadlineAfterCheckIn(single, T('10:00'), T('08:00'))).toBeNull();
    expect(deadlineAfterCheckIn(single, T('10:00'), T('12:00'))).toBeNull();
  });

  it('missed once the deadline and its grace passed', () => {
    expect(escalationAt(T('10:00'), 30)).toBe(T('10:30'));
    expect(isMissed(T('10:00'), 30, T('10:29'))).toBe(false);
    expect(isMissed(T('10:00'), 30, T('10:30'))).toBe(true);
    expect(isMissed(T('10:00'), 0, T('10:00'))).toBe(true);
  });

  it('a plan is over with no deadline left, or past its end once its last deadline was escalated', () => {
    expect(isOver({ ...single, nextDueAt: null, escalatedDueAt: null }, T('09:00'))).toBe(true);
    expect(isOver({ ...hourly, nextDueAt: T('14:00'), escalatedDueAt: null }, T('14:10'))).toBe(false);
    expect(isOver({ ...hourly, nextDueAt: T('14:00'), escalatedDueAt: T('14:00') }, T('14:40'))).toBe(true);
    expect(isOver({ ...hourly, nextDueAt: T('13:00'), escalatedDueAt: T('13:00') }, T('13:40'))).toBe(false);
    expect(isOver({ ...single, nextDueAt: T('10:00'), escalatedDueAt: T('10:00') }, T('11:00'))).toBe(false);
  });
});

const BASE = Date.parse('2026-01-01T00:00:00.000Z');
const schedules = fc.record({
  first: fc.integer({ min: 0, max: 60 * 24 * 30 }),
  every: fc.option(fc.integer({ min: 15, max: 10_080 }), { nil: undefined }),
  endAfter: fc.option(fc.integer({ min: 1, max: 60 * 24 * 60 }), { nil: undefined }),
}).map(({ first, every, endAfter }): Schedule => ({
  firstDueAt: new Date(BASE + first * 60_000).toISOString(),
  ...(every ? { everyMinutes: every } : {}),
  ...(endAfter ? { endsAt: new Date(BASE + (first + endAfter) * 60_000).toISOString() } : {}),
}));
const moment = fc.integer({ min: -60 * 24, max: 60 * 24 * 120 }).map((m) => new Date(BASE + m * 60_000 + 7_000).toISOString());

describe('deadlines (properties)', () => {
  it('the next deadline is after t, on the schedule, not after the end, and no deadline lies between', () => {
    fc.assert(fc.property(schedules, moment, (s, t) => {
      const next = deadlineAfter(s, t);
      const first = Date.parse(s.firstDueAt);
      if (next === null) {
        // none left: a single deadline passed, or the one after t would be beyond the end
        if (!s.everyMinutes) expect(first).toBeLessThanOrEqual(Date.parse(t));
        else expect(s.endsAt).toBeDefined();
        return;
      }
      const n = Date.parse(next);
      expect(n).toBeGreaterThan(Date.parse(t));
      expect(n).toBeGreaterThanOrEqual(first);
      if (s.endsAt) expect(n).toBeLessThanOrEqual(Date.parse(s.endsAt));
      if (s.everyMinutes) {
        expect((n - first) % (s.everyMinutes * 60_000)).toBe(0);
        // the one before it is not after t (no deadline skipped)
        if (n > first) expect(n - s.everyMinutes * 60_000).toBeLessThanOrEqual(Date.parse(t));
      } else expect(n).toBe(first);
    }));
  });

  it('a check-in never brings the running deadline back nor keeps it, and the deadline after a later check-in is never earlier', () => {
    fc.assert(fc.property(schedules, moment, moment, (s, a, b) => {
      const current = deadlineAfter(s, new Date(Date.parse(s.firstDueAt) - 1).toISOString());
      const [t1, t2] = a <= b ? [a, b] : [b, a];
      const n1 = deadlineAfterCheckIn(s, current, t1);
      const n2 = deadlineAfterCheckIn(s, current, t2);
      if (n1 !== null) {
        expect(Date.parse(n1)).toBeGreaterThan(Date.parse(t1));
        if (current) expect(Date.parse(n1)).toBeGreaterThan(Date.parse(current));
      }
      if (n1 === null) expect(n2).toBeNull();
      else if (n2 !== null) expect(Date.parse(n2)).toBeGreaterThanOrEqual(Date.parse(n1));
    }));
  });

  it('missed exactly from deadline + grace on', () => {
    fc.assert(fc.property(moment, fc.integer({ min: 0, max: 1440 }), fc.integer({ min: -100_000, max: 100_000 }), (due, grace, offsetS) => {
      const now = new Date(Date.parse(escalationAt(due, grace)) + offsetS * 1000).toISOString();
      expect(isMissed(due, grace, now)).toBe(offsetS >= 0);
    }));
  });
});
