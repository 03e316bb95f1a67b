/**
 * What a run looks like (docs/accompaniment.md, "Transport runs"): the organisation's RunView, the
 * TripView of a driver, escort or partner (legs and this run's passengers' pseudonyms, age groups,
 * needs, languages and where and when to present themselves — no identity, no court, kind or
 * outcome of a hearing, no label), and the short TripSummary of one's own trips. Every instant comes
 * with its wall time at its own place's zone.
 */
import type { Store } from '../../../store/store.js';
import type { HearingFacts, LegRow, MarkRow, PassengerRow, RiderFacts, RunRow } from '../../../store/repositories/transport-repository.js';
import { addMinutes, localDay, minutesBetween, toLocal } from '../../../domain/accompaniment/time.js';
import { computeFlags, type Flag, type FlagRun, type FlagHearing } from '../../../domain/accompaniment/flags.js';
import type { Mark } from '../../../domain/accompaniment/marks.js';
import type { RunStatus } from '../../../domain/accompaniment/run.js';
import { groupBy } from '../../../domain/group-by.js';

export interface HearingSummary {
  id: string; ref: string; court: string; courtZone: string; startsAt: string; startsLocal: string; kind: string;
  presentPlace: string | null; presentZone: string | null; presentAt: string | null; presentLocal: string | null;
  status: 'scheduled' | 'held' | 'cancelled'; outcome: string | null;
  people: { id: string; ref: string; pseudonym: string; attendance: string }[];
}

export interface LegPassenger { personId: string; ref: string; pseudonym: string; ageGroup: string; needs: string[]; languages: string[]; mark: Mark; markedAt: string | null }
export interface LegView {
  id: string; ordinal: number; from: string; fromZone: string; to: string; toZone: string; mode: string;
  departAt: string; arriveAt: string; departLocal: string; arriveLocal: string; markBy: string; seats: number | null;
  escort: { id: string; displayName: string } | null; handoffOrg: { id: string; name: string } | null; hasMeetingPoint: boolean;
  /** whether the reader may mark this leg's passengers (an addition to the contract, for the phone view) */
  mayMark: boolean;
  /** how the leg was planned, for changing it: a fixed departure's wall time (else null), minutes on the way, minutes
   *  waited before the next leg, minutes after arrival to mark everyone */
  fixedDepartLocal: string | null; durationMinutes: number; transferMinutes: number; markGraceMinutes: number;
  passengers: LegPassenger[];
}
export interface ArriveBy { place: string; zone: string; at: string; local: string }
export interface RunView {
  id: string; ref: string; day: string; label: string | null; status: RunStatus; coordinator: { id: string; displayName: string };
  arriveBy: ArriveBy; marginMinutes: number; legs: LegView[];
  passengers: { personId: string; ref: string; pseudonym: string; familyLabel: string | null; ageGroup: string; needs: string[]; languages: string[]; hearing: HearingSummary | null; legs: number[] }[];
  flags: Flag[]; version: number; createdAt: string; updatedAt: string;
}
export interface TripView {
  id: string; ref: string; day: string; status: RunStatus; access: 'escort' | 'partner'; arriveBy: ArriveBy; legs: LegView[];
  passengers: { personId: string; ref: string; pseudonym: string; ageGroup: string; needs: string[]; languages: string[]; presentPlace: string | null; presentAt: string | null; presentLocal: string | null }[];
}
export interface TripSummary { id: string; ref: string; day: string; status: RunStatus; access: 'escort' | 'partner'; firstDepartAt: string | null; firstDepartLocal: string | null; legs: number; passengers: number }

/** Everything the views of some runs need, read once. */
export interface RunBundle {
  runs: RunRow[];
  legs: Map<string, LegRow[]>;
  passengers: Map<string, PassengerRow[]>;
  marks: Map<string, MarkRow[]>;
  riders: Map<string, RiderFacts>;
  hearings: Map<string, HearingFacts>;
  users: Map<string, string>;
  orgs: Map<string, string>;
}


export async function loadRuns(store: Store, runs: RunRow[]): Promise<RunBundle> {
  const ids = runs.map((r) => r.id);
  const [legs, passengers] = await Promise.all([store.transport.legs(ids), store.transport.passengers(ids)]);
  const [marks, riders, hearings, users, orgs] = await Promise.all([
    store.transport.marks(legs.map((l) => l.id)),
    store.transport.riders(passengers.map((p) => p.personId)),
    store.transport.hearings(passengers.flatMap((p) => (p.hearingId ? [p.hearingId] : []))),
    store.transport.userNames([...runs.map((r) => r.coordinatorId), ...legs.flatMap((l) => (l.escortId ? [l.escortId] : []))]),
    store.transport.orgNames(legs.flatMap((l) => (l.handoffOrgId ? [l.handoffOrgId] : []))),
  ]);
  return { runs, legs: groupBy(legs, (l) => l.runId), passengers: groupBy(passengers, (p) => p.runId), marks: groupBy(marks, (m) => m.legId), riders, hearings, users, orgs };
}

