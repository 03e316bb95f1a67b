/** The audit log: browse it (admins and coordinators) and check its hash chain (admins). */
import { z } from 'zod';
import { defineRoute } from '../route.js';
import { auditQuerySchema, listAudit } from '../../services/audit/list-audit.js';
import { verifyAuditChainAs } from '../../services/audit/verify-audit-chain.js';

const verifySchema = z
  .object({ anchor: z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-fA-F]{64}$/, { message: 'must be a 64-character hex hash' }) }).strict().optional() })
  .strict()
  .optional();

export function auditRoutes() {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/audit', tag: 'audit', summary: 'Audit log entries, newest first, filtered by action (or family), user, target and time; `before` pages on',
      policy: { access: 'user', permission: 'audit.read' }, query: auditQuerySchema,
      handler: async ({ svc, query }) => listAudit(svc, query),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/audit/verify', tag: 'audit', summary: 'Check the audit log\'s hash chain: intact, or the first entry edited, deleted or reordered',
      policy: { access: 'user', permission: 'audit.verify' }, body: verifySchema, rateLimit: 6,
      handler: async ({ svc, body }) => verifyAuditChainAs(svc, body?.anchor ? { anchor: body.anchor } : {}),
    }),
  ];
}
