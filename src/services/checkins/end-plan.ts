/** End one's own check-in plan: no deadline escalates after this. Ending an ended plan changes nothing. */
import type { ServiceContext } from '../context.js';
import type { CheckinPlanView } from '../../domain/checkin/plan.js';
import { conflict } from '../errors.js';
import { ownPlan, planViews } from './plan-view.js';

export async function endCheckinPlan(ctx: ServiceContext, id: string): Promise<CheckinPlanView> {
  for (let attempt = 1; ; attempt++) {
    const done = await ctx.store.transaction(async (tx) => {
      const plan = await ownPlan({ ...ctx, store: tx }, id);
      if (plan.status === 'ended') return true;
      const at = ctx.now();
      if (!(await tx.checkins.update(id, plan.version, { nextDueAt: plan.nextDueAt, status: 'ended' }, at))) return false;
      await tx.audit.add({ at, userId: ctx.user.id, action: 'checkin.ended', targetType: 'checkin_plan', targetId: id });
      return true;
    });
    if (done) break;
    if (attempt >= 5) throw conflict('the plan changed meanwhile; try again');
  }
  return (await planViews(ctx.store, [await ownPlan(ctx, id)]))[0]!;
}
