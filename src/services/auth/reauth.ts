/**
 * Re-authentication: before changing security settings or exporting identifying data, the person
 * at the keyboard proves again that they hold the password (and, when enrolled, the authenticator).
 * It stamps the session; routes with the `recentAuth` policy accept the stamp for 5 minutes
 * (sessions.ts REAUTH_MAX_AGE_MS). Wrong answers count toward the account lockout, and a lockout
 * ends the session that caused it.
 */
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import { verifyPassword } from '../../crypto/kdf.js';
import { ServiceError, tooMany, unauthorised } from '../errors.js';
import { codeSchema, countFailure, isEnrolled, useSecondFactor, type KeySource } from './second-factor.js';
import { wipe } from '../../crypto/random.js';

export const reauthSchema = z.object({ password: z.string().max(200), code: codeSchema.optional() }).strict();

const wrong = (path: 'password' | 'code', code: string, message: string) => new ServiceError(400, 'invalid', `${path}: ${message}`, [{ path, message, code }]);

export async function reauthenticate(store: Store, keys: KeySource, session: { sessionId: string; userId: string }, input: z.infer<typeof reauthSchema>, now: string): Promise<{ reauthAt: string }> {
  const u = await store.users.byId(session.userId);
  if (!u || u.disabled) throw unauthorised();
  if (u.locked_until && u.locked_until > now) throw tooMany('too many failed attempts; try again later');
  const fail = async (e: ServiceError): Promise<never> => {
    const locked = await store.transaction(async (tx) => {
      const l = await countFailure(tx, u, now, 'auth.reauth_failed');
      if (l) await tx.sessions.delete(session.sessionId);
      return l;
    });
    throw locked ? unauthorised('too many failed attempts; sign in again later') : e;
  };
  if (!(await verifyPassword(u.password_hash, input.password))) return fail(wrong('password', 'wrong_password', 'the password is not right'));
  const enrolled = isEnrolled(u);
  if (enrolled && !input.code) throw wrong('code', 'code_required', 'enter the code from your authenticator app');
  const key = enrolled ? keys() : null;
  try {
    const ok = await store.transaction(async (tx) => {
      if (enrolled && !(await useSecondFactor(tx, key!, u, { code: input.code! }, now))) return false;
      await tx.sessions.markReauthenticated(session.sessionId, now);
      await tx.users.update(u.id, { failed_logins: 0 });
      await tx.audit.add({ at: now, userId: u.id, action: 'auth.reauthenticated', targetType: 'user', targetId: u.id });
      return true;
    });
    if (!ok) return fail(wrong('code', 'wrong_code', 'the code is not right'));
    return { reauthAt: now };
  } finally {
    wipe(key);
  }
}
