/**
 * Need-to-know for urgent cases: a case exists only for those who may see its incident (a
 * restricted incident's case is "not found" for everyone it is not shared with, admins included),
 * and only while the incident is not removed. Writers also need the case still open: a closed
 * case refuses every change (409) and is only read.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { conflict, notFound } from '../errors.js';
import type { UrgentCaseHead } from '../../store/repositories/urgent-repository.js';

/** The case's head when the reader has response.read and may see its incident; 404 otherwise. */
export async function visibleCase(ctx: ServiceContext, caseId: string): Promise<UrgentCaseHead> {
  requirePermission(ctx, 'response.read');
  const head = await ctx.store.urgent.head(caseId);
  if (!head) throw notFound('urgent case');
  if (!(await ctx.store.shares.access(head.incidentId, { userId: ctx.user.id })).visible) throw notFound('urgent case');
  return head;
}

/**
 * For a change inside `ctx.store`'s transaction: response.write, the case visible, and still open —
 * its version bumped and its row held until the transaction ends, so a change racing a close is
 * either before it or refused.
 */
export async function writableCase(ctx: ServiceContext, caseId: string): Promise<UrgentCaseHead> {
  requirePermission(ctx, 'response.write');
  const head = await visibleCase(ctx, caseId);
  if (head.status !== 'open' || !(await ctx.store.urgent.touch(caseId, ctx.now()))) throw conflict(`urgent case ${head.ref} is closed; it can only be read`);
  return head;
}
