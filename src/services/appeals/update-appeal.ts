/**
 * Edit an appeal's letter (the draft is the drafter's to complete): a new version replaces the text,
 * sealed; a stale version is refused (409) rather than overwriting someone else's edit, and so is a
 * letter already sent (it is kept as it went out) or one of a closed case.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { conflict } from '../errors.js';
import { appealLetterSchema, type AppealLetterInput } from '../../domain/appeal/schema.js';
import type { AppealView } from '../../domain/appeal/view.js';
import { appealToChange } from './appeal-access.js';

export async function updateAppealLetter(ctx: ServiceContext, id: string, raw: AppealLetterInput): Promise<AppealView> {
  requirePermission(ctx, 'response.write');
  const input = parseInput(appealLetterSchema, raw);
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const { urgentCase, current } = await appealToChange(ctx, id, tx, { openCase: true });
    if (current.sentAt) throw conflict('this appeal was sent: its letter is kept as it was sent');
    if (current.version !== input.version || !(await tx.appeals.updateLetter(id, urgentCase.incidentId, input.version, input.letter, now)))
      throw conflict(`version: the appeal was changed by someone else (now version ${current.version}); reload it before saving`);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'appeal.updated', targetType: 'appeal', targetId: id, detail: { caseId: urgentCase.id, version: input.version + 1 } });
    return (await tx.appeals.load(id, urgentCase.incidentId))!;
  });
}
