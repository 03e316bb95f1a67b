/**
 * Record when and how a protection body answered an appeal, with an optional note (sealed under
 * the incident's key: it may say what the body granted to whom). Only once it was sent, not before
 * the day it was sent, not in the future. Recording it again corrects it. Allowed on a closed case
 * too: a body's answer often comes after the case is closed (a release, a return).
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { conflict, invalid } from '../errors.js';
import { appealAnswerSchema, dayOf, type AppealAnswerInput } from '../../domain/appeal/schema.js';
import type { AppealView } from '../../domain/appeal/view.js';
import { appealToChange } from './appeal-access.js';
import { addDays } from './days.js';

export async function recordAppealAnswer(ctx: ServiceContext, id: string, raw: AppealAnswerInput): Promise<AppealView> {
  requirePermission(ctx, 'response.write');
  const input = parseInput(appealAnswerSchema, raw);
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const { urgentCase, current } = await appealToChange(ctx, id, tx, { openCase: false });
    if (!current.sentAt) throw conflict('record when the appeal was sent first');
    const day = dayOf(input.answeredAt);
    if (day < dayOf(current.sentAt)) throw invalid([{ path: 'answeredAt', message: 'is before the appeal was sent', code: 'before_sent' }]);
    if (day > addDays(dayOf(now), 1)) throw invalid([{ path: 'answeredAt', message: 'is in the future', code: 'date_future' }]);
    const version = input.version ?? current.version;
    if (current.version !== version || !(await tx.appeals.recordAnswer(id, urgentCase.incidentId, version, input.answeredAt, input.answerHow, input.note || undefined, now)))
      throw conflict(`version: the appeal was changed by someone else (now version ${current.version}); reload it`);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'appeal.answered', targetType: 'appeal', targetId: id, detail: { caseId: urgentCase.id, answerHow: input.answerHow, note: !!input.note, corrected: current.answeredAt !== undefined } });
    return (await tx.appeals.load(id, urgentCase.incidentId))!;
  });
}
