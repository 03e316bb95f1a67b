/** People and organisations: search by pseudonym, record, read with their incidents, change. */
import { z } from 'zod';
import { defineRoute, idParams } from '../route.js';
import { actorInputSchema, actorUpdateSchema } from '../../domain/actor/schema.js';
import { createActor, updateActor, getActor, listActors } from '../../services/actors/manage-actors.js';
import { presentActor } from '../presenters/redact.js';
import { revealActorFields, revealSchema, actorForEdit } from '../../services/incidents/reveal-identifying.js';

const readQuery = z.object({ for: z.literal('edit').optional() }).strict();
const listSchema = z.object({ kind: z.enum(['person', 'organisation']).optional(), q: z.string().max(120).optional(), page: z.number().int().min(1).max(10000).default(1), pageSize: z.number().int().min(1).max(100).default(50) }).strict();

export function actorRoutes() {
  return [
    defineRoute({ method: 'POST', url: '/api/v1/actors/search', tag: 'actors', summary: 'List people or organisations, optionally by pseudonym', policy: { access: 'user', permission: 'actor.read' }, body: listSchema, handler: async ({ svc, body }) => listActors(svc, body) }),
    defineRoute({ method: 'POST', url: '/api/v1/actors', tag: 'actors', summary: 'Record a person or organisation', policy: { access: 'user', permission: 'actor.write' }, body: actorInputSchema, status: 201, handler: async ({ svc, body }) => presentActor(await createActor(svc, body), svc.user.role, 'masked', svc.store.policy.marked) }),
    defineRoute({
      method: 'GET', url: '/api/v1/actors/:id', tag: 'actors', summary: 'A person or organisation with the incidents that affected them (identifying values masked; ?for=edit gives them, audited)', policy: { access: 'user', permission: 'actor.read' }, params: idParams, query: readQuery,
      handler: async ({ svc, params, query }) => {
        const r = await getActor(svc, params.id);
        const actor = query.for === 'edit' ? presentActor(await actorForEdit(svc, params.id), svc.user.role, 'full', svc.store.policy.marked) : presentActor(r.actor, svc.user.role, 'masked', svc.store.policy.marked);
        return { actor, incidents: r.incidents };
      },
    }),
    defineRoute({ method: 'POST', url: '/api/v1/actors/:id/reveal', tag: 'actors', summary: 'Show chosen identifying values (audited)', policy: { access: 'user', permission: 'identifying.read' }, params: idParams, body: revealSchema, handler: async ({ svc, params, body }) => revealActorFields(svc, params.id, body.paths) }),
    defineRoute({ method: 'PUT', url: '/api/v1/actors/:id', tag: 'actors', summary: 'Save a new version of a person or organisation', policy: { access: 'user', permission: 'actor.write' }, params: idParams, body: actorUpdateSchema, handler: async ({ svc, params, body }) => presentActor(await updateActor(svc, params.id, body), svc.user.role, 'masked', svc.store.policy.marked) }),
  ];
}