export function hearingSummary(h: HearingFacts): HearingSummary {
  return {
    id: h.id, ref: h.ref, court: h.court, courtZone: h.zone, startsAt: h.startsAt, startsLocal: toLocal(h.startsAt, h.zone), kind: h.kind,
    presentPlace: h.presentPlace, presentZone: h.presentZone, presentAt: h.presentAt, presentLocal: h.presentAt && h.presentZone ? toLocal(h.presentAt, h.presentZone) : null,
    status: h.status, outcome: h.outcome, people: h.people.map((p) => ({ id: p.id, ref: p.ref, pseudonym: p.pseudonym, attendance: p.attendance })),
  };
}

/** When (and where) to present oneself for a hearing: the presentation, else the hearing's start. */
export const presentationOf = (h: HearingFacts) => ({ at: h.presentAt ?? h.startsAt, place: h.presentPlace ?? h.court, zone: h.presentZone ?? h.zone });

/** The place and time the run was planned to arrive by, as typed, and the margin kept before it. */
export function arriveByOf(run: RunRow): { arriveBy: ArriveBy; marginMinutes: number } {
  return { arriveBy: { place: run.arrivePlace, zone: run.arriveZone, at: run.arriveAt, local: toLocal(run.arriveAt, run.arriveZone) }, marginMinutes: run.marginMinutes };
}

function legView(b: RunBundle, runId: string, leg: LegRow, next: LegRow | undefined, mayMark: boolean): LegView {
  const order = new Map((b.passengers.get(runId) ?? []).map((p) => [p.personId, p.ordinal]));
  const marks = [...(b.marks.get(leg.id) ?? [])].sort((x, y) => (order.get(x.personId) ?? 0) - (order.get(y.personId) ?? 0));
  return {
    id: leg.id, ordinal: leg.ordinal, from: leg.from, fromZone: leg.fromZone, to: leg.to, toZone: leg.toZone, mode: leg.mode,
    departAt: leg.departAt, arriveAt: leg.arriveAt, departLocal: toLocal(leg.departAt, leg.fromZone), arriveLocal: toLocal(leg.arriveAt, leg.toZone), markBy: leg.markBy, seats: leg.seats,
    escort: leg.escortId ? { id: leg.escortId, displayName: b.users.get(leg.escortId) ?? '' } : null,
    handoffOrg: leg.handoffOrgId ? { id: leg.handoffOrgId, name: b.orgs.get(leg.handoffOrgId) ?? '' } : null,
    hasMeetingPoint: leg.hasMeetingPoint, mayMark,
    fixedDepartLocal: leg.fixedDepart ? toLocal(leg.departAt, leg.fromZone) : null, durationMinutes: minutesBetween(leg.departAt, leg.arriveAt),
    transferMinutes: next && !next.fixedDepart ? Math.max(0, minutesBetween(leg.arriveAt, next.departAt)) : 0, markGraceMinutes: minutesBetween(leg.arriveAt, leg.markBy),
    passengers: marks.flatMap((m) => {
      const r = b.riders.get(m.personId);
      return r ? [{ personId: r.id, ref: r.ref, pseudonym: r.pseudonym, ageGroup: r.ageGroup, needs: r.needs, languages: r.languages, mark: m.status, markedAt: m.at }] : [];
    }),
  };
}

function runHearings(b: RunBundle, runId: string): HearingFacts[] {
  return (b.passengers.get(runId) ?? []).flatMap((p) => {
    const h = p.hearingId ? b.hearings.get(p.hearingId) : undefined;
    return h ? [h] : [];
  });
}

/** The ordinals of the legs a passenger rides (their marks). */
function ridesOf(b: RunBundle, runId: string, personId: string): number[] {
  return (b.legs.get(runId) ?? []).filter((l) => (b.marks.get(l.id) ?? []).some((m) => m.personId === personId)).map((l) => l.ordinal);
}

