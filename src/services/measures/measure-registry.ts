/**
 * The protection measures registry (ADR 0018, `response.read`): every measure of the people and
 * organisations the reader may see (the actor list's need-to-know rule), with whether its renewal
 * is due (in force and expiring within the workspace's renewal days) and whether it has expired;
 * renewals due first, then by expiry. The values are those the person's page shows the same
 * reader (kind, status, reference, dates, what it includes); the measure's notes stay there.
 */
import { z } from 'zod';
import type { RegistryItem } from '../../domain/actor/view.js';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { vocabCode } from '../../domain/text.js';
import { measureRegistryOf } from '../../store/repositories/measure-registry.js';
import { compareRegistry, renewalState } from '../../domain/alerts/renewal.js';

export const registryQuerySchema = z.object({
  status: vocabCode.optional(),
  due: z.enum(['true', 'false']).optional(),
}).strict();


export const REGISTRY_LIMIT = 5000;

export async function measureRegistry(ctx: ServiceContext, query: unknown = {}): Promise<{ items: RegistryItem[] }> {
  requirePermission(ctx, 'response.read');
  const q = parseInput(registryQuerySchema, query);
  const today = ctx.now().slice(0, 10);
  const { renewalDays } = await ctx.store.settings.alertSettings();
  const rows = await measureRegistryOf(ctx.store).visible({ userId: ctx.user.id }, REGISTRY_LIMIT);
  const items: RegistryItem[] = rows
    .filter((r) => !q.status || r.status === q.status || r.status.startsWith(`${q.status}.`))
    .map((r) => ({
      id: r.id, actorId: r.actorId, actorKind: r.actorKind, pseudonym: r.pseudonym, kind: r.kind, status: r.status,
      ...(r.reference !== null ? { reference: r.reference } : {}),
      ...(r.granted !== null ? { granted: r.granted } : {}),
      ...(r.expires !== null ? { expires: r.expires } : {}),
      ...(r.includes !== null ? { includes: r.includes } : {}),
      ...renewalState(r, today, renewalDays),
    }))
    .filter((m) => q.due !== 'true' || m.renewalDue);
  items.sort(compareRegistry);
  return { items };
}
