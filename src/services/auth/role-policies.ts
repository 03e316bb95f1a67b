/**
 * Which roles must sign in with a second factor. Set by admins; a person in such a role who has
 * none can, once signed in, only set one up (the route pipeline enforces it on every request, so
 * a change applies at once, also to sessions already open).
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { ROLES, type Role } from '../../domain/user/roles.js';

export const rolePolicySchema = z.object({ requireSecondFactor: z.boolean() }).strict();
export const roleParams = z.object({ role: z.enum(ROLES) }).strict();

export interface RolePolicyView {
  role: Role;
  requireSecondFactor: boolean;
  /** accounts in the role, and how many of them have a second factor */
  accounts: number;
  enrolled: number;
}

export async function listRolePolicies(ctx: ServiceContext): Promise<RolePolicyView[]> {
  requirePermission(ctx, 'users.admin');
  const rows = new Map((await ctx.store.secondFactor.rolePolicies()).map((r) => [r.role, r.require_totp === 1]));
  const users = (await ctx.store.users.list()).filter((u) => u.disabled === 0);
  return ROLES.map((role) => {
    const inRole = users.filter((u) => u.role === role);
    return { role, requireSecondFactor: rows.get(role) ?? false, accounts: inRole.length, enrolled: inRole.filter((u) => u.totp_enrolled_at !== null).length };
  });
}

export async function setRolePolicy(ctx: ServiceContext, role: Role, requireSecondFactor: boolean): Promise<RolePolicyView[]> {
  requirePermission(ctx, 'users.admin');
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await tx.secondFactor.setRoleRequiresTotp(role, requireSecondFactor, now, ctx.user.id);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'security.role_policy_changed', targetType: 'role', targetId: role, detail: { requireSecondFactor } });
  });
  return listRolePolicies(ctx);
}
