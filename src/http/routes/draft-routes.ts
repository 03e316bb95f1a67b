/** Drafts of the incident form, saved as a person types. */
import { defineRoute, idParams } from '../route.js';
import { putDraft, putDraftSchema, getDraft, listDrafts, deleteDraft } from '../../services/drafts/manage-drafts.js';

export function draftRoutes() {
  return [
    defineRoute({ method: 'GET', url: '/api/v1/drafts', tag: 'drafts', summary: 'My drafts', policy: { access: 'user', permission: 'incident.create' }, handler: async ({ svc }) => ({ drafts: await listDrafts(svc) }) }),
    defineRoute({ method: 'GET', url: '/api/v1/drafts/:id', tag: 'drafts', summary: 'One of my drafts', policy: { access: 'user', permission: 'incident.create' }, params: idParams, handler: async ({ svc, params }) => getDraft(svc, params.id) }),
    defineRoute({ method: 'PUT', url: '/api/v1/drafts/:id', tag: 'drafts', summary: 'Save a draft (the client picks a random id)', policy: { access: 'user', permission: 'incident.create' }, params: idParams, body: putDraftSchema, handler: async ({ svc, params, body }) => putDraft(svc, params.id, body) }),
    defineRoute({ method: 'DELETE', url: '/api/v1/drafts/:id', tag: 'drafts', summary: 'Discard a draft', policy: { access: 'user', permission: 'incident.create' }, params: idParams, handler: async ({ svc, params }) => { await deleteDraft(svc, params.id); return undefined; } }),
  ];
}
