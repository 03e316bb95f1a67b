/**
 * Typed calls for accompanied people, families, hearings, the bulk entry of notices and reminders
 * (docs/accompaniment.md). Shapes follow the contract; only ids travel in paths, never pseudonyms.
 */
import { api } from '../../../api';
import type { Need } from '../../../../domain/accompaniment/person';

export type { Need };
export type AgeGroup = 'child' | 'adult' | 'unknown';
export type FamilyRole = 'head' | 'partner' | 'child' | 'parent' | 'sibling' | 'relative' | 'other';
export type ReminderLang = 'es' | 'en' | 'fr' | 'ht' | 'pt';
export type Attendance = 'expected' | 'presented' | 'missed' | 'excused';
export type Fold = 'earlier' | 'later';

export interface AccPlace {
  code: string;
  kind: 'city' | 'port' | 'court';
  country: string;
  zone: string;
  es: string;
  en: string;
}

export interface NextHearing {
  id: string;
  ref: string;
  startsAt: string;
  zone: string;
  court: string;
}

export interface PersonSummary {
  id: string;
  ref: string;
  pseudonym: string;
  familyId: string | null;
  familyLabel: string | null;
  familyRole: FamilyRole | null;
  ageGroup: AgeGroup;
  needs: Need[];
  languages: string[];
  nationality: string | null;
  status: 'active' | 'closed';
  nextHearing: NextHearing | null;
}

export interface HearingPerson {
  id: string;
  ref: string;
  pseudonym: string;
  attendance: Attendance;
}

export interface HearingSummary {
  id: string;
  ref: string;
  court: string;
  courtZone: string;
  startsAt: string;
  startsLocal: string;
  kind: string;
  presentPlace: string | null;
  presentZone: string | null;
  presentAt: string | null;
  presentLocal: string | null;
  status: 'scheduled' | 'held' | 'cancelled';
  outcome: string | null;
  people: HearingPerson[];
}

export interface PersonView extends PersonSummary {
  reminderLang: ReminderLang;
  stayingAt: { id: string; pseudonym: string; state: string | null; locality: string | null; country: string | null } | null;
  hasIdentity: boolean;
  identityFields: string[];
  hasNeedsNote: boolean;
  hearings: HearingSummary[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Identity {
  names?: string;
  caseNumbers?: string[];
  registrationNumbers?: string[];
  dateOfBirth?: string;
  phones?: string[];
  messaging?: string[];
  documents?: string;
}

export interface PersonInput {
  pseudonym: string;
  familyId?: string | null;
  newFamily?: string;
  familyRole?: FamilyRole | null;
  nationality?: string | null;
  languages: string[];
  ageGroup: AgeGroup;
  needs: Need[];
  needsNote?: string;
  stayingAt?: string | null;
  reminderLang: ReminderLang;
  identity?: Identity;
  status: 'active' | 'closed';
}

export interface Family {
  id: string;
  ref: string;
  label: string;
  members: PersonSummary[];
}

export interface HearingView extends HearingSummary {
  documents: string[];
  hasRepresentative: boolean;
  hasNotes: boolean;
  nextHearing: HearingSummary | null;
  previousHearing: { id: string; ref: string } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface HearingInput {
  court: string;
  startsLocal: string;
  startsFold?: Fold;
  kind: string;
  presentPlace?: string | null;
  presentLocal?: string | null;
  presentFold?: Fold;
  representative?: string;
  documents: string[];
  notes?: string;
  people: string[];
}

export interface OutcomeInput {
  version: number;
  status: 'held' | 'cancelled';
  outcome?: string | null;
  attendance?: Record<string, Attendance>;
  next?: HearingInput;
}

export interface BulkProblem {
  line: number;
  column: string;
  code: string;
  message: string;
}
export interface BulkResult {
  rows: number;
  problems: BulkProblem[];
  created: HearingSummary[];
}

export interface DueReminder {
  hearingId: string;
  hearingRef: string;
  personId: string;
  personRef: string;
  pseudonym: string;
  lang: string;
  startsAt: string;
  startsZone: string;
  meetAt: string | null;
  meetLocal: string | null;
  meetPlace: string | null;
  meetZone: string | null;
  message: string;
  hasPhone: boolean;
  lastReminder: { at: string; channel: string; status: string } | null;
}
export interface SendResult {
  sent: number;
  failed: number;
  items: { hearingId: string; personId: string; status: string }[];
}

export interface ShelterItem {
  id: string;
  pseudonym: string;
  country: string | null;
}

const base = '/api/v1/accompaniment';

let placesOnce: Promise<AccPlace[]> | null = null;
/** The shipped list of places with their zones, fetched once per page load. */
export function getPlaces(): Promise<AccPlace[]> {
  if (!placesOnce)
    placesOnce = api<{ places: AccPlace[] }>('GET', `${base}/places`).then(
      (r) => r.places,
      (e: unknown) => {
        placesOnce = null;
        throw e;
      },
    );
  return placesOnce;
}

export const searchPeople = (q: { q?: string; status?: 'active' | 'closed'; familyId?: string }) => api<{ items: PersonSummary[] }>('POST', `${base}/people/search`, q).then((r) => r.items);
export const getPerson = (id: string) => api<PersonView>('GET', `${base}/people/${id}`);
export const createPerson = (input: PersonInput) => api<PersonView>('POST', `${base}/people`, input);
export const updatePerson = (id: string, input: PersonInput & { version: number }) => api<PersonView>('PUT', `${base}/people/${id}`, input);
export const revealIdentity = (id: string) => api<{ identity: Identity; needsNote: string | null }>('POST', `${base}/people/${id}/identity`, {});
export const getFamilies = () => api<{ items: Family[] }>('GET', `${base}/families`).then((r) => r.items);

export const getHearing = (id: string) => api<HearingView>('GET', `${base}/hearings/${id}`);
export const createHearing = (input: HearingInput) => api<HearingView>('POST', `${base}/hearings`, input);
export const updateHearing = (id: string, input: HearingInput & { version: number }) => api<HearingView>('PUT', `${base}/hearings/${id}`, input);
export const recordOutcome = (id: string, input: OutcomeInput) => api<HearingView>('POST', `${base}/hearings/${id}/outcome`, input);
export const revealHearingSealed = (id: string) => api<{ representative: string | null; notes: string | null }>('POST', `${base}/hearings/${id}/sealed`, {});
export const searchHearings = (q: { from: string; to: string; status?: string; personId?: string }) => api<{ items: HearingSummary[] }>('POST', `${base}/hearings/search`, q).then((r) => r.items);
export const bulkHearings = (q: { format: 'csv' | 'xlsx'; content: string; dryRun: boolean }) => api<BulkResult>('POST', `${base}/hearings/bulk`, q);

export const dueReminders = (days: number) => api<{ items: DueReminder[] }>('POST', `${base}/reminders/due`, { days }).then((r) => r.items);
export const sendReminders = (items: { hearingId: string; personId: string }[], channel: 'webhook' | 'print') => api<SendResult>('POST', `${base}/reminders/send`, { items, channel });

/** Shelters where someone stays: organisations in the people list (pseudonym search). */
export const searchShelters = (q: string) =>
  api<{ items: (ShelterItem & { kind: string })[] }>('POST', '/api/v1/actors/search', { kind: 'organisation', ...(q.trim() ? { q: q.trim() } : {}), pageSize: 20 }).then((r) => r.items);
