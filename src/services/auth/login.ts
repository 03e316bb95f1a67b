/**
 * Sign in with e-mail and password. The answer is the same for an unknown account, a wrong
 * password and a disabled account, and takes the same time (a dummy Argon2id verify). After
 * repeated failures the account is locked for a while.
 */
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import { verifyPassword, dummyPasswordHash } from '../../crypto/kdf.js';
import { randomToken, tokenDigest } from '../../crypto/random.js';
import { ServiceError, tooMany } from '../errors.js';
import { sessionExpiry, MAX_FAILED_LOGINS, LOCKOUT_MS } from './sessions.js';

export const loginSchema = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(200) }).strict();

export interface LoginResult {
  token: string;
  csrf: string;
  userId: string;
}

export async function login(store: Store, input: z.infer<typeof loginSchema>, userAgent: string | undefined, now: string): Promise<LoginResult> {
  const user = await store.users.byEmail(input.email);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new ServiceError(401, 'bad_credentials', 'e-mail or password is not right');
  }
  if (user.locked_until && user.locked_until > now) throw tooMany('too many failed sign-ins; try again later');
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok || user.disabled) {
    if (!ok) {
      const failed = user.failed_logins + 1;
      await store.transaction(async (tx) => {
        await tx.users.update(user.id, {
          failed_logins: failed >= MAX_FAILED_LOGINS ? 0 : failed,
          locked_until: failed >= MAX_FAILED_LOGINS ? new Date(Date.parse(now) + LOCKOUT_MS).toISOString() : user.locked_until,
        });
        await tx.audit.add({ at: now, userId: user.id, action: 'auth.login_failed', targetType: 'user', targetId: user.id });
      });
    }
    throw new ServiceError(401, 'bad_credentials', 'e-mail or password is not right');
  }
  const token = randomToken();
  const csrf = randomToken();
  await store.transaction(async (tx) => {
    await tx.sessions.deleteExpired(now);
    await tx.sessions.insert({ id: tokenDigest(token), user_id: user.id, csrf, created_at: now, last_seen_at: now, expires_at: sessionExpiry(now, now), user_agent: userAgent?.slice(0, 200) ?? null });
    await tx.users.update(user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
    await tx.audit.add({ at: now, userId: user.id, action: 'auth.login', targetType: 'user', targetId: user.id });
  });
  return { token, csrf, userId: user.id };
}
