/**
 * Check in on one's own plan (one tap, ADR 0018). It satisfies the running deadline: the next is the
 * first deadline after it and after now (a repeating plan), or none (the plan ends).
 *
 * With the duress code the answer, the audit event and what the person's pages show are exactly
 * those of an ordinary check-in; the event is recorded with its duress mark and, in the same
 * transaction, a silent `checkin_duress` alert goes to the plan's contacts and the responders —
 * never to the person. Whenever a code is typed its digest is computed, whether or not the person
 * has a duress code, so the time taken says nothing either.
 *
 * A check-in after the contacts were alerted of a missed deadline tells them it came
 * (`checkin_late`) — unless it was made under duress, which must not reassure anyone.
 * A check-in on an ended plan is refused (409) — with the duress code it still raises the alert.
 */
import type { ServiceContext } from '../context.js';
import { parseInput } from '../validate.js';
import { conflict, notFound } from '../errors.js';
import { withKey, type KeySource } from '../auth/second-factor.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { checkInInputSchema, type CheckInAnswer, type CheckInInput } from '../../domain/checkin/plan.js';
import { deadlineAfterCheckIn } from '../../domain/checkin/schedule.js';
import type { CheckinPlanRecord } from '../../store/repositories/checkin-repository.js';
import type { Store } from '../../store/store.js';
import { isDuressCode } from '../../crypto/duress.js';
import { newId } from '../../crypto/random.js';

const TRIES = 5;

/** Where a contact's link leads: their inbox (the plan itself is the person's alone). */
export const CONTACT_PATH = '/alerts';

async function raiseDuress(tx: Store, plan: CheckinPlanRecord, eventId: string, now: string): Promise<void> {
  await raiseAlert(tx, {
    kind: 'checkin_duress', dedupeKey: `checkin-duress:${eventId}`, ref: plan.ref, path: CONTACT_PATH,
    subject: { type: 'checkin_plan', id: plan.id }, users: plan.contacts, responders: true, except: [plan.userId], now,
  });
}

export async function checkIn(ctx: ServiceContext, keys: KeySource, planId: string, raw: CheckInInput): Promise<CheckInAnswer> {
  const input = parseInput(checkInInputSchema, raw);
  const stored = await ctx.store.checkins.duressDigest(ctx.user.id);
  const code = input.code;
  const duress = code !== undefined && withKey(keys, (k) => isDuressCode(k, ctx.user.id, code, stored));
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    const outcome = await ctx.store.transaction(async (tx): Promise<CheckInAnswer | 'ended' | 'retry'> => {
      const plan = await tx.checkins.byId(planId);
      if (!plan || plan.userId !== ctx.user.id) throw notFound('check-in plan');
      const at = ctx.now();
      if (plan.status === 'ended') {
        if (duress) {
          const eventId = newId();
          await tx.checkins.addEvent({ id: eventId, planId, at, dueAt: null, duress: true });
          await raiseDuress(tx, plan, eventId, at);
        }
        return 'ended';
      }
      const nextDueAt = deadlineAfterCheckIn({ firstDueAt: plan.firstDueAt, everyMinutes: plan.everyMinutes, endsAt: plan.endsAt }, plan.nextDueAt, at);
      const status = nextDueAt === null ? 'ended' : 'active';
      if (!(await tx.checkins.update(planId, plan.version, { nextDueAt, status }, at))) return 'retry';
      const eventId = newId();
      await tx.checkins.addEvent({ id: eventId, planId, at, dueAt: plan.nextDueAt, duress });
      if (duress) await raiseDuress(tx, plan, eventId, at);
      else if (plan.nextDueAt !== null && plan.escalatedDueAt === plan.nextDueAt)
        await raiseAlert(tx, {
          kind: 'checkin_late', dedupeKey: `checkin-late:${planId}:${plan.nextDueAt}`, ref: plan.ref, path: CONTACT_PATH,
          subject: { type: 'checkin_plan', id: planId }, users: plan.contacts, responders: false, except: [plan.userId], now: at,
        });
      await tx.audit.add({ at, userId: ctx.user.id, action: 'checkin.done', targetType: 'checkin_plan', targetId: planId });
      return { at, nextDueAt, status };
    });
    if (outcome === 'ended') throw conflict('this check-in plan has ended');
    if (outcome !== 'retry') return outcome;
  }
  throw conflict('the plan changed meanwhile; try again');
}
