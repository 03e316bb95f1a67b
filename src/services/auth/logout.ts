import type { Store } from '../../store/store.js';

export async function logout(store: Store, sessionId: string, userId: string, now: string): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.sessions.delete(sessionId);
    await tx.audit.add({ at: now, userId, action: 'auth.logout', targetType: 'user', targetId: userId });
  });
}
