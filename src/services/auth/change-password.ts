/**
 * A signed-in user changes their own password (also how a temporary password set by an admin is
 * replaced). Every other session of that user ends in the same transaction; this one stays.
 */
import type { Store } from '../../store/store.js';
import { hashPassword, verifyPassword } from '../../crypto/kdf.js';
import { ServiceError } from '../errors.js';

export async function changePassword(store: Store, userId: string, sessionId: string, current: string, next: string, now: string): Promise<{ otherSessionsEnded: number }> {
  const u = await store.users.byId(userId);
  if (!u || !(await verifyPassword(u.password_hash, current))) throw new ServiceError(400, 'invalid', 'current: the current password is not right', [{ path: 'current', message: 'the current password is not right', code: 'wrong_password' }]);
  if (current === next) throw new ServiceError(400, 'invalid', 'password: choose a new password', [{ path: 'password', message: 'choose a new password', code: 'same_password' }]);
  const hash = await hashPassword(next);
  return store.transaction(async (tx) => {
    await tx.users.update(userId, { password_hash: hash, must_change_password: 0, updated_at: now });
    const ended = await tx.sessions.deleteForUserExcept(userId, sessionId);
    await tx.audit.add({ at: now, userId, action: 'user.password_changed', targetType: 'user', targetId: userId, detail: { otherSessionsEnded: ended } });
    return { otherSessionsEnded: ended };
  });
}
