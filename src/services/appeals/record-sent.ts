/**
 * Record when and how an appeal was sent (a day, or a moment with its offset; e-mail, post, an
 * online form, in person, fax, other). Recording it again corrects it. Not before the day it was
 * drafted (a day's slack for time zones), not in the future, not after its answer.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { conflict, invalid } from '../errors.js';
import { appealSentSchema, dayOf, type AppealSentInput } from '../../domain/appeal/schema.js';
import type { AppealView } from '../../domain/appeal/view.js';
import { appealToChange } from './appeal-access.js';
import { addDays } from './days.js';

export async function recordAppealSent(ctx: ServiceContext, id: string, raw: AppealSentInput): Promise<AppealView> {
  requirePermission(ctx, 'response.write');
  const input = parseInput(appealSentSchema, raw);
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const { urgentCase, current } = await appealToChange(ctx, id, tx, { openCase: true });
    const day = dayOf(input.sentAt);
    if (day < addDays(dayOf(current.createdAt), -1)) throw invalid([{ path: 'sentAt', message: 'is before the appeal was drafted', code: 'before_drafted' }]);
    if (day > addDays(dayOf(now), 1)) throw invalid([{ path: 'sentAt', message: 'is in the future', code: 'date_future' }]);
    if (current.answeredAt && day > dayOf(current.answeredAt)) throw invalid([{ path: 'sentAt', message: 'is after the answer was received', code: 'after_answer' }]);
    const version = input.version ?? current.version;
    if (current.version !== version || !(await tx.appeals.recordSent(id, version, input.sentAt, input.sentHow, now)))
      throw conflict(`version: the appeal was changed by someone else (now version ${current.version}); reload it`);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'appeal.sent', targetType: 'appeal', targetId: id, detail: { caseId: urgentCase.id, sentHow: input.sentHow, corrected: current.sentAt !== undefined } });
    return (await tx.appeals.load(id, urgentCase.incidentId))!;
  });
}
