/**
 * Set a check-in plan for a risky trip: a first deadline (not in the past), an optional repeat and
 * end, a grace period and the contacts (active accounts other than oneself) told when a deadline is
 * missed. The reference ("CHK-0007") is the next in sequence; two plans made at once on two
 * processes both get one (the loser of the unique reference tries again). Audited by ids only.
 */
import type { ServiceContext } from '../context.js';
import { parseInput } from '../validate.js';
import { invalid } from '../errors.js';
import { checkinPlanInputSchema, checkinRef, planTimeProblems, type CheckinPlanInput, type CheckinPlanView } from '../../domain/checkin/plan.js';
import { newId } from '../../crypto/random.js';
import { concurrentWriteConflict } from '../../store/database-errors.js';
import { ownPlan, planViews } from './plan-view.js';

const TRIES = 5;

export async function createCheckinPlan(ctx: ServiceContext, raw: CheckinPlanInput): Promise<CheckinPlanView> {
  const input = parseInput(checkinPlanInputSchema, raw);
  const now = ctx.now();
  const problems = planTimeProblems(input, now);
  const active = new Set(await ctx.store.users.activeIds(input.contacts));
  input.contacts.forEach((id, i) => {
    if (id === ctx.user.id) problems.push({ path: `contacts[${i}]`, message: 'must be someone else', code: 'contact_is_self' });
    else if (!active.has(id)) problems.push({ path: `contacts[${i}]`, message: 'is not an active account', code: 'no_such_account' });
  });
  if (problems.length) throw invalid(problems);
  const id = newId();
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.store.transaction(async (tx) => {
        const ref = checkinRef(await tx.checkins.nextSequence());
        await tx.checkins.insert({
          id, userId: ctx.user.id, ref, purpose: input.purpose || undefined, firstDueAt: input.firstDueAt, everyMinutes: input.everyMinutes,
          endsAt: input.endsAt, graceMinutes: input.graceMinutes, contacts: [...new Set(input.contacts)], at: now,
        });
        await tx.audit.add({ at: now, userId: ctx.user.id, action: 'checkin.plan', targetType: 'checkin_plan', targetId: id });
      });
      break;
    } catch (e) {
      if (attempt >= TRIES || !concurrentWriteConflict(e)) throw e;
    }
  }
  return (await planViews(ctx.store, [await ownPlan(ctx, id)]))[0]!;
}
