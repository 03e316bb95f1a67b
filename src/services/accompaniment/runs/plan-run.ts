/**
 * A run's plan from what was typed (ADR 0024): places known, legs chained (each leaves from where
 * the previous one arrived, the last arrives where one presents oneself), the presentation and any
 * fixed departure resolved at their own place's zone (a skipped or doubled wall time refused with
 * the choices), the departures planned backwards in elapsed minutes, each leg's deadline for marks;
 * the driver or escort an active account, the partner another organisation of the workspace, the
 * coordinator someone of the organisation who reads runs, the passengers people of the caller's
 * organisation going to one of their own hearings. Every problem names its field; nothing is written here.
 */
import type { ServiceContext } from '../../context.js';
import type { FieldProblem } from '../../../domain/incident/check-codes.js';
import { can, isRole } from '../../../domain/user/roles.js';
import { placeOf } from '../../../domain/accompaniment/places.js';
import { addMinutes, localDay, toInstant, toLocal } from '../../../domain/accompaniment/time.js';
import { planLegs, type runInputSchema } from '../../../domain/accompaniment/run.js';
import type { z } from 'zod';
import type { LegWrite } from '../../../store/repositories/transport-repository.js';

export type ParsedRunInput = z.output<typeof runInputSchema>;

/** A leg as planned: what is written for it, before it has an id (its meeting point as typed, if any). */
export type PlannedLeg = Omit<LegWrite, 'id' | 'meetingPoint'> & { meetingPoint: string | undefined };

export interface PlannedRun {
  day: string;
  arriveAt: string;
  arrivePlace: string;
  arriveZone: string;
  marginMinutes: number;
  coordinatorId: string;
  label: string | null;
  legs: PlannedLeg[];
  passengers: { personId: string; hearingId: string | null; legs: number[] }[];
}

export interface PreviewLeg { ordinal: number; from: string; to: string; departAt: string; arriveAt: string; departLocal: string; arriveLocal: string; fromZone: string; toZone: string }

function timeProblem(path: string, r: Exclude<ReturnType<typeof toInstant>, { ok: true }>): FieldProblem {
  switch (r.code) {
    case 'nonexistent_local_time': return { path, code: r.code, message: 'the clocks skip this time that day at this place' };
    case 'ambiguous_local_time': return { path, code: r.code, message: 'the clocks pass this time twice that day at this place: say which (earlier or later)', params: { earlier: r.earlier, later: r.later } };
    default: return { path, code: r.code, message: 'must be a date and time (YYYY-MM-DDTHH:mm)' };
  }
}

/** The times alone (places, chaining, wall times): for the preview and as the first step of a save. */
export function planTimes(input: ParsedRunInput): { legs: PlannedLeg[]; day: string; arriveAt: string; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const arrivePlace = placeOf(input.arriveBy.place);
  if (!arrivePlace) problems.push({ path: 'arriveBy.place', code: 'unknown_place', message: 'no such place' });
  input.legs.forEach((l, i) => {
    if (!placeOf(l.from)) problems.push({ path: `legs.${i}.from`, code: 'unknown_place', message: 'no such place' });
    if (!placeOf(l.to)) problems.push({ path: `legs.${i}.to`, code: 'unknown_place', message: 'no such place' });
    if (i > 0 && l.from !== input.legs[i - 1]!.to) problems.push({ path: `legs.${i}.from`, code: 'legs_not_chained', message: 'must leave from where the previous leg arrives' });
  });
  const last = input.legs[input.legs.length - 1];
  if (arrivePlace && last && last.to !== input.arriveBy.place) problems.push({ path: 'arriveBy.place', code: 'not_last_stop', message: 'must be where the last leg arrives' });
  let arriveAt: string | undefined;
  if (arrivePlace) {
    const r = toInstant(input.arriveBy.local, arrivePlace.zone, input.arriveBy.fold);
    if (r.ok) arriveAt = r.instant;
    else problems.push(timeProblem('arriveBy.local', r));
  }
  const fixed: (string | undefined)[] = input.legs.map((l, i) => {
    const from = placeOf(l.from);
    if (!l.departLocal || !from) return undefined;
    const r = toInstant(l.departLocal, from.zone, l.departFold);
    if (r.ok) return r.instant;
    problems.push(timeProblem(`legs.${i}.departLocal`, r));
    return undefined;
  });
  if (problems.length || !arriveAt || !arrivePlace) return { legs: [], day: '', arriveAt: '', problems };
  const times = planLegs(arriveAt, input.marginMinutes, input.legs.map((l, i) => ({ durationMinutes: l.durationMinutes, transferMinutes: l.transferMinutes, departAt: fixed[i] })));
  const legs = input.legs.map((l, i): PlannedLeg => ({
    ordinal: i + 1, from: l.from, fromZone: placeOf(l.from)!.zone, to: l.to, toZone: placeOf(l.to)!.zone, mode: l.mode,
    departAt: times[i]!.departAt, fixedDepart: fixed[i] !== undefined, arriveAt: times[i]!.arriveAt, markBy: addMinutes(times[i]!.arriveAt, l.markGraceMinutes),
    seats: l.seats ?? null, escortId: l.escortId ?? null, handoffOrgId: l.handoffOrgId ?? null, meetingPoint: l.meetingPoint,
  }));
  return { legs, day: localDay(arriveAt, arrivePlace.zone), arriveAt, problems };
}

