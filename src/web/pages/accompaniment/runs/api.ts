/**
 * Typed calls for transport runs, the plan and the day's marks (docs/accompaniment.md, "Transport
 * runs"). The shapes are the contract's; codes come type-only from src/domain/accompaniment (erased
 * from the bundle). Places are fetched once per session and kept in memory (wiped with the state).
 */
import { api } from '../../../api';
import { onReset } from '../../../state';
import type { Mark } from '../../../../domain/accompaniment/marks';
import type { RunInput, RunStatus } from '../../../../domain/accompaniment/run';
import type { Need } from '../../../../domain/accompaniment/person';
import type { AccompanimentPlace } from '../../../../domain/accompaniment/places';
import type { Problem } from '../../../api';
import type { HearingSummary, PersonSummary, PersonView } from '../people/api';

export type { Mark, RunInput, RunStatus, Need };
export type Place = AccompanimentPlace;
export type AgeGroup = 'child' | 'adult' | 'unknown';
export type Mode = 'bus' | 'car' | 'van' | 'walk' | 'taxi' | 'train' | 'other';
export type Access = 'escort' | 'partner';

const BASE = '/api/v1/accompaniment';

/** the people pages' shapes (docs/accompaniment.md) */
export type { HearingSummary, PersonSummary, PersonView };

export interface LegPassenger {
  personId: string;
  ref: string;
  pseudonym: string;
  ageGroup: AgeGroup;
  needs: Need[];
  languages: string[];
  mark: Mark;
  markedAt: string | null;
}

export interface LegView {
  id: string;
  ordinal: number;
  from: string;
  fromZone: string;
  to: string;
  toZone: string;
  mode: Mode;
  departAt: string;
  arriveAt: string;
  departLocal: string;
  arriveLocal: string;
  markBy: string;
  seats: number | null;
  escort: { id: string; displayName: string } | null;
  handoffOrg: { id: string; name: string } | null;
  hasMeetingPoint: boolean;
  /**
   * Not in the contract yet: the fixed departure typed for this leg (a timetable), so that the
   * edit form keeps it. Without it the edit form plans every leg backwards again.
   */
  fixedDepartLocal?: string | null;
  markGraceMinutes?: number;
  durationMinutes?: number;
  transferMinutes?: number;
  passengers: LegPassenger[];
}

export type FlagCode = 'over_capacity' | 'escort_overlap' | 'double_booked' | 'arrives_late' | 'hearing_without_run' | 'departs_after_presentation' | 'no_seats';
export interface Flag {
  code: FlagCode;
  runId?: string;
  legId?: string;
  personId?: string;
  hearingId?: string;
}

export interface ArriveBy {
  place: string;
  zone: string;
  at: string;
  local: string;
}

export interface RunView {
  id: string;
  ref: string;
  day: string;
  label: string | null;
  status: RunStatus;
  coordinator: { id: string; displayName: string };
  arriveBy: ArriveBy;
  marginMinutes: number;
  legs: LegView[];
  passengers: { personId: string; ref: string; pseudonym: string; familyLabel: string | null; ageGroup: AgeGroup; needs: Need[]; languages: string[]; hearing: HearingSummary | null; legs: number[] }[];
  flags: Flag[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TripView {
  id: string;
  ref: string;
  day: string;
  status: RunStatus;
  access: Access;
  arriveBy: ArriveBy;
  legs: LegView[];
  passengers: { personId: string; ref: string; pseudonym: string; ageGroup: AgeGroup; needs: Need[]; languages: string[]; presentPlace: string | null; presentAt: string | null; presentLocal: string | null }[];
}

export interface TripSummary {
  id: string;
  ref: string;
  day: string;
  status: RunStatus;
  access: Access;
  firstDepartAt: string;
  firstDepartLocal: string;
  legs: number;
  passengers: number;
}

export interface PlanRun {
  id: string;
  ref: string;
  status: RunStatus;
  firstDepartAt: string;
  firstDepartLocal: string;
  seatsNeeded: number;
  seatsPlanned: number | null;
  legs: number;
}
export interface PlanDay {
  day: string;
  hearings: HearingSummary[];
  runs: PlanRun[];
  peopleWithHearings: number;
  peopleOnRuns: number;
  seatsNeeded: number;
  flags: Flag[];
}
export interface PlanView {
  from: string;
  to: string;
  days: PlanDay[];
  flags: Flag[];
}

export interface PreviewLeg {
  ordinal: number;
  from: string;
  to: string;
  departAt: string;
  arriveAt: string;
  departLocal: string;
  arriveLocal: string;
  fromZone: string;
  toZone: string;
}
export interface Preview {
  legs: PreviewLeg[];
  problems: Problem[];
}

/** a run as the organisation sees it, or one trip as a driver, escort or partner sees it */
export const isTrip = (v: RunView | TripView): v is TripView => 'access' in v;

let places: Promise<Place[]> | undefined;
onReset(() => {
  places = undefined;
});
export function loadPlaces(): Promise<Place[]> {
  places ??= api<{ places: Place[] }>('GET', `${BASE}/places`).then(
    (r) => r.places,
    (e: unknown) => {
      places = undefined;
      throw e;
    },
  );
  return places;
}

export const getRun = (id: string) => api<RunView | TripView>('GET', `${BASE}/runs/${id}`);
export const createRun = (input: RunInput) => api<RunView>('POST', `${BASE}/runs`, input);
export const updateRun = (id: string, input: RunInput & { version: number }) => api<RunView>('PUT', `${BASE}/runs/${id}`, input);
export const previewRun = (input: RunInput) => api<Preview>('POST', `${BASE}/runs/preview`, input);
export const setRunStatus = (id: string, version: number, status: RunStatus) => api<RunView>('POST', `${BASE}/runs/${id}/status`, { version, status });
/** One tap; `at` is when it was made, for a tap the phone kept while it had no signal. */
export const setMark = (id: string, legId: string, personId: string, mark: Mark, at?: string) =>
  api<{ leg: LegView; status: RunStatus; version: number }>('POST', `${BASE}/runs/${id}/marks`, { legId, personId, mark, ...(at ? { at } : {}) });
export const meetingPoints = (id: string) => api<{ legs: { legId: string; meetingPoint: string | null }[] }>('POST', `${BASE}/runs/${id}/meeting-points`, {});
export const myRuns = () => api<{ items: TripSummary[] }>('GET', `${BASE}/my-runs`);
export const plan = (from: string, to: string) => api<PlanView>('POST', `${BASE}/plan`, { from, to });
export const searchPeople = (q: string) => api<{ items: PersonSummary[] }>('POST', `${BASE}/people/search`, { q, status: 'active' });
/** the active members of a family */
export const familyMembers = (familyId: string) => api<{ items: PersonSummary[] }>('POST', `${BASE}/people/search`, { familyId, status: 'active' });
export const getPerson = (id: string) => api<PersonView>('GET', `${BASE}/people/${id}`);
/** the active accounts other than oneself (the check-in contacts' list: open to every signed-in user) */
export const accounts = () => api<{ items: { id: string; displayName: string }[] }>('GET', '/api/v1/checkins/contacts');
export const organisations = () => api<{ organisations: { id: string; name: string }[] }>('GET', '/api/v1/organisations');

export { withLeg } from './with-leg';
