/** Incidents: search (POST, so search words never land in URLs or logs), record, read, change, history, remove. */
import { z } from 'zod';
import { defineRoute, idParams } from '../route.js';
import { incidentInputSchema, incidentUpdateSchema } from '../../domain/incident/schema.js';
import { searchQuerySchema } from '../../domain/incident/search-query.js';
import { createIncident, updateIncident } from '../../services/incidents/save-incident.js';
import { getIncident, incidentHistory, findIncidents, deleteIncident } from '../../services/incidents/read-incidents.js';
import { presentIncident } from '../presenters/redact.js';
import { revealIncidentFields, revealSchema, incidentForEdit } from '../../services/incidents/reveal-identifying.js';
import { scanIdentifying, scanSchema } from '../../services/incidents/scan-identifying.js';

const versionQuery = z.object({ version: z.coerce.number().int().min(1) }).strict();
const readQuery = z.object({ for: z.literal('edit').optional() }).strict();

export function incidentRoutes() {
  return [
    defineRoute({ method: 'POST', url: '/api/v1/incidents/search', tag: 'incidents', summary: 'Full-text search with filters and facet counts', policy: { access: 'user', permission: 'incident.read' }, body: searchQuerySchema, handler: async ({ svc, body }) => findIncidents(svc, body) }),
    defineRoute({
      method: 'POST', url: '/api/v1/incidents/scan-identifying', tag: 'incidents', summary: 'Search inside sealed identifying values, a batch at a time (decrypt-and-scan; audited)',
      policy: { access: 'user', permission: 'identifying.read' }, body: scanSchema, rateLimit: 240, compress: false, handler: async ({ svc, body }) => scanIdentifying(svc, body),
    }),
    defineRoute({ method: 'POST', url: '/api/v1/incidents', tag: 'incidents', summary: 'Record an incident', policy: { access: 'user', permission: 'incident.create' }, body: incidentInputSchema, status: 201, handler: async ({ svc, body }) => presentIncident(await createIncident(svc, body), svc.user.role, 'masked', svc.store.policy.marked) }),
    defineRoute({
      method: 'GET', url: '/api/v1/incidents/:id', tag: 'incidents', summary: 'Read one incident (identifying values masked; ?for=edit gives them, audited, to those who may edit it)',
      policy: { access: 'user', permission: 'incident.read' }, params: idParams, query: readQuery,
      handler: async ({ svc, params, query }) => (query.for === 'edit' ? presentIncident(await incidentForEdit(svc, params.id), svc.user.role, 'full', svc.store.policy.marked) : presentIncident(await getIncident(svc, params.id), svc.user.role, 'masked', svc.store.policy.marked)),
    }),
    defineRoute({ method: 'POST', url: '/api/v1/incidents/:id/reveal', tag: 'incidents', summary: 'Show chosen identifying values (audited; by role or by a share that grants them)', policy: { access: 'user', permission: 'incident.read' }, params: idParams, body: revealSchema, handler: async ({ svc, params, body }) => revealIncidentFields(svc, params.id, body.paths) }),
    defineRoute({ method: 'PUT', url: '/api/v1/incidents/:id', tag: 'incidents', summary: 'Save a new version of an incident (send the version you started from)', policy: { access: 'user', permission: 'incident.edit_own' }, params: idParams, body: incidentUpdateSchema, handler: async ({ svc, params, body }) => presentIncident(await updateIncident(svc, params.id, body), svc.user.role, 'masked', svc.store.policy.marked) }),
    defineRoute({ method: 'GET', url: '/api/v1/incidents/:id/history', tag: 'incidents', summary: 'Who changed what, when', policy: { access: 'user', permission: 'incident.read' }, params: idParams, handler: async ({ svc, params }) => ({ revisions: await incidentHistory(svc, params.id) }) }),
    defineRoute({ method: 'DELETE', url: '/api/v1/incidents/:id', tag: 'incidents', summary: 'Remove an incident from lists and search (kept in history)', policy: { access: 'user', permission: 'incident.delete' }, params: idParams, query: versionQuery, handler: async ({ svc, params, query }) => { await deleteIncident(svc, params.id, query.version); return undefined; } }),
  ];
}