/** The facts flags are computed from, for these runs. */
export function flagRuns(b: RunBundle): FlagRun[] {
  return b.runs.map((r) => ({
    id: r.id, status: r.status,
    legs: (b.legs.get(r.id) ?? []).map((l) => ({ id: l.id, ordinal: l.ordinal, departAt: l.departAt, arriveAt: l.arriveAt, seats: l.seats, escortId: l.escortId })),
    passengers: (b.passengers.get(r.id) ?? []).map((p) => ({ personId: p.personId, hearingId: p.hearingId, legs: ridesOf(b, r.id, p.personId) })),
  }));
}

export const flagHearing = (h: HearingFacts): FlagHearing => ({ id: h.id, status: h.status, presentAt: presentationOf(h).at, people: h.people.map((p) => ({ personId: p.id, attendance: p.attendance })) });

export function runView(b: RunBundle, run: RunRow, markable: Set<string>, flags: Flag[]): RunView {
  const legs = b.legs.get(run.id) ?? [];
  const { arriveBy, marginMinutes } = arriveByOf(run);
  return {
    id: run.id, ref: run.ref, day: run.day, label: run.label, status: run.status,
    coordinator: { id: run.coordinatorId, displayName: b.users.get(run.coordinatorId) ?? '' },
    arriveBy, marginMinutes,
    legs: legs.map((l, i) => legView(b, run.id, l, legs[i + 1], markable.has(l.id))),
    passengers: (b.passengers.get(run.id) ?? []).flatMap((p) => {
      const r = b.riders.get(p.personId);
      if (!r) return [];
      const h = p.hearingId ? b.hearings.get(p.hearingId) : undefined;
      return [{ personId: r.id, ref: r.ref, pseudonym: r.pseudonym, familyLabel: r.familyLabel, ageGroup: r.ageGroup, needs: r.needs, languages: r.languages, hearing: h ? hearingSummary(h) : null, legs: ridesOf(b, run.id, p.personId) }];
    }),
    flags, version: run.version, createdAt: run.createdAt, updatedAt: run.updatedAt,
  };
}

export function tripView(b: RunBundle, run: RunRow, access: 'escort' | 'partner', markable: Set<string>): TripView {
  const legs = b.legs.get(run.id) ?? [];
  const { arriveBy } = arriveByOf(run);
  return {
    id: run.id, ref: run.ref, day: run.day, status: run.status, access, arriveBy,
    legs: legs.map((l, i) => legView(b, run.id, l, legs[i + 1], markable.has(l.id))),
    passengers: (b.passengers.get(run.id) ?? []).flatMap((p) => {
      const r = b.riders.get(p.personId);
      if (!r) return [];
      const h = p.hearingId ? b.hearings.get(p.hearingId) : undefined;
      // only where and when to present oneself: never the court (a hearing without a presentation shows nothing)
      const at = h && h.presentAt && h.presentPlace && h.presentZone ? { place: h.presentPlace, at: h.presentAt, zone: h.presentZone } : undefined;
      return [{ personId: r.id, ref: r.ref, pseudonym: r.pseudonym, ageGroup: r.ageGroup, needs: r.needs, languages: r.languages, presentPlace: at?.place ?? null, presentAt: at?.at ?? null, presentLocal: at ? toLocal(at.at, at.zone) : null }];
    }),
  };
}

export function tripSummary(b: RunBundle, run: RunRow, access: 'escort' | 'partner'): TripSummary {
  const legs = b.legs.get(run.id) ?? [];
  const first = legs[0];
  return {
    id: run.id, ref: run.ref, day: run.day, status: run.status, access,
    firstDepartAt: first?.departAt ?? null, firstDepartLocal: first ? toLocal(first.departAt, first.fromZone) : null,
    legs: legs.length, passengers: (b.passengers.get(run.id) ?? []).length,
  };
}

/** The flags of one run, seen beside the organisation's other runs of the days around it. */
export async function flagsOfRun(store: Store, b: RunBundle, run: RunRow): Promise<Flag[]> {
  const near = await store.transport.runsOfOrg(run.orgId, localDay(addMinutes(`${run.day}T12:00:00.000Z`, -36 * 60), 'UTC'), localDay(addMinutes(`${run.day}T12:00:00.000Z`, 36 * 60), 'UTC'));
  const others = near.filter((r) => r.id !== run.id);
  const ob = others.length ? await loadRuns(store, others) : undefined;
  const all = [...flagRuns(b).filter((r) => r.id === run.id), ...(ob ? flagRuns(ob) : [])];
  const hearings = [...runHearings(b, run.id)].map(flagHearing);
  return computeFlags(all, hearings).filter((f) => f.runId === run.id);
}
