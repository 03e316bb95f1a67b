/** A person's own plan (someone else's answers 404) and how its owner reads it: never whether a check-in was under duress. */
import type { ServiceContext } from '../context.js';
import type { Store } from '../../store/store.js';
import type { CheckinPlanRecord } from '../../store/repositories/checkin-repository.js';
import type { CheckinPlanView } from '../../domain/checkin/plan.js';
import { notFound } from '../errors.js';

/** How many recent check-ins a plan shows. */
export const RECENT_CHECK_INS = 5;

export async function ownPlan(ctx: Pick<ServiceContext, 'store' | 'user'>, id: string): Promise<CheckinPlanRecord> {
  const plan = await ctx.store.checkins.byId(id);
  if (!plan || plan.userId !== ctx.user.id) throw notFound('check-in plan');
  return plan;
}

export async function planViews(store: Store, plans: CheckinPlanRecord[]): Promise<CheckinPlanView[]> {
  const names = await store.checkins.accountNames([...new Set(plans.flatMap((p) => p.contacts))]);
  const out: CheckinPlanView[] = [];
  for (const p of plans)
    out.push({
      id: p.id, ref: p.ref, ...(p.purpose !== undefined ? { purpose: p.purpose } : {}), firstDueAt: p.firstDueAt,
      ...(p.everyMinutes !== null ? { everyMinutes: p.everyMinutes } : {}), ...(p.endsAt !== null ? { endsAt: p.endsAt } : {}),
      graceMinutes: p.graceMinutes, nextDueAt: p.nextDueAt, status: p.status,
      escalated: p.status === 'active' && p.nextDueAt !== null && p.escalatedDueAt === p.nextDueAt,
      contacts: p.contacts.filter((id) => names.has(id)).map((id) => ({ id, displayName: names.get(id)! })),
      last: await store.checkins.recentCheckIns(p.id, RECENT_CHECK_INS),
    });
  return out;
}
