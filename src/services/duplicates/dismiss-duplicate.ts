/**
 * "Not a duplicate": a pair of incidents remembered so it is not suggested again (ADR 0023). Both
 * must be live and visible to the person (a restricted one only when shared with them: otherwise
 * 404, as if it did not exist); audited with the two ids.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { notFound } from '../errors.js';
import { dismissSchema } from '../../domain/duplicates/schema.js';
import { duplicates } from './duplicate-view.js';

export async function dismissDuplicate(ctx: ServiceContext, raw: unknown): Promise<void> {
  requirePermission(ctx, 'incident.edit_any');
  const { a, b } = parseInput(dismissSchema, raw);
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    const repo = duplicates(tx);
    for (const id of [a, b]) if (!(await repo.row(id, { userId: ctx.user.id }))) throw notFound('incident');
    if (await repo.dismiss(a, b, ctx.user.id, now)) {
      await tx.audit.add({ at: now, userId: ctx.user.id, action: 'incident.duplicate_dismissed', targetType: 'incident', targetId: a, detail: { other: b } });
    }
  });
}
