/** Resolves a session cookie token to the signed-in user, sliding its expiry. */
import type { Store } from '../../store/store.js';
import { tokenDigest } from '../../crypto/random.js';
import { isRole, type Role } from '../../domain/user/roles.js';
import { sessionExpiry } from './sessions.js';

export interface Authenticated {
  sessionId: string;
  /** the public id of the session (lists, revocation) */
  handle: string;
  csrf: string;
  /** 'second_factor': the password was right and the code is awaited; only that step (and sign-out) is open */
  stage: 'second_factor' | 'complete';
  /** when this session last proved its password (and code): sign-in or re-authentication */
  reauthAt: string | null;
  user: {
    id: string; role: Role; orgId: string; displayName: string; email: string; lang: string | null; mustChangePassword: boolean;
    /** enrolled: has a TOTP second factor; required: their role must have one (so until enrolled, only enrolment is open) */
    secondFactor: { enrolled: boolean; required: boolean };
  };
}

/**
 * `touch: false` only checks (e.g. a status poll), so polling never keeps an idle session alive.
 * A sign-in still waiting for its second factor is not a session: it resolves only with `allowPending`.
 */
export async function authenticate(store: Store, token: string, now: string, opts: { touch?: boolean; allowPending?: boolean } = {}): Promise<Authenticated | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = tokenDigest(token);
  const s = await store.sessions.byId(id);
  if (!s) return null;
  if (s.expires_at <= now) {
    await store.sessions.delete(id);
    return null;
  }
  if (s.stage !== 'complete' && !opts.allowPending) return null;
  const u = await store.users.byId(s.user_id);
  if (!u || u.disabled || !isRole(u.role)) {
    await store.sessions.delete(id);
    return null;
  }
  // Slide the idle timeout at most once a minute to spare writes (a pending sign-in never slides).
  if (s.stage === 'complete' && opts.touch !== false && Date.parse(now) - Date.parse(s.last_seen_at) > 60_000) await store.sessions.touch(id, now, sessionExpiry(s.created_at, now));
  const enrolled = u.totp_enrolled_at !== null && u.totp_secret !== null;
  const required = await store.secondFactor.roleRequiresTotp(u.role);
  return {
    sessionId: id, handle: s.handle, csrf: s.csrf, stage: s.stage, reauthAt: s.reauth_at,
    user: { id: u.id, role: u.role, orgId: u.org_id, displayName: u.display_name, email: u.email, lang: u.lang, mustChangePassword: u.must_change_password === 1, secondFactor: { enrolled, required } },
  };
}
