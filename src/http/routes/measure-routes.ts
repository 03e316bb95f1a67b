/** The protection measures registry (issue 6, ADR 0018): every measure one may see, renewals due first. */
import { defineRoute, type AnyRoute } from '../route.js';
import { measureRegistry, registryQuerySchema } from '../../services/measures/measure-registry.js';

export function measureRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/protection-measures', tag: 'response', summary: 'The protection measures of the people and organisations one may see: renewal due, expired; ?status=<code>, ?due=true',
      policy: { access: 'user', permission: 'response.read' }, query: registryQuerySchema,
      handler: async ({ svc, query }) => measureRegistry(svc, query),
    }),
  ];
}
