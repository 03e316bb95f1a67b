/**
 * The interchange format's accompaniment sections (version 2, docs/interchange.md; ADR 0024):
 * families and people accompanied to their hearings, hearings with who is summoned and the
 * reminders sent, and transport runs with their legs, passengers and the marks of the day. What the
 * app seals (a person's identity and needs note, a hearing's representative and notes, a leg's
 * meeting point) is in the clear here. References (ACP-…, FAM-…, HRG-…, RUN-…) are not in the
 * file: the importing workspace numbers them.
 */
import { z } from 'zod';
import { uuid, countryCode } from '../../domain/text.js';
import { AGE_GROUPS, FAMILY_ROLES, NEEDS, REMINDER_LANGS, PSEUDONYM_MAX, languageCode } from '../../domain/accompaniment/person.js';
import { ATTENDANCE, DOCUMENTS, HEARING_KINDS, HEARING_OUTCOMES } from '../../domain/accompaniment/hearing.js';
import { MODES, RUN_STATUSES, MAX_LEGS, MAX_PASSENGERS } from '../../domain/accompaniment/run.js';
import { MARKS } from '../../domain/accompaniment/marks.js';
import { instant, userRef, recordVersion, verbatim } from './format-common.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a day (YYYY-MM-DD)' });
/** a place code of the shipped list (src/domain/accompaniment/places.ts); checked against it on import */
const placeCode = z.string().regex(/^[a-z0-9-]{1,60}$/, { message: 'must be a place code' });
/** an IANA time-zone name; checked against the runtime's zone database on import */
const zoneName = z.string().min(1).max(64);
const listItem = (max: number) => verbatim(max, 1);

export const accompaniedFamilySchema = z.strictObject({
  id: uuid,
  orgId: uuid,
  /** a pseudonym for the family */
  label: verbatim(PSEUDONYM_MAX, 1),
  createdAt: instant,
  createdBy: userRef,
  updatedAt: instant,
  version: recordVersion,
});

/** A person's identity, sealed as one value in the app 🔒 (every field identifies them). */
export const accompaniedIdentitySchema = z.strictObject({
  names: verbatim(200).optional(),
  caseNumbers: z.array(listItem(60)).max(10).optional(),
  registrationNumbers: z.array(listItem(60)).max(10).optional(),
  dateOfBirth: day.optional(),
  phones: z.array(listItem(40)).max(5).optional(),
  messaging: z.array(listItem(120)).max(5).optional(),
  documents: verbatim(2000).optional(),
});

export const accompaniedPersonSchema = z.strictObject({
  id: uuid,
  orgId: uuid,
  pseudonym: verbatim(PSEUDONYM_MAX, 1),
  /** in `accompaniedFamilies` or already in the importing workspace, of the same organisation */
  familyId: uuid.optional(),
  familyRole: z.enum(FAMILY_ROLES).optional(),
  nationality: countryCode.optional(),
  languages: z.array(languageCode).max(8),
  ageGroup: z.enum(AGE_GROUPS),
  needs: z.array(z.enum(NEEDS)).max(NEEDS.length),
  /** 🔒 */
  needsNote: verbatim(2000).optional(),
  /** the shelter where they stay: a person or organisation in `actors` or already in the importing workspace */
  stayingAt: uuid.optional(),
  reminderLang: z.enum(REMINDER_LANGS),
  /** 🔒 */
  identity: accompaniedIdentitySchema.optional(),
  status: z.enum(['active', 'closed']),
  createdAt: instant,
  createdBy: userRef,
  updatedAt: instant,
  updatedBy: userRef,
  version: recordVersion,
});

export const hearingPersonSchema = z.strictObject({
  /** in `accompaniedPeople` or already in the importing workspace, of the hearing's organisation */
  personId: uuid,
  attendance: z.enum(ATTENDANCE),
});

