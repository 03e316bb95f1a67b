/** Workspace settings: which free-text fields are treated as identifying. */
import { defineRoute } from '../route.js';
import { identifyingFields, setIdentifyingFields, identifyingFieldsSchema } from '../../services/workspace/identifying-fields.js';

export function settingsRoutes() {
  return [
    defineRoute({ method: 'GET', url: '/api/v1/settings/identifying-fields', tag: 'settings', summary: 'Free-text fields this workspace treats as identifying (sealed, masked, not indexed)', policy: { access: 'user' }, handler: async ({ svc }) => identifyingFields(svc) }),
    defineRoute({
      method: 'PUT', url: '/api/v1/settings/identifying-fields', tag: 'settings', summary: 'Mark free-text fields identifying (or not); existing records are re-sealed and re-indexed',
      policy: { access: 'user', permission: 'users.admin', recentAuth: true }, body: identifyingFieldsSchema, rateLimit: 6,
      handler: async ({ svc, body }) => setIdentifyingFields(svc, body),
    }),
  ];
}
