/**
 * The schedule maths of a check-in plan, on UTC ISO instants:
 *  - the deadlines are the first one and, for a repeating plan, every `everyMinutes` after it, none
 *    after the plan's end;
 *  - a check-in satisfies the running deadline: the next is the first deadline after both the
 *    running one and the moment of the check-in (a late check-in skips what it missed);
 *  - a deadline is missed once it and its grace have passed;
 *  - a plan is over when it has no deadline left, or its end passed and its last deadline was
 *    checked in or escalated.
 */
export interface Schedule {
  firstDueAt: string;
  everyMinutes?: number | null | undefined;
  endsAt?: string | null | undefined;
}

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

/** The first deadline strictly after `t`, or null when there is none (a single deadline passed, or the plan's end). */
export function deadlineAfter(s: Schedule, t: string): string | null {
  const first = ms(s.firstDueAt);
  const at = ms(t);
  let next: number;
  if (first > at) next = first;
  else if (!s.everyMinutes) return null;
  else {
    const step = s.everyMinutes * 60_000;
    next = first + (Math.floor((at - first) / step) + 1) * step;
  }
  if (s.endsAt && next > ms(s.endsAt)) return null;
  return iso(next);
}

/** The running deadline after a check-in at `at` that satisfied `current` (null: no deadline left, the plan ends). */
export function deadlineAfterCheckIn(s: Schedule, current: string | null, at: string): string | null {
  const from = current && ms(current) > ms(at) ? current : at;
  return deadlineAfter(s, from);
}

/** When a deadline counts as missed: the deadline plus the grace. */
export function escalationAt(dueAt: string, graceMinutes: number): string {
  return iso(ms(dueAt) + graceMinutes * 60_000);
}

/** Whether a deadline and its grace have passed at `now`. */
export function isMissed(dueAt: string, graceMinutes: number, now: string): boolean {
  return ms(dueAt) + graceMinutes * 60_000 <= ms(now);
}

/**
 * Whether an active plan is over at `now`: no deadline left, or its end passed and the running
 * deadline is no longer waiting (it was escalated, or lies beyond the end).
 */
export function isOver(p: Schedule & { nextDueAt: string | null; escalatedDueAt: string | null }, now: string): boolean {
  if (p.nextDueAt === null) return true;
  if (!p.endsAt || ms(p.endsAt) > ms(now)) return false;
  return p.escalatedDueAt === p.nextDueAt || ms(p.nextDueAt) > ms(p.endsAt);
}
