/** Counts for the dashboard (POST, so search words never land in URLs or logs). */
import { defineRoute } from '../route.js';
import { breakdownQuerySchema } from '../../domain/stats/breakdown.js';
import { comparisonQuerySchema } from '../../domain/stats/comparison.js';
import { breakdownIncidents, compareIncidents } from '../../services/stats/incident-stats.js';

export function statsRoutes() {
  return [
    defineRoute({ method: 'POST', url: '/api/v1/stats/breakdown', tag: 'stats', summary: 'Incidents matching a search, per month, quarter or year and per value of one dimension', policy: { access: 'user', permission: 'incident.read' }, body: breakdownQuerySchema, handler: async ({ svc, body }) => breakdownIncidents(svc, body) }),
    defineRoute({ method: 'POST', url: '/api/v1/stats/compare', tag: 'stats', summary: 'A recent period against as many days before it: totals and per value, with the change in percent', policy: { access: 'user', permission: 'incident.read' }, body: comparisonQuerySchema, handler: async ({ svc, body }) => compareIncidents(svc, body) }),
  ];
}
