/** Resolves a session cookie token to the signed-in user, sliding its expiry. */
import type { Store } from '../../store/store.js';
import { tokenDigest } from '../../crypto/random.js';
import { isRole, type Role } from '../../domain/user/roles.js';
import { sessionExpiry } from './sessions.js';

export interface Authenticated {
  sessionId: string;
  csrf: string;
  user: { id: string; role: Role; orgId: string; displayName: string; email: string; lang: string | null; mustChangePassword: boolean };
}

/** `touch: false` only checks (e.g. a status poll), so polling never keeps an idle session alive. */
export async function authenticate(store: Store, token: string, now: string, opts: { touch?: boolean } = {}): Promise<Authenticated | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = tokenDigest(token);
  const s = await store.sessions.byId(id);
  if (!s) return null;
  if (s.expires_at <= now) {
    await store.sessions.delete(id);
    return null;
  }
  const u = await store.users.byId(s.user_id);
  if (!u || u.disabled || !isRole(u.role)) {
    await store.sessions.delete(id);
    return null;
  }
  // Slide the idle timeout at most once a minute to spare writes.
  if (opts.touch !== false && Date.parse(now) - Date.parse(s.last_seen_at) > 60_000) await store.sessions.touch(id, now, sessionExpiry(s.created_at, now));
  return { sessionId: id, csrf: s.csrf, user: { id: u.id, role: u.role, orgId: u.org_id, displayName: u.display_name, email: u.email, lang: u.lang, mustChangePassword: u.must_change_password === 1 } };
}
