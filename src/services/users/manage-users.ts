/** User administration by admins: list, create, change role or disable, reset a password. */
import type { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { hashPassword } from '../../crypto/kdf.js';
import { newId } from '../../crypto/random.js';
import { conflict, notFound, ServiceError } from '../errors.js';
import type { createUserSchema, updateUserSchema } from './user-schemas.js';
import type { UserRow } from '../../store/repositories/user-repository.js';

export interface UserView { id: string; email: string; displayName: string; role: string; orgId: string; disabled: boolean; mustChangePassword: boolean; lang: string | null; lastLoginAt: string | null; createdAt: string; secondFactor: boolean }

export const presentUser = (u: UserRow): UserView => ({
  id: u.id, email: u.email, displayName: u.display_name, role: u.role, orgId: u.org_id, disabled: u.disabled === 1,
  mustChangePassword: u.must_change_password === 1, lang: u.lang, lastLoginAt: u.last_login_at, createdAt: u.created_at,
  secondFactor: u.totp_enrolled_at !== null,
});

export async function listUsers(ctx: ServiceContext): Promise<UserView[]> {
  requirePermission(ctx, 'users.admin');
  return (await ctx.store.users.list()).map(presentUser);
}

export async function createUser(ctx: ServiceContext, input: z.infer<typeof createUserSchema>): Promise<UserView> {
  requirePermission(ctx, 'users.admin');
  if (await ctx.store.users.byEmail(input.email)) throw new ServiceError(409, 'conflict', 'email: an account with this e-mail already exists', [{ path: 'email', message: 'an account with this e-mail already exists', code: 'email_taken' }]);
  const orgs = await ctx.store.users.organisations();
  const orgId = input.orgId ?? ctx.user.orgId;
  if (!orgs.some((o) => o.id === orgId)) throw new ServiceError(400, 'invalid', 'orgId: no such organisation', [{ path: 'orgId', message: 'no such organisation', code: 'no_such_organisation' }]);
  const now = ctx.now();
  const row: UserRow = {
    id: newId(), email: input.email, display_name: input.displayName, role: input.role, org_id: orgId, password_hash: await hashPassword(input.password),
    must_change_password: 1, disabled: 0, lang: input.lang ?? null, created_at: now, updated_at: now, last_login_at: null, failed_logins: 0, locked_until: null,
    totp_secret: null, totp_pending: null, totp_enrolled_at: null, totp_last_step: null,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.users.insert(row);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'user.created', targetType: 'user', targetId: row.id, detail: { role: row.role } });
  });
  return presentUser(row);
}

export async function updateUser(ctx: ServiceContext, id: string, patch: z.infer<typeof updateUserSchema>): Promise<UserView> {
  requirePermission(ctx, 'users.admin');
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const u = await tx.users.byId(id);
    if (!u) throw notFound('user');
    const losesAdmin = u.role === 'admin' && u.disabled === 0 && ((patch.role && patch.role !== 'admin') || patch.disabled === true);
    if (losesAdmin && (await tx.users.countActiveAdmins()) <= 1) throw conflict('the last active admin cannot be demoted or disabled');
    const set: Partial<UserRow> = { updated_at: now };
    if (patch.displayName !== undefined) set.display_name = patch.displayName;
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
    if (patch.lang !== undefined) set.lang = patch.lang;
    await tx.users.update(id, set);
    if (patch.disabled || (patch.role && patch.role !== u.role)) await tx.sessions.deleteForUser(id);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'user.updated', targetType: 'user', targetId: id, detail: { fields: Object.keys(patch) } });
    return presentUser((await tx.users.byId(id))!);
  });
}

/** Sets a temporary password the user must change at next sign-in; ends their sessions. */
export async function resetPassword(ctx: ServiceContext, id: string, password: string): Promise<void> {
  requirePermission(ctx, 'users.admin');
  const now = ctx.now();
  const hash = await hashPassword(password);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.users.byId(id))) throw notFound('user');
    await tx.users.update(id, { password_hash: hash, must_change_password: 1, failed_logins: 0, locked_until: null, updated_at: now });
    await tx.sessions.deleteForUser(id);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'user.password_reset', targetType: 'user', targetId: id });
  });
}
