/** Hand an open case to someone else: an active account that reads urgent cases and may see the incident. */
import type { ServiceContext } from '../context.js';
import { parseInput } from '../validate.js';
import { invalid } from '../errors.js';
import { changeOwnerSchema, type ChangeOwnerInput } from '../../domain/urgent/input.js';
import type { UrgentCaseView } from '../../domain/urgent/view.js';
import { writableCase } from './case-access.js';
import { mayOwn } from './open-urgent-case.js';
import { readUrgentCase } from './read-urgent-case.js';

export async function changeOwner(ctx: ServiceContext, caseId: string, raw: ChangeOwnerInput): Promise<UrgentCaseView> {
  const input = parseInput(changeOwnerSchema, raw);
  await ctx.store.transaction(async (tx) => {
    const head = await writableCase({ ...ctx, store: tx }, caseId);
    if (!(await mayOwn(tx, input.ownerId, head.incidentId))) throw invalid([{ path: 'ownerId', message: 'must be an active account that may read urgent cases and see this incident', code: 'not_allowed' }]);
    await tx.urgent.setOwner(caseId, input.ownerId);
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'urgent.owner', targetType: 'urgent_case', targetId: caseId, detail: { ownerId: input.ownerId } });
  });
  return readUrgentCase(ctx, caseId);
}
