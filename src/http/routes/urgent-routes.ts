/** Urgent cases (issue 6, ADR 0018): open from an incident, checklist, notes, campaigns, close with an outcome. */
import { z } from 'zod';
import { defineRoute, idParams, type AnyRoute } from '../route.js';
import { addNoteSchema, addStepSchema, campaignSchema, campaignUpdateSchema, changeOwnerSchema, closeUrgentSchema, openUrgentSchema, updateStepSchema } from '../../domain/urgent/input.js';
import { openUrgentCase } from '../../services/urgent/open-urgent-case.js';
import { incidentUrgentCases, readUrgentCase } from '../../services/urgent/read-urgent-case.js';
import { listUrgentCases, urgentListQuerySchema } from '../../services/urgent/list-urgent-cases.js';
import { ownersQuerySchema, urgentOwners } from '../../services/urgent/urgent-owners.js';
import { addStep } from '../../services/urgent/add-step.js';
import { updateStep } from '../../services/urgent/update-step.js';
import { addNote } from '../../services/urgent/add-note.js';
import { changeOwner } from '../../services/urgent/change-owner.js';
import { closeUrgentCase } from '../../services/urgent/close-urgent-case.js';
import { addCampaign, updateCampaign } from '../../services/urgent/save-campaign.js';

const stepParams = idParams.extend({ stepId: z.string().uuid({ message: 'must be an id' }) }).strict();

export function urgentRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/incidents/:id/urgent', tag: 'urgent', summary: 'Mark an incident urgent: a case with an owner and the checklist for its kind (deadlines from now); alerts the owner and the responders',
      policy: { access: 'user', permission: 'response.write' }, params: idParams, body: openUrgentSchema, status: 201,
      handler: async ({ svc, params, body }) => openUrgentCase(svc, params.id, body),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/incidents/:id/urgent', tag: 'urgent', summary: 'The urgent cases of an incident, open first (reference, kind, day counter, owner, overdue steps)',
      policy: { access: 'user', permission: 'response.read' }, params: idParams,
      handler: async ({ svc, params }) => incidentUrgentCases(svc, params.id),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/urgent', tag: 'urgent', summary: 'The urgent cases the reader may see, open first and most overdue first: reference, kind, day counter, owner, overdue steps — no titles or names',
      policy: { access: 'user', permission: 'response.read' }, query: urgentListQuerySchema,
      handler: async ({ svc, query }) => listUrgentCases(svc, query),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/urgent/owners', tag: 'urgent', summary: 'Who may own an urgent case: active accounts that read urgent cases (with `incident`, only those who may see it)',
      policy: { access: 'user', permission: 'response.read' }, query: ownersQuerySchema,
      handler: async ({ svc, query }) => urgentOwners(svc, query),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/urgent/:id', tag: 'urgent', summary: 'One urgent case: status, day counter, checklist with deadlines and what is overdue, notes, campaigns',
      policy: { access: 'user', permission: 'response.read' }, params: idParams,
      handler: async ({ svc, params }) => readUrgentCase(svc, params.id),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/urgent/:id/steps', tag: 'urgent', summary: 'Add a step of your own to an open case\'s checklist',
      policy: { access: 'user', permission: 'response.write' }, params: idParams, body: addStepSchema, status: 201,
      handler: async ({ svc, params, body }) => addStep(svc, params.id, body),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/urgent/:id/steps/:stepId', tag: 'urgent', summary: 'Tick a step done (or undo it), write its note, change its deadline',
      policy: { access: 'user', permission: 'response.write' }, params: stepParams, body: updateStepSchema,
      handler: async ({ svc, params, body }) => updateStep(svc, params.id, params.stepId, body),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/urgent/:id/notes', tag: 'urgent', summary: 'Write a note on an open case',
      policy: { access: 'user', permission: 'response.write' }, params: idParams, body: addNoteSchema, status: 201,
      handler: async ({ svc, params, body }) => addNote(svc, params.id, body),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/urgent/:id/owner', tag: 'urgent', summary: 'Hand an open case to someone else',
      policy: { access: 'user', permission: 'response.write' }, params: idParams, body: changeOwnerSchema,
      handler: async ({ svc, params, body }) => changeOwner(svc, params.id, body),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/urgent/:id/close', tag: 'urgent', summary: 'Close a case with its outcome (the version seen: a stale one is refused)',
      policy: { access: 'user', permission: 'response.write' }, params: idParams, body: closeUrgentSchema,
      handler: async ({ svc, params, body }) => closeUrgentCase(svc, params.id, body),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/urgent/:id/campaigns', tag: 'urgent', summary: 'Record a campaign for the case: title, dates, actions, outcome',
      policy: { access: 'user', permission: 'response.write' }, params: idParams, body: campaignSchema, status: 201,
      handler: async ({ svc, params, body }) => addCampaign(svc, params.id, body),
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/campaigns/:id', tag: 'urgent', summary: 'Change a campaign (the version seen: a stale one is refused)',
      policy: { access: 'user', permission: 'response.write' }, params: idParams, body: campaignUpdateSchema,
      handler: async ({ svc, params, body }) => updateCampaign(svc, params.id, body),
    }),
  ];
}