export const hearingReminderSchema = z.strictObject({
  id: uuid,
  /** one of the hearing's people */
  personId: uuid,
  channel: z.enum(['webhook', 'print']),
  lang: z.enum(REMINDER_LANGS),
  status: z.enum(['queued', 'sent', 'failed', 'printed']),
  at: instant,
  byUser: userRef,
});

export const hearingSchema = z.strictObject({
  id: uuid,
  orgId: uuid,
  court: placeCode,
  /** the court's zone: how `startsAt` is shown */
  zone: zoneName,
  startsAt: instant,
  kind: z.enum(HEARING_KINDS),
  presentPlace: placeCode.optional(),
  presentZone: zoneName.optional(),
  presentAt: instant.optional(),
  /** 🔒 */
  representative: verbatim(200).optional(),
  documents: z.array(z.enum(DOCUMENTS)).max(DOCUMENTS.length),
  /** 🔒 */
  notes: verbatim(5000).optional(),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  outcome: z.enum(HEARING_OUTCOMES).optional(),
  outcomeAt: instant.optional(),
  /** in `hearings` (earlier or later) or already in the importing workspace */
  nextHearingId: uuid.optional(),
  createdAt: instant,
  createdBy: userRef,
  updatedAt: instant,
  updatedBy: userRef,
  version: recordVersion,
  /** who is summoned, by person id (code-unit order) */
  people: z.array(hearingPersonSchema).max(200),
  /** reminders sent or printed, oldest first */
  reminders: z.array(hearingReminderSchema),
});

export const legMarkSchema = z.strictObject({
  /** one of the run's passengers */
  personId: uuid,
  status: z.enum(MARKS),
  at: instant.optional(),
  /** who marked (a user reference) */
  byUser: userRef.optional(),
  version: recordVersion,
});

export const transportLegSchema = z.strictObject({
  id: uuid,
  /** the leg's number in its run, as stored (unique within the run) */
  ordinal: z.number().int().min(0).max(1000),
  from: placeCode,
  fromZone: zoneName,
  to: placeCode,
  toZone: zoneName,
  mode: z.enum(MODES),
  departAt: instant,
  /** the departure was fixed (a timetable) rather than planned backwards */
  fixedDepart: z.boolean(),
  arriveAt: instant,
  seats: z.number().int().min(1).max(200).optional(),
  /** the driver or escort: an account (a user reference that must match an account of the importing workspace) */
  escortId: userRef.optional(),
  /** the partner organisation that takes over (in `organisations` or already in the importing workspace) */
  handoffOrgId: uuid.optional(),
  /** when its passengers must be marked by (arrival + grace) */
  markBy: instant,
  /** 🔒 */
  meetingPoint: verbatim(300).optional(),
  /** the passengers who ride this leg and their mark of the day, by person id (code-unit order) */
  marks: z.array(legMarkSchema).max(MAX_PASSENGERS * 2),
});

export const transportPassengerSchema = z.strictObject({
  /** in `accompaniedPeople` or already in the importing workspace, of the run's organisation */
  personId: uuid,
  /** the hearing they go to: in `hearings` or already in the importing workspace */
  hearingId: uuid.optional(),
  /** their place in the run's list, as stored */
  ordinal: z.number().int().min(0).max(10_000),
});

export const transportRunSchema = z.strictObject({
  id: uuid,
  orgId: uuid,
  day,
  label: verbatim(120).optional(),
  /** an account (a user reference that must match an account of the importing workspace) */
  coordinatorId: userRef,
  /** the place, zone and instant the run was planned to arrive by, and the margin kept before it */
  arrivePlace: placeCode,
  arriveZone: zoneName,
  arriveAt: instant,
  marginMinutes: z.number().int().min(0).max(24 * 60),
  status: z.enum(RUN_STATUSES),
  endedAt: instant.optional(),
  createdAt: instant,
  createdBy: userRef,
  updatedAt: instant,
  version: recordVersion,
  /** by ordinal */
  legs: z.array(transportLegSchema).max(MAX_LEGS * 4),
  /** by ordinal */
  passengers: z.array(transportPassengerSchema).max(MAX_PASSENGERS * 4),
});
