/**
 * Sign in with e-mail and password. The answer is the same for an unknown account, a wrong
 * password and a disabled account, and takes the same time (a dummy Argon2id verify). After
 * repeated failures the account is locked for a while.
 *
 * With a second factor enrolled, a right password opens only a waiting sign-in (stage
 * 'second_factor', 5 minutes, no sliding) that can do nothing but give the code
 * (second-factor.ts); the failure count is not reset until the code is right, so wrong codes and
 * wrong passwords add up to the same lockout. Whatever session token the browser presented is
 * ended, never reused: signing in always issues a fresh one (session fixation).
 */
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import { verifyPassword, dummyPasswordHash } from '../../crypto/kdf.js';
import { randomToken, tokenDigest } from '../../crypto/random.js';
import { ServiceError, tooMany } from '../errors.js';
import { sessionExpiry, secondFactorExpiry, coarseUserAgent } from './sessions.js';
import { countFailure, isEnrolled } from './second-factor.js';

export const loginSchema = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(200) }).strict();

export interface LoginResult {
  token: string;
  csrf: string;
  userId: string;
  /** 'second_factor': send the code to POST /api/v1/session/second-factor next */
  stage: 'second_factor' | 'complete';
}

export async function login(store: Store, input: z.infer<typeof loginSchema>, userAgent: string | undefined, now: string, opts: { presentedToken?: string | undefined } = {}): Promise<LoginResult> {
  const user = await store.users.byEmail(input.email);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    // recorded without the address typed (it may be someone's real e-mail, or a password typed in the wrong box)
    await store.audit.add({ at: now, userId: null, action: 'auth.login_failed', detail: { reason: 'unknown_account' } });
    throw new ServiceError(401, 'bad_credentials', 'e-mail or password is not right');
  }
  if (user.locked_until && user.locked_until > now) {
    await store.audit.add({ at: now, userId: user.id, action: 'auth.login_refused', targetType: 'user', targetId: user.id, detail: { reason: 'locked' } });
    throw tooMany('too many failed sign-ins; try again later');
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok || user.disabled) {
    if (!ok) await store.transaction((tx) => countFailure(tx, user, now, 'auth.login_failed'));
    else await store.audit.add({ at: now, userId: user.id, action: 'auth.login_refused', targetType: 'user', targetId: user.id, detail: { reason: 'disabled' } });
    throw new ServiceError(401, 'bad_credentials', 'e-mail or password is not right');
  }
  const waits = isEnrolled(user);
  const token = randomToken();
  const csrf = randomToken();
  await store.transaction(async (tx) => {
    await tx.sessions.deleteExpired(now);
    if (opts.presentedToken) await tx.sessions.delete(tokenDigest(opts.presentedToken));
    await tx.sessions.insert({
      id: tokenDigest(token), user_id: user.id, csrf, stage: waits ? 'second_factor' : 'complete', created_at: now, last_seen_at: now,
      expires_at: waits ? secondFactorExpiry(now) : sessionExpiry(now, now), user_agent: coarseUserAgent(userAgent), reauth_at: waits ? null : now,
    });
    if (waits) {
      await tx.audit.add({ at: now, userId: user.id, action: 'auth.password_accepted', targetType: 'user', targetId: user.id });
    } else {
      await tx.users.update(user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
      await tx.audit.add({ at: now, userId: user.id, action: 'auth.login', targetType: 'user', targetId: user.id });
    }
  });
  return { token, csrf, userId: user.id, stage: waits ? 'second_factor' : 'complete' };
}
