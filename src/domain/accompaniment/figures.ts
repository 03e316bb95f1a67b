/**
 * Accompaniment figures (issue 9 §6, ADR 0024): hearings attended and missed, their outcomes, and
 * the people accompanied per month and route. Counted per person summoned (a family's hearing counts
 * each member), from plain columns only. Inside the organisation the counts are exact, as the
 * dashboard's are; anything published (a report) goes through `publishFigures`, which applies the
 * open-data rule (ADR 0015): a count below k is blank, with complementary suppression within a group.
 */
import { suppressGroup, suppressOne, type PublishedCell } from '../publication/suppress.js';

export interface AttendanceFact { personId: string; hearingId: string; attendance: 'expected' | 'presented' | 'missed' | 'excused'; outcome: string | null; status: 'scheduled' | 'held' | 'cancelled' }
export interface RideFact { personId: string; day: string; from: string; to: string }

export interface AccompanimentFigures {
  attendance: { presented: number; missed: number; excused: number; expected: number };
  outcomes: { outcome: string; people: number }[];
  byMonthRoute: { month: string; from: string; to: string; people: number }[];
  /** distinct people on a run in the period */
  people: number;
}

export function countFigures(attendance: readonly AttendanceFact[], rides: readonly RideFact[]): AccompanimentFigures {
  const att = { presented: 0, missed: 0, excused: 0, expected: 0 };
  const outcomes = new Map<string, number>();
  for (const a of attendance) {
    if (a.status === 'cancelled') continue;
    att[a.attendance]++;
    if (a.outcome) outcomes.set(a.outcome, (outcomes.get(a.outcome) ?? 0) + 1);
  }
  const groups = new Map<string, { month: string; from: string; to: string; people: Set<string> }>();
  const everyone = new Set<string>();
  for (const r of rides) {
    const month = r.day.slice(0, 7);
    const key = `${month}|${r.from}|${r.to}`;
    const g = groups.get(key) ?? { month, from: r.from, to: r.to, people: new Set<string>() };
    g.people.add(r.personId);
    groups.set(key, g);
    everyone.add(r.personId);
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return {
    attendance: att,
    outcomes: [...outcomes].map(([outcome, people]) => ({ outcome, people })).sort((a, b) => b.people - a.people || cmp(a.outcome, b.outcome)),
    byMonthRoute: [...groups.values()].map((g) => ({ month: g.month, from: g.from, to: g.to, people: g.people.size })).sort((a, b) => cmp(a.month, b.month) || cmp(a.from, b.from) || cmp(a.to, b.to)),
    people: everyone.size,
  };
}

export interface PublishedFigures {
  k: number;
  attendance: PublishedCell[];
  outcomes: PublishedCell[];
  byMonthRoute: { month: string; from: string; to: string; people: number | null; suppressed: boolean }[];
  people: number | null;
}

/** The same figures for publication: below k blank, complementary suppression within attendance and outcomes. */
export function publishFigures(f: AccompanimentFigures, k: number): PublishedFigures {
  const attended = f.attendance.presented + f.attendance.missed + f.attendance.excused;
  const outcomesTotal = f.outcomes.reduce((s, o) => s + o.people, 0);
  return {
    k,
    attendance: suppressGroup([{ key: 'presented', count: f.attendance.presented }, { key: 'missed', count: f.attendance.missed }, { key: 'excused', count: f.attendance.excused }], attended, k),
    outcomes: suppressGroup(f.outcomes.map((o) => ({ key: o.outcome, count: o.people })), outcomesTotal, k),
    byMonthRoute: f.byMonthRoute.map((r) => ({ month: r.month, from: r.from, to: r.to, people: suppressOne(r.people, k), suppressed: r.people < k })),
    people: suppressOne(f.people, k),
  };
}
