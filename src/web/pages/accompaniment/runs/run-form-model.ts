/**
 * The run form's model: what the form holds, built from a saved run (as it was planned: fixed
 * departures, durations, waits and grace come back from the server) and turned into the contract's
 * RunInput. Pure, so it is tested without a browser.
 */
import type { HearingSummary, Mode, Need, RunInput, RunView } from './api';

export const MAX_LEGS = 8;
export const MODES: Mode[] = ['bus', 'car', 'van', 'walk', 'taxi', 'train', 'other'];
export type Fold = '' | 'earlier' | 'later';

export interface FLeg {
  key: number;
  from: string;
  to: string;
  mode: Mode;
  duration: string;
  transfer: string;
  departLocal: string;
  departFold: Fold;
  seats: string;
  escortId: string;
  handoffOrgId: string;
  grace: string;
  meetingPoint: string;
  hadMeetingPoint: boolean;
}
export interface FPassenger {
  personId: string;
  ref: string;
  pseudonym: string;
  needs: Need[];
  hearingId: string;
  allLegs: boolean;
  /** the legs ridden, by their form key (stable when legs move) */
  legKeys: number[];
  hearings: HearingSummary[] | null;
}
export interface FRun {
  label: string;
  place: string;
  local: string;
  fold: Fold;
  margin: string;
  legs: FLeg[];
  passengers: FPassenger[];
}

let nextKey = 1;
export const newLeg = (from = '', to = ''): FLeg => ({
  key: nextKey++, from, to, mode: 'car', duration: '', transfer: '0', departLocal: '', departFold: '', seats: '', escortId: '', handoffOrgId: '', grace: '20', meetingPoint: '', hadMeetingPoint: false,
});
export const empty = (): FRun => ({ label: '', place: '', local: '', fold: '', margin: '30', legs: [newLeg()], passengers: [] });

export const minutes = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 60_000);
/** a whole number typed, NaN when something else was (the server names the field), undefined when empty */
export const num = (s: string): number | undefined => (s.trim() === '' ? undefined : /^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

/** The form built from a saved run (only the organisation's view has what the form needs). */
export function fromView(v: RunView): FRun {
  const legs = v.legs.map((l, i): FLeg => {
    const next = v.legs[i + 1];
    return {
      key: nextKey++,
      from: l.from,
      to: l.to,
      mode: l.mode,
      duration: String(l.durationMinutes ?? minutes(l.departAt, l.arriveAt)),
      transfer: String(l.transferMinutes ?? (next ? Math.max(0, minutes(l.arriveAt, next.departAt)) : 0)),
      departLocal: l.fixedDepartLocal ?? '',
      departFold: '',
      seats: l.seats === null ? '' : String(l.seats),
      escortId: l.escort?.id ?? '',
      handoffOrgId: l.handoffOrg?.id ?? '',
      grace: String(l.markGraceMinutes ?? minutes(l.arriveAt, l.markBy)),
      meetingPoint: '',
      hadMeetingPoint: l.hasMeetingPoint,
    };
  });
  return {
    label: v.label ?? '',
    place: v.arriveBy.place,
    local: v.arriveBy.local,
    fold: '',
    margin: String(v.marginMinutes),
    legs,
    passengers: v.passengers.map((p) => ({
      personId: p.personId,
      ref: p.ref,
      pseudonym: p.pseudonym,
      needs: p.needs,
      hearingId: p.hearing?.id ?? '',
      allLegs: p.legs.length >= legs.length,
      legKeys: p.legs.map((n) => legs[n - 1]?.key).filter((k): k is number => k !== undefined),
      hearings: p.hearing ? [p.hearing] : [],
    })),
  };
}

/** What is sent: the contract's RunInput (numbers typed wrong go as null, for the server to name the field). */
export function toInput(f: FRun): RunInput {
  const legs = f.legs.map((l) => {
    const leg: Record<string, unknown> = { from: l.from, to: l.to, mode: l.mode, durationMinutes: num(l.duration) ?? Number.NaN, transferMinutes: num(l.transfer) ?? 0, markGraceMinutes: num(l.grace) ?? 20 };
    if (l.departLocal) leg['departLocal'] = l.departLocal;
    if (l.departLocal && l.departFold) leg['departFold'] = l.departFold;
    leg['seats'] = num(l.seats) ?? null;
    leg['escortId'] = l.escortId || null;
    leg['handoffOrgId'] = l.handoffOrgId || null;
    // an edited run keeps its sealed meeting point unless a new one is typed
    if (l.meetingPoint.trim()) leg['meetingPoint'] = l.meetingPoint;
    return leg;
  });
  return {
    ...(f.label.trim() ? { label: f.label } : {}),
    arriveBy: { place: f.place, local: f.local, ...(f.fold ? { fold: f.fold } : {}) },
    marginMinutes: num(f.margin) ?? 30,
    legs,
    passengers: f.passengers.map((p) => ({
      personId: p.personId,
      hearingId: p.hearingId || null,
      ...(p.allLegs ? {} : { legs: f.legs.map((l, i) => (p.legKeys.includes(l.key) ? i + 1 : 0)).filter((n) => n > 0) }),
    })),
  } as unknown as RunInput;
}

/** Enough typed to ask for a preview. */
export function previewable(f: FRun): boolean {
  return !!f.place && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(f.local) && f.legs.every((l) => l.from && l.to && (num(l.duration) ?? 0) > 0);
}
