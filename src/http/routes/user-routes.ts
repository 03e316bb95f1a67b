/** User administration (admins). */
import { defineRoute, idParams } from '../route.js';
import { createUserSchema, updateUserSchema, resetPasswordSchema } from '../../services/users/user-schemas.js';
import { listUsers, createUser, updateUser, resetPassword } from '../../services/users/manage-users.js';
import { addOrganisation } from '../../services/users/add-organisation.js';
import { z } from 'zod';
import { line } from '../../domain/text.js';

const organisationSchema = z.object({ name: line(120, 1) }).strict();

export function userRoutes() {
  return [
    defineRoute({ method: 'GET', url: '/api/v1/users', tag: 'users', summary: 'List accounts', policy: { access: 'user', permission: 'users.admin' }, handler: async ({ svc }) => ({ users: await listUsers(svc) }) }),
    defineRoute({ method: 'POST', url: '/api/v1/users', tag: 'users', summary: 'Create an account with a temporary password', policy: { access: 'user', permission: 'users.admin' }, body: createUserSchema, status: 201, handler: async ({ svc, body }) => createUser(svc, body) }),
    defineRoute({ method: 'PATCH', url: '/api/v1/users/:id', tag: 'users', summary: 'Change name, role, language or disable an account', policy: { access: 'user', permission: 'users.admin' }, params: idParams, body: updateUserSchema, handler: async ({ svc, params, body }) => updateUser(svc, params.id, body) }),
    defineRoute({ method: 'POST', url: '/api/v1/users/:id/password', tag: 'users', summary: 'Set a temporary password the user must change', policy: { access: 'user', permission: 'users.admin' }, params: idParams, body: resetPasswordSchema, handler: async ({ svc, params, body }) => { await resetPassword(svc, params.id, body.password); return undefined; } }),
    defineRoute({ method: 'GET', url: '/api/v1/organisations', tag: 'users', summary: 'Member organisations of the workspace', policy: { access: 'user' }, handler: async ({ svc }) => ({ organisations: await svc.store.users.organisations() }) }),
    defineRoute({ method: 'POST', url: '/api/v1/organisations', tag: 'users', summary: 'Add a member or partner organisation (a name not used yet)', policy: { access: 'user', permission: 'users.admin' }, body: organisationSchema, status: 201, handler: async ({ svc, body }) => addOrganisation(svc, body.name) }),
  ];
}
