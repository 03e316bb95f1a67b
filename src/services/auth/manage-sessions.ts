/**
 * Sessions as people see them: each user lists and ends their own; an admin lists and ends
 * anyone's. Lists carry the public handle, never the token or its digest. Every ending writes its
 * audit event (ids and counts only) in the same transaction.
 */
import type { Store } from '../../store/store.js';
import type { SessionRow } from '../../store/repositories/session-repository.js';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { notFound } from '../errors.js';

export interface SessionView {
  handle: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** "Firefox · Linux", or null when the browser did not say */
  device: string | null;
  /** signed in with a second factor */
  secondFactor: boolean;
  /** the session making this request */
  current: boolean;
}

const present = (s: SessionRow, currentId: string | null): SessionView => ({
  handle: s.handle, createdAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at, device: s.user_agent, secondFactor: s.second_factor_at !== null, current: s.id === currentId,
});

export async function listOwnSessions(store: Store, userId: string, currentId: string, now: string): Promise<SessionView[]> {
  return (await store.sessions.listForUser(userId, now)).map((s) => present(s, currentId));
}

/** Ends one of one's own sessions by its handle; answers whether it was the current one (the caller clears the cookie). */
export async function endOwnSession(store: Store, userId: string, currentId: string, handle: string, now: string): Promise<{ current: boolean }> {
  return store.transaction(async (tx) => {
    const s = await tx.sessions.byHandle(userId, handle);
    if (!s) throw notFound('session');
    await tx.sessions.delete(s.id);
    await tx.audit.add({ at: now, userId, action: 'auth.session_ended', targetType: 'user', targetId: userId, detail: { current: s.id === currentId } });
    return { current: s.id === currentId };
  });
}

/** Ends every other session of one's own (signed in elsewhere, a lost phone …). */
export async function endOtherSessions(store: Store, userId: string, currentId: string, now: string): Promise<{ ended: number }> {
  return store.transaction(async (tx) => {
    const ended = await tx.sessions.deleteForUserExcept(userId, currentId);
    await tx.audit.add({ at: now, userId, action: 'auth.other_sessions_ended', targetType: 'user', targetId: userId, detail: { ended } });
    return { ended };
  });
}

export async function listUserSessions(ctx: ServiceContext, userId: string, currentId: string): Promise<SessionView[]> {
  requirePermission(ctx, 'users.admin');
  if (!(await ctx.store.users.byId(userId))) throw notFound('user');
  return (await ctx.store.sessions.listForUser(userId, ctx.now())).map((s) => present(s, currentId));
}

/** An admin ends every session of an account (its owner must sign in again). */
export async function endUserSessions(ctx: ServiceContext, userId: string): Promise<{ ended: number }> {
  requirePermission(ctx, 'users.admin');
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.users.byId(userId))) throw notFound('user');
    const ended = await tx.sessions.deleteForUser(userId);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'user.sessions_ended', targetType: 'user', targetId: userId, detail: { ended } });
    return { ended };
  });
}
