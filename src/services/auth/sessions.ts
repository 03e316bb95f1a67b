/** Session lifetimes: sliding idle timeout, hard absolute limit. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const MAX_FAILED_LOGINS = 10;
export const LOCKOUT_MS = 15 * 60 * 1000;

export function sessionExpiry(createdAt: string, now: string): string {
  const idle = Date.parse(now) + SESSION_IDLE_MS;
  const absolute = Date.parse(createdAt) + SESSION_ABSOLUTE_MS;
  return new Date(Math.min(idle, absolute)).toISOString();
}
