/** One's own check-in plans (active first, by next deadline), and whether one has a duress code. */
import type { ServiceContext } from '../context.js';
import type { CheckinPlanView } from '../../domain/checkin/plan.js';
import { planViews } from './plan-view.js';

export async function listOwnPlans(ctx: ServiceContext): Promise<{ items: CheckinPlanView[]; hasDuressCode: boolean }> {
  const plans = await ctx.store.checkins.listOwn(ctx.user.id);
  return { items: await planViews(ctx.store, plans), hasDuressCode: (await ctx.store.checkins.duressDigest(ctx.user.id)) !== null };
}
