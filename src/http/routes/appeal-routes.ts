/**
 * Urgent appeals (issue 6, ADR 0018): drafted from a template per protection body and language,
 * filled only with what consent allows; edited, exported as a PDF, their sending and answer recorded.
 * An appeal exists only for those who may see its case's incident (anyone else: 404). Answers that
 * carry a letter are never cached; the PDF has a fixed name by its language.
 */
import type { FastifyReply } from 'fastify';
import { defineRoute, idParams, type AnyRoute } from '../route.js';
import { appealAnswerSchema, appealDraftSchema, appealLetterSchema, appealSentSchema } from '../../domain/appeal/schema.js';
import { draftAppeal } from '../../services/appeals/draft-appeal.js';
import { listAppeals, readAppeal } from '../../services/appeals/read-appeals.js';
import { updateAppealLetter } from '../../services/appeals/update-appeal.js';
import { exportAppealPdf } from '../../services/appeals/export-appeal.js';
import { recordAppealSent } from '../../services/appeals/record-sent.js';
import { recordAppealAnswer } from '../../services/appeals/record-answer.js';

const noStore = <T>(reply: FastifyReply, value: T): T => {
  reply.header('cache-control', 'no-store');
  return value;
};

export function appealRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/urgent/:id/appeals', tag: 'appeals', status: 201,
      summary: 'Draft an urgent appeal to a protection body (template per body and language), filled only with what consent allows; answers the letter with what was included and what was withheld and why',
      policy: { access: 'user', permission: 'response.write' }, params: idParams, body: appealDraftSchema, rateLimit: 60,
      handler: async ({ svc, params, body, reply }) => noStore(reply, await draftAppeal(svc, params.id, body)),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/urgent/:id/appeals', tag: 'appeals', summary: 'The appeals of an urgent case: body, language, when drafted, sent and answered (no letter)',
      policy: { access: 'user', permission: 'response.read' }, params: idParams,
      handler: async ({ svc, params, reply }) => noStore(reply, await listAppeals(svc, params.id)),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/appeals/:id', tag: 'appeals', summary: 'One appeal with its letter and the answer\'s note (audited: a letter may hold real names and a testimony)',
      policy: { access: 'user', permission: 'response.read' }, params: idParams,
      handler: async ({ svc, params, reply }) => noStore(reply, await readAppeal(svc, params.id)),
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/appeals/:id', tag: 'appeals', summary: 'Replace an appeal\'s letter (a stale version, a letter already sent or a closed case: 409)',
      policy: { access: 'user', permission: 'response.write' }, params: idParams, body: appealLetterSchema,
      handler: async ({ svc, params, body, reply }) => noStore(reply, await updateAppealLetter(svc, params.id, body)),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/appeals/:id/pdf', tag: 'appeals', summary: 'An appeal\'s letter as a PDF (apelacion-urgente.pdf / urgent-appeal.pdf; audited)',
      policy: { access: 'user', permission: 'response.read' }, params: idParams, rateLimit: 30,
      handler: async ({ svc, params, reply }) => {
        const { pdf, fileName } = await exportAppealPdf(svc, params.id);
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff');
        return reply.code(200).send(pdf);
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/appeals/:id/sent', tag: 'appeals', summary: 'Record when and how an appeal was sent (again to correct it)',
      policy: { access: 'user', permission: 'response.write' }, params: idParams, body: appealSentSchema,
      handler: async ({ svc, params, body, reply }) => noStore(reply, await recordAppealSent(svc, params.id, body)),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/appeals/:id/answer', tag: 'appeals', summary: 'Record when and how the body answered, with an optional note (sealed)',
      policy: { access: 'user', permission: 'response.write' }, params: idParams, body: appealAnswerSchema,
      handler: async ({ svc, params, body, reply }) => noStore(reply, await recordAppealAnswer(svc, params.id, body)),
    }),
  ];
}
