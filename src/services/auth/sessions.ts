/** Session lifetimes (sliding idle timeout, hard absolute limit), sign-in limits and the coarse device name lists show. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const MAX_FAILED_LOGINS = 10;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** how long a right password waits for its second factor */
export const SECOND_FACTOR_WINDOW_MS = 5 * 60 * 1000;
/** how long a re-authentication (or the sign-in itself) counts as recent for sensitive actions */
export const REAUTH_MAX_AGE_MS = 5 * 60 * 1000;

export function sessionExpiry(createdAt: string, now: string): string {
  const idle = Date.parse(now) + SESSION_IDLE_MS;
  const absolute = Date.parse(createdAt) + SESSION_ABSOLUTE_MS;
  return new Date(Math.min(idle, absolute)).toISOString();
}

/** When a sign-in still waiting for its second factor ends (it never slides). */
export function secondFactorExpiry(now: string): string {
  return new Date(Date.parse(now) + SECOND_FACTOR_WINDOW_MS).toISOString();
}

/** Whether a re-authentication at `at` still counts at `now`. */
export function isRecentAuth(at: string | null, now: string): boolean {
  if (!at) return false;
  const age = Date.parse(now) - Date.parse(at);
  return age >= 0 && age <= REAUTH_MAX_AGE_MS;
}

/**
 * "Firefox · Linux": enough for a person to recognise their own devices in the list, and all that
 * is stored (never the full User-Agent string, which can single a device out).
 */
export function coarseUserAgent(ua: string | undefined): string | null {
  if (!ua) return null;
  const browser =
    /Edg(e|A|iOS)?\//.test(ua) ? 'Edge'
    : /OPR\/|Opera/.test(ua) ? 'Opera'
    : /SamsungBrowser\//.test(ua) ? 'Samsung Internet'
    : /Firefox\/|FxiOS\//.test(ua) ? 'Firefox'
    : /Chrom(e|ium)\/|CriOS\//.test(ua) ? 'Chrome'
    : /Safari\//.test(ua) && /Version\//.test(ua) ? 'Safari'
    : /^curl\//.test(ua) ? 'curl'
    : null;
  const os =
    /Android/.test(ua) ? 'Android'
    : /iPhone|iPad|iPod/.test(ua) ? 'iOS'
    : /CrOS/.test(ua) ? 'ChromeOS'
    : /Windows/.test(ua) ? 'Windows'
    : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
    : /Linux|X11/.test(ua) ? 'Linux'
    : null;
  const parts = [browser, os].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : null;
}
