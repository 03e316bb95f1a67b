/**
 * Transport runs (ADR 0024): a run takes people to a hearing day in legs (Mexicali → Tijuana by bus,
 * shelter → port of entry by car). Departures are planned backwards from the time the people must
 * present themselves: the last leg arrives `marginMinutes` before it, each earlier leg arrives
 * `transferMinutes` before the next leaves. All arithmetic is on instants (elapsed minutes), so a
 * night when the clocks change, or a leg that crosses into another zone, comes out right; each time
 * is shown again at its own place's zone.
 */
import { z } from 'zod';
import { line, uuid } from '../text.js';
import { foldSchema, localTimeSchema } from './hearing.js';
import { addMinutes } from './time.js';

export const RUN_REF = 'RUN';
export const runRef = (n: number) => `${RUN_REF}-${String(n).padStart(4, '0')}`;
export const MODES = ['bus', 'car', 'van', 'walk', 'taxi', 'train', 'other'] as const;
export const RUN_STATUSES = ['planned', 'underway', 'ended', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const MAX_LEGS = 8;
export const MAX_PASSENGERS = 60;
/** how long after a leg's planned arrival its passengers must be marked (default) */
export const DEFAULT_MARK_GRACE_MINUTES = 20;

export const legInputSchema = z
  .object({
    from: z.string().max(60),
    to: z.string().max(60),
    mode: z.enum(MODES),
    durationMinutes: z.number().int().min(1).max(24 * 60),
    /** the wait at the end of this leg before the next one leaves */
    transferMinutes: z.number().int().min(0).max(12 * 60).default(0),
    /** a departure fixed by a timetable (the bus leaves at 23:30) instead of planned backwards */
    departLocal: localTimeSchema.optional(),
    departFold: foldSchema.optional(),
    /** the vehicle's seats for this run (a bus: the tickets bought) */
    seats: z.number().int().min(1).max(200).nullable().optional(),
    /** the volunteer who drives or escorts (an account) */
    escortId: uuid.nullable().optional(),
    /** the partner organisation that takes the passengers over for this leg */
    handoffOrgId: uuid.nullable().optional(),
    markGraceMinutes: z.number().int().min(5).max(6 * 60).default(DEFAULT_MARK_GRACE_MINUTES),
    /** sealed: a shelter's door, a corner, a bus bay */
    meetingPoint: line(300).optional(),
  })
  .strict();
export type LegInput = z.input<typeof legInputSchema>;

export const passengerInputSchema = z
  .object({
    personId: uuid,
    /** the hearing they go to (one of theirs) */
    hearingId: uuid.nullable().optional(),
    /** the legs (1-based) they ride; all when omitted */
    legs: z.array(z.number().int().min(1).max(MAX_LEGS)).min(1).max(MAX_LEGS).optional(),
  })
  .strict();

export const runInputSchema = z
  .object({
    label: line(120).optional(),
    coordinatorId: uuid.optional(),
    /** the place and wall time to arrive by (the presentation); planned backwards from it */
    arriveBy: z.object({ place: z.string().max(60), local: localTimeSchema, fold: foldSchema.optional() }).strict(),
    marginMinutes: z.number().int().min(0).max(6 * 60).default(30),
    legs: z.array(legInputSchema).min(1, { message: 'a run has at least one leg' }).max(MAX_LEGS),
    passengers: z.array(passengerInputSchema).max(MAX_PASSENGERS).default([]),
  })
  .strict();
export type RunInput = z.input<typeof runInputSchema>;

export interface PlannedTimes {
  departAt: string;
  arriveAt: string;
}

/**
 * Departure and arrival of each leg: backwards from `arriveBy − margin`, except a leg with a fixed
 * departure (the plan then runs forwards from it to the next fixed one or the end).
 */
export function planLegs(arriveBy: string, marginMinutes: number, legs: { durationMinutes: number; transferMinutes: number; departAt?: string | undefined }[]): PlannedTimes[] {
  const out: PlannedTimes[] = new Array(legs.length);
  let nextDepart = addMinutes(arriveBy, -marginMinutes);
  for (let i = legs.length - 1; i >= 0; i--) {
    const leg = legs[i]!;
    // the last leg's own wait is the margin
    const arriveAt = i === legs.length - 1 ? nextDepart : addMinutes(nextDepart, -leg.transferMinutes);
    const departAt = addMinutes(arriveAt, -leg.durationMinutes);
    out[i] = { departAt, arriveAt };
    nextDepart = departAt;
  }
  // fixed departures win: each one and the legs after it run forwards from it
  for (let i = 0; i < legs.length; i++) {
    const fixed = legs[i]!.departAt;
    if (!fixed) continue;
    let depart = fixed;
    for (let j = i; j < legs.length && (j === i || !legs[j]!.departAt); j++) {
      const arriveAt = addMinutes(depart, legs[j]!.durationMinutes);
      out[j] = { departAt: depart, arriveAt };
      depart = addMinutes(arriveAt, legs[j]!.transferMinutes);
    }
  }
  return out;
}

/** A change of a run: the whole plan again and the version seen. */
export const runUpdateSchema = runInputSchema.extend({ version: z.number().int().min(1).max(2 ** 31) }).strict();
export type RunUpdateInput = z.input<typeof runUpdateSchema>;

/** planned → underway → ended; cancelled from planned or underway; ended and cancelled are final. */
export const runStatusSchema = z.object({ version: z.number().int().min(1).max(2 ** 31), status: z.enum(RUN_STATUSES) }).strict();
export type RunStatusInput = z.input<typeof runStatusSchema>;

/** Whether a run may go from one status to another. */
export function statusChangeAllowed(from: RunStatus, to: RunStatus): boolean {
  if (from === 'ended' || from === 'cancelled') return false;
  if (to === 'cancelled' || to === 'ended') return true;
  return from === 'planned' && to === 'underway';
}

/** A run is live (its drivers, escorts and partners reach it) while planned or underway. */
export const isLive = (s: RunStatus) => s === 'planned' || s === 'underway';

/** after its last leg's arrival, a run nobody ended ends by itself (and its hand-offs with it) */
export const AUTO_END_HOURS = 12;

/** The day and week view: at most 31 days. */
export const MAX_PLAN_DAYS = 31;
export const planQuerySchema = z.object({ from: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }), to: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }) }).strict();
export type PlanQuery = z.input<typeof planQuerySchema>;

/** The audited look at the meeting points (nothing to send). */
export const meetingPointsSchema = z.object({}).strict().optional();
