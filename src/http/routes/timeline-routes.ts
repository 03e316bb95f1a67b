/** Timelines: everything dated about one person or organisation (a place's timeline uses the search and breakdown routes). */
import { defineRoute, idParams } from '../route.js';
import { timelineQuerySchema } from '../../domain/timeline/item.js';
import { actorTimeline } from '../../services/timeline/actor-timeline.js';

export function timelineRoutes() {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/actors/:id/timeline', tag: 'actors', summary: 'Everything dated about a person or organisation — incidents, interventions, protection measures — by year (?order=asc for oldest first)',
      policy: { access: 'user', permission: 'actor.read' }, params: idParams, query: timelineQuerySchema, handler: async ({ svc, params, query }) => actorTimeline(svc, params.id, query.order),
    }),
  ];
}
