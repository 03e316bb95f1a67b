/**
 * The day and week view (ADR 0024): per local day, the organisation's hearings (the day the people
 * present themselves, at that place's zone), its runs, how many seats are needed (everyone expected
 * at a hearing that day, a child as much as an adult) and planned, and what to look at — over
 * capacity, legs without seats, a driver on two legs at once, someone on two runs at once, arriving
 * late or leaving after the presentation, and people expected at a hearing on no run.
 */
import type { ServiceContext } from '../../context.js';
import { parseInput } from '../../validate.js';
import { invalid } from '../../errors.js';
import { MAX_PLAN_DAYS, planQuerySchema, type PlanQuery, type RunStatus } from '../../../domain/accompaniment/run.js';
import { computeFlags, type Flag } from '../../../domain/accompaniment/flags.js';
import { localDay, toLocal } from '../../../domain/accompaniment/time.js';
import { requireAccompaniment } from '../org-scope.js';
import { flagHearing, flagRuns, hearingSummary, loadRuns, presentationOf, type HearingSummary, type RunBundle } from '../runs/run-views.js';

export interface PlanRunSummary { id: string; ref: string; status: RunStatus; firstDepartAt: string | null; firstDepartLocal: string | null; seatsNeeded: number; seatsPlanned: number; legs: number }
export interface PlanDay { day: string; hearings: HearingSummary[]; runs: PlanRunSummary[]; peopleWithHearings: number; peopleOnRuns: number; seatsNeeded: number; flags: Flag[] }
export interface PlanView { from: string; to: string; days: PlanDay[]; flags: Flag[] }

const DAY_MS = 86_400_000;
const dayPlus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
const flagKey = (f: Flag) => [f.code, f.runId, f.legId, f.personId, f.hearingId].join('|');

export async function planView(ctx: ServiceContext, raw: PlanQuery): Promise<PlanView> {
  requireAccompaniment(ctx, false);
  const q = parseInput(planQuerySchema, raw);
  const span = Math.round((Date.parse(q.to) - Date.parse(q.from)) / DAY_MS) + 1;
  if (span < 1) throw invalid([{ path: 'to', code: 'before_from', message: 'must not be before from' }]);
  if (span > MAX_PLAN_DAYS) throw invalid([{ path: 'to', code: 'range_too_long', message: `at most ${MAX_PLAN_DAYS} days` }]);
  const store = ctx.store;
  const org = ctx.user.orgId;
  const runs = await store.transport.runsOfOrg(org, q.from, q.to);
  const b: RunBundle = await loadRuns(store, runs);
  // hearings starting from two days before to two days after: a presentation's day at its zone decides
  const hearingIds = await store.transport.hearingIdsOfOrg(org, `${dayPlus(q.from, -2)}T00:00:00.000Z`, `${dayPlus(q.to, 3)}T00:00:00.000Z`);
  const hearings = [...(await store.transport.hearings(hearingIds)).values()];
  // each hearing's day once (Luxon's zone arithmetic is the costly part of the view)
  const hearingDay = new Map(hearings.map((h) => {
    const p = presentationOf(h);
    return [h.id, localDay(p.at, p.zone)];
  }));
  const facts = flagRuns(b);
  const across = computeFlags(facts); // overlaps between runs of different days (a night bus)
  const all = new Map<string, Flag>();
  const days: PlanDay[] = [];
  for (let i = 0; i < span; i++) {
    const day = dayPlus(q.from, i);
    const dayRuns = runs.filter((r) => r.day === day);
    const ids = new Set(dayRuns.map((r) => r.id));
    const dayHearings = hearings.filter((h) => hearingDay.get(h.id) === day).sort((a, b2) => a.startsAt.localeCompare(b2.startsAt) || a.id.localeCompare(b2.id));
    const live = dayRuns.filter((r) => r.status !== 'cancelled');
    const flags = new Map<string, Flag>();
    for (const f of computeFlags(facts.filter((r) => ids.has(r.id)), dayHearings.map(flagHearing), { hearingsWithoutRun: true })) flags.set(flagKey(f), f);
    for (const f of across) if (f.runId && ids.has(f.runId)) flags.set(flagKey(f), f);
    for (const [k, f] of flags) all.set(k, f);
    const expected = new Set(dayHearings.filter((h) => h.status === 'scheduled').flatMap((h) => h.people.filter((p) => p.attendance === 'expected').map((p) => p.id)));
    days.push({
      day,
      hearings: dayHearings.map(hearingSummary),
      runs: dayRuns.map((r) => {
        const legs = b.legs.get(r.id) ?? [];
        const seats = legs.flatMap((l) => (l.seats === null ? [] : [l.seats]));
        const first = legs[0];
        return {
          id: r.id, ref: r.ref, status: r.status, firstDepartAt: first?.departAt ?? null, firstDepartLocal: first ? toLocal(first.departAt, first.fromZone) : null,
          seatsNeeded: (b.passengers.get(r.id) ?? []).length, seatsPlanned: seats.length ? Math.min(...seats) : 0, legs: legs.length,
        };
      }),
      peopleWithHearings: new Set(dayHearings.filter((h) => h.status !== 'cancelled').flatMap((h) => h.people.map((p) => p.id))).size,
      peopleOnRuns: new Set(live.flatMap((r) => (b.passengers.get(r.id) ?? []).map((p) => p.personId))).size,
      seatsNeeded: expected.size,
      flags: [...flags.values()],
    });
  }
  return { from: q.from, to: q.to, days, flags: [...all.values()] };
}
