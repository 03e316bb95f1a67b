/**
 * When a protection measure needs renewing (ADR 0018). A measure is in force while its status is
 * "granted / active" (vocabulary scheme protection_status, code granted_active, or a narrower term
 * under it). Its expiry is a partial date ("2027", "2027-03", "2027-03-15"): the reminder goes by
 * the earliest day it can mean, so a vague expiry is reminded early rather than late; it counts as
 * expired only once its latest day has passed.
 */
import { earliestDay, latestDay } from '../dates.js';

export const MEASURE_IN_FORCE = 'granted_active';
export const MEASURE_EXPIRED = 'expired';
/** How long after an expiry day a reminder is still raised (a server down for a few days still reminds). */
export const REMINDER_GRACE_DAYS = 7;

export function measureInForce(status: string): boolean {
  return status === MEASURE_IN_FORCE || status.startsWith(`${MEASURE_IN_FORCE}.`);
}

/** `day` (YYYY-MM-DD) moved by `n` days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export interface MeasureDates { status: string; expires?: string | null | undefined }

/**
 * For the registry: `renewalDue` when a measure in force expires (by its earliest day) within
 * `renewalDays` of `today` or already has; `expired` when it is recorded as expired, or is still
 * recorded in force after its expiry's last day.
 */
export function renewalState(m: MeasureDates, today: string, renewalDays: number): { renewalDue: boolean; expired: boolean } {
  const inForce = measureInForce(m.status);
  const expires = m.expires ?? undefined;
  const renewalDue = inForce && !!expires && earliestDay(expires) <= addDays(today, renewalDays);
  const expired = m.status === MEASURE_EXPIRED || m.status.startsWith(`${MEASURE_EXPIRED}.`) || (inForce && !!expires && latestDay(expires) < today);
  return { renewalDue, expired };
}

/**
 * For the scheduler: whether a reminder is raised today — in force, and the expiry's earliest day
 * within `renewalDays` ahead, or passed less than a week ago (older ones are not news any more).
 */
export function renewalReminderDue(m: MeasureDates, today: string, renewalDays: number): boolean {
  if (!measureInForce(m.status) || !m.expires) return false;
  const first = earliestDay(m.expires);
  return first <= addDays(today, renewalDays) && first > addDays(today, -REMINDER_GRACE_DAYS);
}

/** The reference a reminder carries: the measure's id, shortened (nothing of what it protects). */
export function measureRef(measureId: string): string {
  return `MED-${measureId.slice(0, 8)}`;
}

/** The dedupe key of a reminder: once per measure and expiry (a renewed measure with a new expiry is reminded again). */
export function renewalDedupeKey(measureId: string, expires: string): string {
  return `measure-renewal:${measureId}:${expires}`;
}

/** Renewals due first, then by expiry (earliest day; none last), then by pseudonym. */
export function compareRegistry(a: { renewalDue: boolean; expires?: string | undefined; pseudonym: string; id: string }, b: typeof a): number {
  if (a.renewalDue !== b.renewalDue) return a.renewalDue ? -1 : 1;
  const ea = a.expires ? earliestDay(a.expires) : '9999-99-99';
  const eb = b.expires ? earliestDay(b.expires) : '9999-99-99';
  return ea.localeCompare(eb) || a.pseudonym.localeCompare(b.pseudonym) || a.id.localeCompare(b.id);
}
