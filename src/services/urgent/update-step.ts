/**
 * Work a step of an open case: tick it done (who and when are recorded) or undo that, write or
 * remove its note (sealed), set or remove its deadline. What did not change is left as it was: a
 * step ticked twice keeps the first tick.
 */
import type { ServiceContext } from '../context.js';
import { parseInput } from '../validate.js';
import { notFound } from '../errors.js';
import { updateStepSchema, type UpdateStepInput } from '../../domain/urgent/input.js';
import type { UrgentCaseView } from '../../domain/urgent/view.js';
import { writableCase } from './case-access.js';
import { readUrgentCase } from './read-urgent-case.js';

export async function updateStep(ctx: ServiceContext, caseId: string, stepId: string, raw: UpdateStepInput): Promise<UrgentCaseView> {
  const input = parseInput(updateStepSchema, raw);
  await ctx.store.transaction(async (tx) => {
    const head = await writableCase({ ...ctx, store: tx }, caseId);
    const step = await tx.urgent.step(caseId, stepId);
    if (!step) throw notFound('step');
    const now = ctx.now();
    const changes: string[] = [];
    const patch: { done?: { at: string; by: string } | null; note?: string | null; dueAt?: string | null } = {};
    if (input.done === true && !step.doneAt) {
      patch.done = { at: now, by: ctx.user.id };
      changes.push('done');
    } else if (input.done === false && step.doneAt) {
      patch.done = null;
      changes.push('undone');
    }
    if (input.note !== undefined) {
      patch.note = input.note ? input.note : null;
      changes.push('note');
    }
    if (input.dueAt !== undefined && input.dueAt !== step.dueAt) {
      patch.dueAt = input.dueAt;
      changes.push('deadline');
    }
    await tx.urgent.updateStep(caseId, head.incidentId, stepId, patch);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'urgent.step', targetType: 'urgent_case', targetId: caseId, detail: { stepId, changes } });
  });
  return readUrgentCase(ctx, caseId);
}
