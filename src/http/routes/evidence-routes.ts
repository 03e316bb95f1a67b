/**
 * Evidence items (issue 7, ADR 0019): the items of an incident or a person, one item, its viewing
 * copy and its original (each a custody entry), its chain of custody, and changes to its description
 * and consent. An item exists only for those who may see its incident or person (else 404); its
 * sealed parts and files need identifying access (403). Nothing here is ever cached. An item attached
 * by mistake can be removed; the removal stays in its custody.
 */
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { defineRoute, idParams, type AnyRoute } from '../route.js';
import { CUSTODY_PURPOSES } from '../../domain/evidence/evidence.js';
import { listEvidence } from '../../services/evidence/list-evidence.js';
import { readEvidence } from '../../services/evidence/read-evidence.js';
import { openOriginal, openViewCopy, type EvidenceBytes } from '../../services/evidence/open-evidence-file.js';
import { readCustody } from '../../services/evidence/custody.js';
import { changeEvidence, evidenceChangeSchema } from '../../services/evidence/change-evidence.js';
import { removeEvidence } from '../../services/evidence/remove-evidence.js';
import { Readable } from 'node:stream';

const noStore = <T>(reply: FastifyReply, value: T): T => {
  reply.header('cache-control', 'no-store');
  return value;
};

const versionQuery = z.object({ version: z.coerce.number().int().min(1) }).strict();
const purposeQuery = z.object({ purpose: z.enum(CUSTODY_PURPOSES, { message: `must be one of ${CUSTODY_PURPOSES.join(', ')}` }) }).strict();

function sendBytes(reply: FastifyReply, bytes: EvidenceBytes, disposition: 'inline' | 'attachment'): FastifyReply {
  reply
    .header('content-type', bytes.mediaType)
    .header('content-length', String(bytes.size))
    .header('content-disposition', `${disposition}; filename="${bytes.fileName}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox");
  return reply.code(200).send(Readable.from(bytes.body));
}

export function evidenceRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/incidents/:id/evidence', tag: 'evidence',
      summary: 'The evidence items of an incident: kind, type, size, SHA-256, who received it and when, consent per use (no description, name or metadata); mayOpen says whether the reader may open them',
      policy: { access: 'user', permission: 'incident.read' }, params: idParams,
      handler: async ({ svc, params, reply }) => noStore(reply, await listEvidence(svc, { incidentId: params.id })),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/actors/:id/evidence', tag: 'evidence',
      summary: 'The evidence items attached to a person or organisation (as for an incident)',
      policy: { access: 'user', permission: 'actor.read' }, params: idParams,
      handler: async ({ svc, params, reply }) => noStore(reply, await listEvidence(svc, { actorId: params.id })),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/evidence/:id', tag: 'evidence',
      summary: 'One evidence item; with identifying access also its description, original name, the metadata read from the original and an online capture (that read is in its chain of custody)',
      policy: { access: 'user', permission: 'incident.read' }, params: idParams,
      handler: async ({ svc, params, reply }) => noStore(reply, await readEvidence(svc, params.id)),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/evidence/:id/view', tag: 'evidence',
      summary: 'The viewing copy of an image, with no metadata (identifying access; in the chain of custody)',
      policy: { access: 'user', permission: 'incident.read' }, params: idParams, rateLimit: 120,
      handler: async ({ svc, params, reply }) => sendBytes(reply, await openViewCopy(svc, params.id), 'inline'),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/evidence/:id/original', tag: 'evidence',
      summary: 'The original exactly as it arrived, as a download named by its reference, for a stated purpose (identifying access; in the chain of custody)',
      policy: { access: 'user', permission: 'incident.read' }, params: idParams, query: purposeQuery, rateLimit: 60,
      handler: async ({ svc, params, query, reply }) => sendBytes(reply, await openOriginal(svc, params.id, query.purpose), 'attachment'),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/evidence/:id/custody', tag: 'evidence',
      summary: 'The chain of custody of an item, oldest first: who received, viewed, downloaded, exported or changed it, when and why (from the hash-chained audit log)',
      policy: { access: 'user', permission: 'incident.read' }, params: idParams,
      handler: async ({ svc, params, reply }) => noStore(reply, await readCustody(svc, params.id)),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/evidence/:id', tag: 'evidence',
      summary: 'Change an item\'s description or its consent per use (each change in its chain of custody; a stale version: 409). The file itself never changes.',
      policy: { access: 'user', permission: 'evidence.write' }, params: idParams, body: evidenceChangeSchema,
      handler: async ({ svc, params, body, reply }) => noStore(reply, await changeEvidence(svc, params.id, body)),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/v1/evidence/:id', tag: 'evidence',
      summary: 'Remove an item attached by mistake (who received it, a coordinator or an admin): the item and its files go at once; the removal stays in its chain of custody (a stale version: 409)',
      policy: { access: 'user', permission: 'evidence.write' }, params: idParams, query: versionQuery,
      handler: async ({ svc, params, query }) => { await removeEvidence(svc, params.id, query.version); return undefined; },
    }),
  ];
}
