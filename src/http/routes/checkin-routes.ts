/** Check-ins (issue 6, ADR 0018): one's own schedules, checking in (a duress code raises a silent alert), the duress code. */
import { defineRoute, idParams, type AnyRoute } from '../route.js';
import { checkinPlanInputSchema, checkInInputSchema, removeDuressCodeSchema, setDuressCodeSchema } from '../../domain/checkin/plan.js';
import { listOwnPlans } from '../../services/checkins/list-plans.js';
import { possibleContacts } from '../../services/checkins/list-contacts.js';
import { createCheckinPlan } from '../../services/checkins/create-plan.js';
import { checkIn } from '../../services/checkins/check-in.js';
import { endCheckinPlan } from '../../services/checkins/end-plan.js';
import { removeDuressCode, setDuressCode } from '../../services/checkins/duress-code.js';

export function checkinRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/checkins', tag: 'checkins', summary: 'One\'s own check-in plans (next deadline, contacts, recent check-in times) and whether one has a duress code',
      policy: { access: 'user' },
      handler: async ({ svc }) => listOwnPlans(svc),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/checkins/contacts', tag: 'checkins', summary: 'Who can be named as a contact: the active accounts other than oneself',
      policy: { access: 'user' },
      handler: async ({ svc }) => possibleContacts(svc),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/checkins', tag: 'checkins', summary: 'Set a check-in plan: first deadline, optional repeat and end, grace period, contacts told when a deadline is missed',
      policy: { access: 'user' }, body: checkinPlanInputSchema, status: 201, rateLimit: 30,
      handler: async ({ svc, body }) => createCheckinPlan(svc, body),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/checkins/:id/check-in', tag: 'checkins', summary: 'Check in on one\'s plan: the running deadline is satisfied (the same answer whatever code is typed)',
      policy: { access: 'user' }, params: idParams, body: checkInInputSchema.optional(), rateLimit: 30, compress: false,
      handler: async ({ rt, svc, params, body }) => checkIn(svc, () => rt.deriveKey('totp'), params.id, body ?? {}),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/checkins/:id/end', tag: 'checkins', summary: 'End one\'s check-in plan: nothing escalates after this',
      policy: { access: 'user' }, params: idParams,
      handler: async ({ svc, params }) => endCheckinPlan(svc, params.id),
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/checkins/duress-code', tag: 'checkins', summary: 'Set or change one\'s duress code (the password is asked again); stored only as a keyed digest',
      policy: { access: 'user' }, body: setDuressCodeSchema, rateLimit: 10, compress: false,
      handler: async ({ rt, svc, body }) => setDuressCode(svc, () => rt.deriveKey('totp'), body),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/v1/checkins/duress-code', tag: 'checkins', summary: 'Remove one\'s duress code (the password is asked again)',
      policy: { access: 'user' }, body: removeDuressCodeSchema, rateLimit: 10,
      handler: async ({ svc, body }) => removeDuressCode(svc, body),
    }),
  ];
}
