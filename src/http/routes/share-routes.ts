/** Need-to-know: an incident's shares, groups of users, and the directory of names to share with. */
import { defineRoute, idParams } from '../route.js';
import { getShares, setShares, sharesSchema } from '../../services/incidents/share-incident.js';
import { listGroups, createGroup, updateGroup, deleteGroup, directory, groupSchema } from '../../services/users/manage-groups.js';

export function shareRoutes() {
  return [
    defineRoute({ method: 'GET', url: '/api/v1/incidents/:id/shares', tag: 'incidents', summary: 'Who this incident is shared with', policy: { access: 'user', permission: 'incident.read' }, params: idParams, handler: async ({ svc, params }) => getShares(svc, params.id) }),
    defineRoute({ method: 'PUT', url: '/api/v1/incidents/:id/shares', tag: 'incidents', summary: 'Share this incident with users and groups (restricted incidents are visible only to them; may grant identifying values)', policy: { access: 'user', permission: 'incident.read' }, params: idParams, body: sharesSchema, handler: async ({ svc, params, body }) => setShares(svc, params.id, body) }),
    defineRoute({ method: 'GET', url: '/api/v1/directory', tag: 'users', summary: 'Names of users and groups to share with (no e-mails)', policy: { access: 'user', permission: 'incident.read' }, handler: async ({ svc }) => directory(svc) }),
    defineRoute({ method: 'GET', url: '/api/v1/groups', tag: 'users', summary: 'Groups of users', policy: { access: 'user', permission: 'users.admin' }, handler: async ({ svc }) => ({ groups: await listGroups(svc) }) }),
    defineRoute({ method: 'POST', url: '/api/v1/groups', tag: 'users', summary: 'Create a group', policy: { access: 'user', permission: 'users.admin' }, body: groupSchema, status: 201, handler: async ({ svc, body }) => createGroup(svc, body) }),
    defineRoute({ method: 'PUT', url: '/api/v1/groups/:id', tag: 'users', summary: 'Rename a group or change its members', policy: { access: 'user', permission: 'users.admin' }, params: idParams, body: groupSchema, handler: async ({ svc, params, body }) => updateGroup(svc, params.id, body) }),
    defineRoute({ method: 'DELETE', url: '/api/v1/groups/:id', tag: 'users', summary: 'Remove a group (refused while restricted incidents are shared only with it)', policy: { access: 'user', permission: 'users.admin' }, params: idParams, handler: async ({ svc, params }) => { await deleteGroup(svc, params.id); return undefined; } }),
  ];
}
