/**
 * Close a case with its outcome and an optional note (sealed). The closer names the version they
 * saw: a case changed since (a step ticked, a note written by someone else) is refused with 409, as
 * is one already closed. A closed case is only read from then on.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { conflict } from '../errors.js';
import { closeUrgentSchema, type CloseUrgentInput } from '../../domain/urgent/input.js';
import type { UrgentCaseView } from '../../domain/urgent/view.js';
import { visibleCase } from './case-access.js';
import { readUrgentCase } from './read-urgent-case.js';

export async function closeUrgentCase(ctx: ServiceContext, caseId: string, raw: CloseUrgentInput): Promise<UrgentCaseView> {
  requirePermission(ctx, 'response.write');
  const input = parseInput(closeUrgentSchema, raw);
  await ctx.store.transaction(async (tx) => {
    const head = await visibleCase({ ...ctx, store: tx }, caseId);
    if (head.status !== 'open') throw conflict(`urgent case ${head.ref} is closed already`);
    const now = ctx.now();
    if (!(await tx.urgent.close(caseId, head.incidentId, input.version, { outcome: input.outcome, note: input.note || undefined, at: now })))
      throw conflict(`version: this case was changed by someone else (now version ${head.version}); reload it before closing`);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'urgent.closed', targetType: 'urgent_case', targetId: caseId, detail: { outcome: input.outcome } });
  });
  return readUrgentCase(ctx, caseId);
}
