/**
 * Groups of users (e.g. "legal team", "Tapachula shelter"), to share restricted incidents with many
 * people at once. Admins manage them; everyone who reads incidents sees the directory of names
 * (no e-mails) to choose whom to share with.
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { uuid, line } from '../../domain/text.js';
import { newId } from '../../crypto/random.js';
import { conflict, notFound, invalid } from '../errors.js';

export const groupSchema = z.object({ name: line(80, 1), members: z.array(uuid).max(1000).default([]) }).strict();

export interface GroupView { id: string; name: string; members: string[] }

export async function listGroups(ctx: ServiceContext): Promise<GroupView[]> {
  requirePermission(ctx, 'users.admin');
  const [groups, members] = await Promise.all([ctx.store.shares.listGroups(), ctx.store.shares.allMembers()]);
  return groups.map((g) => ({ id: g.id, name: g.name, members: members.get(g.id) ?? [] }));
}

async function checkMembers(ctx: ServiceContext, members: string[]): Promise<void> {
  const users = new Set((await ctx.store.users.list()).map((u) => u.id));
  const problems = members.flatMap((m, i) => (users.has(m) ? [] : [{ path: `members[${i}]`, message: 'no such user', code: 'no_such_user' }]));
  if (problems.length) throw invalid(problems);
}

export async function createGroup(ctx: ServiceContext, input: z.infer<typeof groupSchema>): Promise<GroupView> {
  requirePermission(ctx, 'users.admin');
  const id = newId();
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    if (await tx.shares.groupByName(input.name)) throw conflict('name: a group with this name already exists');
    await checkMembers({ ...ctx, store: tx }, input.members);
    await tx.shares.createGroup({ id, name: input.name, created_at: now, created_by: ctx.user.id });
    await tx.shares.setMembers(id, [...new Set(input.members)]);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'group.created', targetType: 'group', targetId: id, detail: { members: [...new Set(input.members)] } });
  });
  return { id, name: input.name, members: [...new Set(input.members)] };
}

export async function updateGroup(ctx: ServiceContext, id: string, input: z.infer<typeof groupSchema>): Promise<GroupView> {
  requirePermission(ctx, 'users.admin');
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.shares.groupById(id))) throw notFound('group');
    const other = await tx.shares.groupByName(input.name);
    if (other && other.id !== id) throw conflict('name: a group with this name already exists');
    await checkMembers({ ...ctx, store: tx }, input.members);
    const before = new Set(await tx.shares.members(id));
    const after = new Set(input.members);
    await tx.shares.renameGroup(id, input.name);
    await tx.shares.setMembers(id, [...after]);
    await tx.audit.add({
      at: now, userId: ctx.user.id, action: 'group.updated', targetType: 'group', targetId: id,
      detail: { added: [...after].filter((u) => !before.has(u)), removed: [...before].filter((u) => !after.has(u)) },
    });
  });
  return { id, name: input.name, members: [...new Set(input.members)] };
}

export async function deleteGroup(ctx: ServiceContext, id: string): Promise<void> {
  requirePermission(ctx, 'users.admin');
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.shares.groupById(id))) throw notFound('group');
    const orphans = await tx.shares.incidentsOnlySharedWithGroup(id);
    if (orphans > 0) throw conflict(`group: ${orphans} restricted incident(s) are shared only with this group; share them with someone else first`);
    await tx.shares.deleteGroup(id);
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'group.deleted', targetType: 'group', targetId: id });
  });
}

/** Names to share with: active users (display names only) and groups. */
export async function directory(ctx: ServiceContext): Promise<{ users: { id: string; displayName: string }[]; groups: { id: string; name: string }[] }> {
  requirePermission(ctx, 'incident.read');
  const [users, groups] = await Promise.all([ctx.store.users.list(), ctx.store.shares.listGroups()]);
  return { users: users.filter((u) => !u.disabled).map((u) => ({ id: u.id, displayName: u.display_name })), groups: groups.map((g) => ({ id: g.id, name: g.name })) };
}
