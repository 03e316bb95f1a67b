/** Add a step of one's own to an open case's checklist: its words (sealed) and an optional deadline. */
import type { ServiceContext } from '../context.js';
import { parseInput } from '../validate.js';
import { addStepSchema, MAX_STEPS, type AddStepInput } from '../../domain/urgent/input.js';
import type { UrgentCaseView } from '../../domain/urgent/view.js';
import { newId } from '../../crypto/random.js';
import { invalid } from '../errors.js';
import { writableCase } from './case-access.js';
import { readUrgentCase } from './read-urgent-case.js';

export async function addStep(ctx: ServiceContext, caseId: string, raw: AddStepInput): Promise<UrgentCaseView> {
  const input = parseInput(addStepSchema, raw);
  await ctx.store.transaction(async (tx) => {
    const head = await writableCase({ ...ctx, store: tx }, caseId);
    if (((await tx.urgent.deadlinesOf([caseId])).get(caseId)?.length ?? 0) >= MAX_STEPS) throw invalid([{ path: '', message: `a checklist has at most ${MAX_STEPS} steps`, code: 'too_many', params: { max: MAX_STEPS } }]);
    const id = newId();
    await tx.urgent.addStep(caseId, head.incidentId, { id, code: 'custom', label: input.label, dueAt: input.dueAt ?? null });
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'urgent.step', targetType: 'urgent_case', targetId: caseId, detail: { stepId: id, changes: ['added'] } });
  });
  return readUrgentCase(ctx, caseId);
}
