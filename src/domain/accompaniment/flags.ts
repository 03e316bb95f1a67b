/**
 * What the day and week views warn about (ADR 0024), computed from plain facts only (ids, instants,
 * seats, who rides which leg): a leg with more passengers than seats or no seats set, a driver or
 * escort on two legs at once, a person on two runs at once, a passenger arriving after the time to
 * present themselves or leaving after it, and someone expected at a hearing that day on no run.
 * Cancelled runs count for nothing. Pure: the services gather the facts, this decides.
 */
export const FLAG_CODES = ['over_capacity', 'escort_overlap', 'double_booked', 'arrives_late', 'hearing_without_run', 'departs_after_presentation', 'no_seats'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface Flag {
  code: FlagCode;
  runId?: string;
  legId?: string;
  personId?: string;
  hearingId?: string;
}

export interface FlagLeg {
  id: string;
  ordinal: number;
  departAt: string;
  arriveAt: string;
  seats: number | null;
  escortId: string | null;
}

export interface FlagRun {
  id: string;
  status: 'planned' | 'underway' | 'ended' | 'cancelled';
  legs: FlagLeg[];
  /** who rides, the hearing they go to, and the ordinals of the legs they ride */
  passengers: { personId: string; hearingId: string | null; legs: number[] }[];
}

export interface FlagHearing {
  id: string;
  status: 'scheduled' | 'held' | 'cancelled';
  /** when to present oneself (or, without it, when the hearing starts) */
  presentAt: string;
  people: { personId: string; attendance: 'expected' | 'presented' | 'missed' | 'excused' }[];
}

const ms = (iso: string) => Date.parse(iso);
/** half-open intervals [a0, a1) and [b0, b1) share some time */
export const overlaps = (a0: string, a1: string, b0: string, b1: string) => ms(a0) < ms(b1) && ms(b0) < ms(a1);

const keyOf = (f: Flag) => [f.code, f.runId ?? '', f.legId ?? '', f.personId ?? '', f.hearingId ?? ''].join('|');

function ridden(run: FlagRun, legs: number[]): FlagLeg[] {
  return run.legs.filter((l) => legs.includes(l.ordinal)).sort((a, b) => a.ordinal - b.ordinal);
}

/** The flags of these runs and hearings (each once, in a stable order). */
export function computeFlags(runs: readonly FlagRun[], hearings: readonly FlagHearing[] = [], opts: { hearingsWithoutRun?: boolean } = {}): Flag[] {
  const out = new Map<string, Flag>();
  const add = (f: Flag) => out.set(keyOf(f), f);
  const live = runs.filter((r) => r.status !== 'cancelled');
  const hearingById = new Map(hearings.map((h) => [h.id, h]));

  for (const run of live) {
    for (const leg of run.legs) {
      const riding = run.passengers.filter((p) => p.legs.includes(leg.ordinal)).length;
      if (leg.seats === null) add({ code: 'no_seats', runId: run.id, legId: leg.id });
      else if (riding > leg.seats) add({ code: 'over_capacity', runId: run.id, legId: leg.id });
    }
    for (const p of run.passengers) {
      const h = p.hearingId ? hearingById.get(p.hearingId) : undefined;
      const legs = ridden(run, p.legs);
      if (!h || h.status === 'cancelled' || !legs.length) continue;
      if (ms(legs[legs.length - 1]!.arriveAt) > ms(h.presentAt)) add({ code: 'arrives_late', runId: run.id, personId: p.personId, hearingId: h.id });
      if (ms(legs[0]!.departAt) >= ms(h.presentAt)) add({ code: 'departs_after_presentation', runId: run.id, personId: p.personId, hearingId: h.id });
    }
  }

  // the same driver or escort on two legs at once (legs of one run follow each other, so they never overlap)
  const escortLegs = live.flatMap((r) => r.legs.filter((l) => l.escortId).map((l) => ({ run: r.id, leg: l })));
  for (let i = 0; i < escortLegs.length; i++) {
    for (let j = i + 1; j < escortLegs.length; j++) {
      const a = escortLegs[i]!;
      const b = escortLegs[j]!;
      if (a.leg.escortId !== b.leg.escortId || a.leg.id === b.leg.id) continue;
      if (!overlaps(a.leg.departAt, a.leg.arriveAt, b.leg.departAt, b.leg.arriveAt)) continue;
      add({ code: 'escort_overlap', runId: a.run, legId: a.leg.id });
      add({ code: 'escort_overlap', runId: b.run, legId: b.leg.id });
    }
  }

  // a person on two runs whose legs they ride overlap
  const rides = live.flatMap((r) => r.passengers.map((p) => ({ run: r.id, person: p.personId, legs: ridden(r, p.legs) })));
  for (let i = 0; i < rides.length; i++) {
    for (let j = i + 1; j < rides.length; j++) {
      const a = rides[i]!;
      const b = rides[j]!;
      if (a.person !== b.person || a.run === b.run) continue;
      if (!a.legs.some((x) => b.legs.some((y) => overlaps(x.departAt, x.arriveAt, y.departAt, y.arriveAt)))) continue;
      add({ code: 'double_booked', runId: a.run, personId: a.person });
      add({ code: 'double_booked', runId: b.run, personId: b.person });
    }
  }

  if (opts.hearingsWithoutRun) {
    const onRuns = new Set(live.flatMap((r) => r.passengers.map((p) => p.personId)));
    for (const h of hearings) {
      if (h.status !== 'scheduled') continue;
      for (const p of h.people) if (p.attendance === 'expected' && !onRuns.has(p.personId)) add({ code: 'hearing_without_run', personId: p.personId, hearingId: h.id });
    }
  }
  return [...out.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}
