/**
 * Who an incident is shared with (need-to-know). Anyone who can see an incident can see its
 * shares (to know who may read it); whoever may edit it can change them. A restricted incident
 * must stay shared with at least one person or group. Every change is audited with ids only.
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { uuid } from '../../domain/text.js';
import { canEditIncident } from './save-incident.js';
import { visibleIncident } from './incident-access.js';
import { forbidden, invalid } from '../errors.js';
import type { FieldProblem } from '../../domain/incident/check-codes.js';

export const sharesSchema = z
  .object({
    shares: z.array(z.object({ type: z.enum(['user', 'group']), id: uuid, identifying: z.boolean().default(false) }).strict()).max(500),
  })
  .strict();

export interface SharesView { confidentiality: string; canChange: boolean; shares: { type: 'user' | 'group'; id: string; name: string; identifying: boolean }[] }

export async function getShares(ctx: ServiceContext, id: string): Promise<SharesView> {
  requirePermission(ctx, 'incident.read');
  const { inc } = await visibleIncident(ctx, id);
  const [shares, users, groups] = await Promise.all([ctx.store.shares.sharesOf(id), ctx.store.users.list(), ctx.store.shares.listGroups()]);
  const names = new Map<string, string>([...users.map((u) => [`user:${u.id}`, u.display_name] as const), ...groups.map((g) => [`group:${g.id}`, g.name] as const)]);
  return {
    confidentiality: inc.confidentiality,
    canChange: canEditIncident(ctx, inc),
    shares: shares.map((s) => ({ ...s, name: names.get(`${s.type}:${s.id}`) ?? '?' })),
  };
}

export async function setShares(ctx: ServiceContext, id: string, input: z.infer<typeof sharesSchema>): Promise<SharesView> {
  requirePermission(ctx, 'incident.read');
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    const { inc } = await visibleIncident({ ...ctx, store: tx }, id, tx);
    if (!canEditIncident(ctx, inc)) throw forbidden('you may not change who this incident is shared with');
    const users = new Set((await tx.users.list()).map((u) => u.id));
    const groups = new Set((await tx.shares.listGroups()).map((g) => g.id));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    input.shares.forEach((s, i) => {
      if (!(s.type === 'user' ? users : groups).has(s.id)) problems.push({ path: `shares[${i}].id`, message: s.type === 'user' ? 'no such user' : 'no such group', code: s.type === 'user' ? 'no_such_user' : 'no_such_group' });
      if (seen.has(`${s.type}:${s.id}`)) problems.push({ path: `shares[${i}]`, message: 'is listed twice', code: 'duplicate' });
      seen.add(`${s.type}:${s.id}`);
    });
    if (inc.confidentiality === 'restricted' && input.shares.length === 0) {
      problems.push({ path: 'shares', message: 'a restricted incident must be shared with at least one person or group', code: 'restricted_needs_share' });
    }
    if (problems.length) throw invalid(problems);
    const before = await tx.shares.sharesOf(id);
    await tx.shares.replaceShares(id, input.shares, ctx.user.id, now);
    const key = (s: { type: string; id: string; identifying: boolean }) => `${s.type}:${s.id}${s.identifying ? ':identifying' : ''}`;
    const was = new Set(before.map(key));
    const is = new Set(input.shares.map(key));
    await tx.audit.add({
      at: now, userId: ctx.user.id, action: 'incident.shares_changed', targetType: 'incident', targetId: id,
      detail: { added: [...is].filter((k) => !was.has(k)), removed: [...was].filter((k) => !is.has(k)) },
    });
  });
  return getShares(ctx, id).catch(() => ({ confidentiality: 'restricted', canChange: false, shares: [] }));
}
