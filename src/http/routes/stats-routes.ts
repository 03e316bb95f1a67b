/** Counts for the dashboard and pattern flags (POST, so search words never land in URLs or logs); the pattern thresholds. */
import { defineRoute, idParams } from '../route.js';
import { breakdownQuerySchema } from '../../domain/stats/breakdown.js';
import { comparisonQuerySchema } from '../../domain/stats/comparison.js';
import { breakdownIncidents, compareIncidents } from '../../services/stats/incident-stats.js';
import { actorPatterns, findPatterns, patternQuerySchema, patternSettings, setPatternSettings } from '../../services/stats/find-patterns.js';
import { patternSettingsSchema } from '../../domain/patterns/settings.js';
import { mapQuerySchema } from '../../domain/map/map-counts.js';
import { mapIncidents } from '../../services/stats/map-counts.js';

export function statsRoutes() {
  return [
    defineRoute({ method: 'POST', url: '/api/v1/stats/breakdown', tag: 'stats', summary: 'Incidents matching a search, per month, quarter or year and per value of one dimension', policy: { access: 'user', permission: 'incident.read' }, body: breakdownQuerySchema, handler: async ({ svc, body }) => breakdownIncidents(svc, body) }),
    defineRoute({ method: 'POST', url: '/api/v1/stats/patterns', tag: 'stats', summary: 'Pattern flags over the incidents matching a search: repeated targeting, escalation, cross-border chains, perpetrators seen together', policy: { access: 'user', permission: 'incident.read' }, body: patternQuerySchema, handler: async ({ svc, body }) => findPatterns(svc, body) }),
    defineRoute({ method: 'GET', url: '/api/v1/actors/:id/patterns', tag: 'stats', summary: 'Pattern flags of one person or organisation', policy: { access: 'user', permission: 'actor.read' }, params: idParams, handler: async ({ svc, params }) => actorPatterns(svc, params.id) }),
    defineRoute({ method: 'GET', url: '/api/v1/settings/patterns', tag: 'settings', summary: 'The thresholds of the pattern flags', policy: { access: 'user', permission: 'incident.read' }, handler: async ({ svc }) => patternSettings(svc) }),
    defineRoute({ method: 'PUT', url: '/api/v1/settings/patterns', tag: 'settings', summary: 'Change the thresholds of the pattern flags', policy: { access: 'user', permission: 'users.admin' }, body: patternSettingsSchema, handler: async ({ svc, body }) => setPatternSettings(svc, body) }),
    defineRoute({ method: 'POST', url: '/api/v1/stats/map', tag: 'stats', summary: 'The offline map: incidents matching a search per country, state (public precision a state or finer) and gazetteer point, never finer than their public precision', policy: { access: 'user', permission: 'incident.read' }, body: mapQuerySchema, handler: async ({ svc, body }) => mapIncidents(svc, body) }),
    defineRoute({ method: 'POST', url: '/api/v1/stats/compare', tag: 'stats', summary: 'A recent period against as many days before it: totals and per value, with the change in percent', policy: { access: 'user', permission: 'incident.read' }, body: comparisonQuerySchema, handler: async ({ svc, body }) => compareIncidents(svc, body) }),
  ];
}
