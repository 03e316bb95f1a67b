/**
 * Who may own an urgent case: active accounts whose role reads urgent cases — for an incident
 * given, only those who may also see it (a restricted incident's case goes to someone it is shared with).
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { uuid } from '../../domain/text.js';
import type { PersonRef } from '../../domain/urgent/view.js';
import { requireVisible } from '../incidents/incident-access.js';
import { OWNER_ROLES } from './open-urgent-case.js';

export const ownersQuerySchema = z.object({ incident: uuid.optional() }).strict();
export type OwnersQuery = z.input<typeof ownersQuerySchema>;

export async function urgentOwners(ctx: ServiceContext, raw: OwnersQuery = {}): Promise<{ items: PersonRef[] }> {
  requirePermission(ctx, 'response.read');
  const q = parseInput(ownersQuerySchema, raw);
  const people = await ctx.store.urgent.ownerCandidates(OWNER_ROLES);
  if (!q.incident) return { items: people };
  await requireVisible(ctx, q.incident);
  const incident = q.incident;
  const visible = await Promise.all(people.map(async (p) => (await ctx.store.shares.access(incident, { userId: p.id })).visible));
  return { items: people.filter((_, i) => visible[i]) };
}