export const previewLegs = (legs: PlannedLeg[]): PreviewLeg[] =>
  legs.map((l) => ({ ordinal: l.ordinal, from: l.from, to: l.to, departAt: l.departAt, arriveAt: l.arriveAt, departLocal: toLocal(l.departAt, l.fromZone), arriveLocal: toLocal(l.arriveAt, l.toZone), fromZone: l.fromZone, toZone: l.toZone }));

/** The whole plan with the checks that read the store (accounts, organisations, people, hearings). */
export async function planRun(ctx: ServiceContext, input: ParsedRunInput): Promise<{ plan: PlannedRun | undefined; legs: PreviewLeg[]; problems: FieldProblem[] }> {
  const store = ctx.store;
  const t = planTimes(input);
  const problems = [...t.problems];

  const accounts = new Map<string, Awaited<ReturnType<typeof store.users.byId>>>();
  const account = async (id: string) => {
    if (!accounts.has(id)) accounts.set(id, await store.users.byId(id));
    return accounts.get(id);
  };
  const orgs = new Set((await store.users.organisations()).map((o) => o.id));
  for (const [i, l] of input.legs.entries()) {
    if (l.escortId) {
      const u = await account(l.escortId);
      if (!u || u.disabled !== 0) problems.push({ path: `legs.${i}.escortId`, code: 'no_such_account', message: 'must be an active account' });
    }
    if (l.handoffOrgId) {
      if (!orgs.has(l.handoffOrgId)) problems.push({ path: `legs.${i}.handoffOrgId`, code: 'no_such_organisation', message: 'no such organisation' });
      else if (l.handoffOrgId === ctx.user.orgId) problems.push({ path: `legs.${i}.handoffOrgId`, code: 'own_organisation', message: 'must be another organisation than yours' });
    }
  }
  const coordinatorId = input.coordinatorId ?? ctx.user.id;
  const coord = await account(coordinatorId);
  if (!coord || coord.disabled !== 0 || coord.org_id !== ctx.user.orgId || !isRole(coord.role) || !can(coord.role, 'accompaniment.read')) {
    problems.push({ path: 'coordinatorId', code: 'not_allowed', message: 'must be an active account of your organisation that reads runs' });
  }

  const riders = await store.transport.riders(input.passengers.map((p) => p.personId));
  const hearings = await store.transport.hearings(input.passengers.flatMap((p) => (p.hearingId ? [p.hearingId] : [])));
  const seen = new Set<string>();
  const passengers: PlannedRun['passengers'] = [];
  for (const [i, p] of input.passengers.entries()) {
    const r = riders.get(p.personId);
    if (!r || r.orgId !== ctx.user.orgId) {
      problems.push({ path: `passengers.${i}.personId`, code: 'no_such_person', message: 'no such person' });
      continue;
    }
    if (seen.has(p.personId)) {
      problems.push({ path: `passengers.${i}.personId`, code: 'duplicate_person', message: 'is on this run already' });
      continue;
    }
    seen.add(p.personId);
    const legs = p.legs ? [...new Set(p.legs)].sort((a, b) => a - b) : input.legs.map((_l, j) => j + 1);
    if (legs.some((n) => n > input.legs.length)) problems.push({ path: `passengers.${i}.legs`, code: 'no_such_leg', message: 'names a leg the run does not have' });
    const h = p.hearingId ? hearings.get(p.hearingId) : undefined;
    if (p.hearingId && (!h || h.orgId !== ctx.user.orgId || !h.people.some((x) => x.id === p.personId))) {
      problems.push({ path: `passengers.${i}.hearingId`, code: 'not_summoned', message: 'must be a hearing this person is summoned to' });
    }
    passengers.push({ personId: p.personId, hearingId: p.hearingId ?? null, legs });
  }

  const legs = previewLegs(t.legs);
  if (problems.length) return { plan: undefined, legs, problems };
  return { plan: { day: t.day, arriveAt: t.arriveAt, arrivePlace: input.arriveBy.place, arriveZone: placeOf(input.arriveBy.place)!.zone, marginMinutes: input.marginMinutes, coordinatorId, label: input.label ? input.label : null, legs: t.legs, passengers }, legs, problems };
}
