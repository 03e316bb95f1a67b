/** Accompaniment figures: counted per person summoned, cancelled hearings left out, people per month and route distinct; published below k blank (with the complementary cell). */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { countFigures, publishFigures, type AttendanceFact, type RideFact } from './figures.js';

const a = (personId: string, hearingId: string, attendance: AttendanceFact['attendance'], outcome: string | null = null, status: AttendanceFact['status'] = 'held'): AttendanceFact => ({ personId, hearingId, attendance, outcome, status });
const ride = (personId: string, day: string, from = 'mx-mexicali', to = 'poe-san-ysidro'): RideFact => ({ personId, day, from, to });

describe('accompaniment figures', () => {
  it('counts attendance and outcomes per person summoned, leaving cancelled hearings out', () => {
    const f = countFigures([
      a('p1', 'h1', 'presented', 'continued'), a('p2', 'h1', 'presented', 'continued'), a('p3', 'h2', 'missed', 'removal_in_absentia'),
      a('p4', 'h3', 'expected', null, 'scheduled'), a('p5', 'h4', 'missed', null, 'cancelled'),
    ], []);
    expect(f.attendance).toEqual({ presented: 2, missed: 1, excused: 0, expected: 1 });
    expect(f.outcomes).toEqual([{ outcome: 'continued', people: 2 }, { outcome: 'removal_in_absentia', people: 1 }]);
  });

  it('counts each person once per month and route', () => {
    const f = countFigures([], [ride('p1', '2027-03-14'), ride('p1', '2027-03-20'), ride('p2', '2027-03-14'), ride('p1', '2027-04-02'), ride('p3', '2027-03-14', 'mx-tijuana')]);
    expect(f.byMonthRoute).toEqual([
      { month: '2027-03', from: 'mx-mexicali', to: 'poe-san-ysidro', people: 2 },
      { month: '2027-03', from: 'mx-tijuana', to: 'poe-san-ysidro', people: 1 },
      { month: '2027-04', from: 'mx-mexicali', to: 'poe-san-ysidro', people: 1 },
    ]);
    expect(f.people).toBe(3);
  });

  it('publishes counts below k as blanks, and one more so the blank cannot be worked out', () => {
    const f = countFigures([...Array.from({ length: 9 }, (_, i) => a(`p${i}`, 'h', 'presented')), a('x', 'h2', 'missed'), ...Array.from({ length: 6 }, (_, i) => a(`e${i}`, 'h3', 'excused'))], [ride('p1', '2027-03-01')]);
    const p = publishFigures(f, 5);
    expect(p.attendance).toEqual([
      { key: 'presented', count: 9, suppressed: false },
      { key: 'missed', count: null, suppressed: true },
      { key: 'excused', count: null, suppressed: true },
    ]);
    expect(p.byMonthRoute[0]).toMatchObject({ people: null, suppressed: true });
    expect(p.people).toBeNull();
  });

  it('never publishes a count below k (property)', () => {
    const att = fc.record({ personId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), hearingId: fc.constantFrom('h1', 'h2'), attendance: fc.constantFrom('expected', 'presented', 'missed', 'excused'), outcome: fc.constantFrom(null, 'continued', 'removal_ordered'), status: fc.constantFrom('scheduled', 'held', 'cancelled') }) as fc.Arbitrary<AttendanceFact>;
    const rd = fc.record({ personId: fc.constantFrom('a', 'b', 'c', 'd'), day: fc.constantFrom('2027-01-05', '2027-02-05'), from: fc.constantFrom('mx-mexicali', 'mx-tijuana'), to: fc.constant('poe-san-ysidro') });
    fc.assert(fc.property(fc.array(att, { maxLength: 60 }), fc.array(rd, { maxLength: 30 }), fc.integer({ min: 3, max: 10 }), (as, rs, k) => {
      const p = publishFigures(countFigures(as, rs), k);
      const nums = [...p.attendance.map((c) => c.count), ...p.outcomes.map((c) => c.count), ...p.byMonthRoute.map((r) => r.people), p.people];
      return nums.every((n) => n === null || n >= k);
    }));
  });
});
