/** Accompanied people and families, hearings (one by one and from a spreadsheet of notices), reminders (ADR 0024, docs/accompaniment.md). */
import { z } from 'zod';
import { defineRoute, idParams, type AnyRoute } from '../route.js';
import { PLACES } from '../../domain/accompaniment/places.js';
import { accompaniedInputSchema, accompaniedUpdateSchema, peopleSearchSchema } from '../../domain/accompaniment/person.js';
import { hearingInputSchema, hearingOutcomeRequestSchema, hearingSearchSchema, hearingUpdateSchema } from '../../domain/accompaniment/hearing.js';
import { requireAccompaniment } from '../../services/accompaniment/org-scope.js';
import { createPerson, updatePerson } from '../../services/accompaniment/people/save-person.js';
import { listFamilies, openIdentity, readPerson, searchPeople } from '../../services/accompaniment/people/read-people.js';
import { createHearing, updateHearing } from '../../services/accompaniment/hearings/save-hearing.js';
import { recordOutcome } from '../../services/accompaniment/hearings/record-outcome.js';
import { openHearingSealed, readHearing, searchHearings } from '../../services/accompaniment/hearings/read-hearings.js';
import { bulkHearingsSchema, bulkHearings } from '../../services/accompaniment/hearings/bulk-notices.js';
import { dueRemindersSchema, dueReminders } from '../../services/accompaniment/reminders/due-reminders.js';
import { sendRemindersSchema, sendReminders } from '../../services/accompaniment/reminders/send-reminders.js';
import { reminderWebhookInputSchema, reminderWebhook, setReminderWebhook } from '../../services/accompaniment/reminders/reminder-webhook.js';

const BASE = '/api/v1/accompaniment';
const empty = z.object({}).strict().optional();
const read = { access: 'user', permission: 'accompaniment.read' } as const;
const write = { access: 'user', permission: 'accompaniment.write' } as const;

export function accompanimentPeopleRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET', url: `${BASE}/places`, tag: 'accompaniment', summary: 'The places runs go through (border towns, ports of entry, immigration courts) with their time zones',
      policy: read,
      handler: async ({ svc }) => {
        requireAccompaniment(svc, false);
        return { places: PLACES.map((p) => ({ code: p.code, kind: p.kind, country: p.country, zone: p.zone, es: p.es, en: p.en })) };
      },
    }),
    // ---- people and families
    defineRoute({
      method: 'POST', url: `${BASE}/people/search`, tag: 'accompaniment', summary: 'The organisation\'s accompanied people by pseudonym or reference (at most 200)',
      policy: read, body: peopleSearchSchema.optional(),
      handler: async ({ svc, body }) => searchPeople(svc, body ?? {}),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/people`, tag: 'accompaniment', summary: 'Record an accompanied person under a pseudonym; their identity and needs note are sealed',
      policy: write, body: accompaniedInputSchema, status: 201,
      handler: async ({ svc, body }) => createPerson(svc, body),
    }),
    defineRoute({
      method: 'GET', url: `${BASE}/people/:id`, tag: 'accompaniment', summary: 'An accompanied person: pseudonym, family, needs, where they stay, hearings; which identity fields are filled, never their values',
      policy: read, params: idParams,
      handler: async ({ svc, params }) => readPerson(svc, params.id),
    }),
    defineRoute({
      method: 'PUT', url: `${BASE}/people/:id`, tag: 'accompaniment', summary: 'Change an accompanied person (an old version is refused); an omitted identity or needs note is kept',
      policy: write, params: idParams, body: accompaniedUpdateSchema,
      handler: async ({ svc, params, body }) => updatePerson(svc, params.id, body),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/people/:id/identity`, tag: 'accompaniment', summary: 'Open a person\'s identity and needs note (identifying.read; each look is audited)',
      policy: read, params: idParams, body: empty, compress: false,
      handler: async ({ svc, params }) => openIdentity(svc, params.id),
    }),
    defineRoute({
      method: 'GET', url: `${BASE}/families`, tag: 'accompaniment', summary: 'The organisation\'s families with their members',
      policy: read,
      handler: async ({ svc }) => listFamilies(svc),
    }),
    // ---- hearings
    defineRoute({
      method: 'POST', url: `${BASE}/hearings/search`, tag: 'accompaniment', summary: 'Hearings by start day at each court\'s zone (at most 92 days), of a status or a person',
      policy: read, body: hearingSearchSchema,
      handler: async ({ svc, body }) => searchHearings(svc, body),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/hearings/bulk`, tag: 'accompaniment', summary: 'Hearings from a spreadsheet of notices (CSV or XLSX, base64): a dry run lists problems by line and column; a commit writes all rows or none',
      policy: write, body: bulkHearingsSchema, rateLimit: 30,
      handler: async ({ svc, body }) => bulkHearings(svc, body),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/hearings`, tag: 'accompaniment', summary: 'Record a hearing: the court and its wall time, where and when to present oneself, the people summoned',
      policy: write, body: hearingInputSchema, status: 201,
      handler: async ({ svc, body }) => createHearing(svc, body),
    }),
    defineRoute({
      method: 'GET', url: `${BASE}/hearings/:id`, tag: 'accompaniment', summary: 'A hearing with its people, times at each place\'s zone, outcome and next hearing',
      policy: read, params: idParams,
      handler: async ({ svc, params }) => readHearing(svc, params.id),
    }),
    defineRoute({
      method: 'PUT', url: `${BASE}/hearings/:id`, tag: 'accompaniment', summary: 'Change a hearing (an old version is refused)',
      policy: write, params: idParams, body: hearingUpdateSchema,
      handler: async ({ svc, params, body }) => updateHearing(svc, params.id, body),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/hearings/:id/outcome`, tag: 'accompaniment', summary: 'What happened at a hearing: held or cancelled, outcome, attendance, and the next hearing in the same step',
      policy: write, params: idParams, body: hearingOutcomeRequestSchema,
      handler: async ({ svc, params, body }) => recordOutcome(svc, params.id, body),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/hearings/:id/sealed`, tag: 'accompaniment', summary: 'Open a hearing\'s representative and notes (identifying.read; each look is audited)',
      policy: read, params: idParams, body: empty, compress: false,
      handler: async ({ svc, params }) => openHearingSealed(svc, params.id),
    }),
    // ---- reminders
    defineRoute({
      method: 'POST', url: `${BASE}/reminders/due`, tag: 'accompaniment', summary: 'Whom to remind of hearings in the next days, with the message in their language (no case details)',
      policy: read, body: dueRemindersSchema,
      handler: async ({ svc, body }) => dueReminders(svc, body),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/reminders/send`, tag: 'accompaniment', summary: 'Send reminders through the organisation\'s webhook, or record them as printed',
      policy: write, body: sendRemindersSchema, rateLimit: 30,
      handler: async ({ svc, body }) => sendReminders(svc, body),
    }),
    defineRoute({
      method: 'GET', url: `${BASE}/reminder-webhook`, tag: 'accompaniment', summary: 'The organisation\'s reminder webhook (never its secret)',
      policy: { access: 'user', permission: 'alerts.admin' },
      handler: async ({ svc }) => reminderWebhook(svc),
    }),
    defineRoute({
      method: 'PUT', url: `${BASE}/reminder-webhook`, tag: 'accompaniment', summary: 'Set the organisation\'s reminder webhook (a new one without a secret gets a random one, shown once)',
      policy: { access: 'user', permission: 'alerts.admin' }, body: reminderWebhookInputSchema, compress: false,
      handler: async ({ svc, body }) => setReminderWebhook(svc, body),
    }),
  ];
}
