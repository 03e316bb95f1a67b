/** Duplicates (issue 8, ADR 0023): likely duplicates of an incident or a period, "not a duplicate", merging, where a merged incident went. */
import { defineRoute, idParams, type AnyRoute } from '../route.js';
import { dismissSchema, duplicateSearchSchema, mergeSchema } from '../../domain/duplicates/schema.js';
import { suggestDuplicates } from '../../services/duplicates/suggest-duplicates.js';
import { searchDuplicates } from '../../services/duplicates/search-duplicates.js';
import { dismissDuplicate } from '../../services/duplicates/dismiss-duplicate.js';
import { mergeIncidents } from '../../services/duplicates/merge-incidents.js';
import { incidentMerges } from '../../services/duplicates/incident-merges.js';
import { presentIncident } from '../presenters/redact.js';

export function duplicateRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/incidents/:id/duplicates', tag: 'duplicates', summary: 'Likely duplicates of an incident among those the reader may see, best first, with the reasons (dates, place, victims, words, kinds of act) and what a merge would move',
      policy: { access: 'user', permission: 'incident.read' }, params: idParams,
      handler: async ({ svc, params }) => suggestDuplicates(svc, params.id),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/duplicates/search', tag: 'duplicates', summary: 'Likely duplicates across the workspace for a period (from, to; country and state filters; window of days), best first, a page of pairs',
      policy: { access: 'user', permission: 'incident.read' }, body: duplicateSearchSchema,
      handler: async ({ svc, body }) => searchDuplicates(svc, body),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/duplicates/dismiss', tag: 'duplicates', summary: 'Say two incidents are not the same event, so they are not suggested again (audited)',
      policy: { access: 'user', permission: 'incident.edit_any' }, body: dismissSchema,
      handler: async ({ svc, body }) => { await dismissDuplicate(svc, body); return undefined; },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/incidents/:id/merge', tag: 'duplicates', summary: 'Merge another incident into this one (send both versions you saw): its parts, evidence and urgent cases move here, it is marked merged (audited)',
      policy: { access: 'user', permission: 'incident.edit_any' }, params: idParams, body: mergeSchema,
      handler: async ({ svc, params, body }) => {
        const r = await mergeIncidents(svc, params.id, body);
        return { incident: presentIncident(r.incident, svc.user.role, 'masked', svc.store.policy.marked), merged: r.merged, moved: r.moved };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/incidents/:id/merges', tag: 'duplicates', summary: 'The merges of an incident: those merged into it; for a merged one, the incident it is now part of and its own history',
      policy: { access: 'user', permission: 'incident.read' }, params: idParams,
      handler: async ({ svc, params }) => incidentMerges(svc, params.id),
    }),
  ];
}
