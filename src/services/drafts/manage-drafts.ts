/**
 * Drafts of the incident form, saved on the server as a person types (ux.md: never in browser
 * storage, never lost). A draft is private to its author and removed when the incident is saved.
 * The audit log records a draft being started and discarded ('draft.created', 'draft.deleted':
 * ids only), not each autosave: the form saves every few seconds while someone types, which
 * would bury the log in entries that say nothing new (the draft is private to its author, and
 * what it becomes is audited as the incident is saved).
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { uuid } from '../../domain/text.js';
import { notFound, forbidden, ServiceError } from '../errors.js';

export const MAX_DRAFT_BYTES = 256 * 1024;
export const putDraftSchema = z.object({ incidentId: uuid.nullable().optional(), data: z.record(z.string(), z.unknown()) }).strict();

export async function putDraft(ctx: ServiceContext, id: string, input: z.infer<typeof putDraftSchema>): Promise<{ id: string; updatedAt: string }> {
  requirePermission(ctx, 'incident.create');
  const data = JSON.stringify(input.data);
  if (Buffer.byteLength(data) > MAX_DRAFT_BYTES) throw new ServiceError(413, 'too_large', `data: a draft may hold at most ${MAX_DRAFT_BYTES / 1024} KB`);
  if (await ctx.store.drafts.idOwnedByOther(id, ctx.user.id)) throw forbidden();
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    const existed = await tx.db.selectFrom('drafts').select('id').where('id', '=', id).executeTakeFirst();
    await tx.drafts.put(id, ctx.user.id, input.incidentId ?? null, data, now);
    if (!existed) await tx.audit.add({ at: now, userId: ctx.user.id, action: 'draft.created', targetType: 'draft', targetId: id, ...(input.incidentId ? { detail: { incident: input.incidentId } } : {}) });
  });
  return { id, updatedAt: now };
}

export async function getDraft(ctx: ServiceContext, id: string) {
  const d = await ctx.store.drafts.get(id, ctx.user.id);
  if (!d) throw notFound('draft');
  return { id: d.id, incidentId: d.incident_id, updatedAt: d.updated_at, data: JSON.parse(d.data) as Record<string, unknown> };
}

export async function listDrafts(ctx: ServiceContext) {
  const rows = await ctx.store.drafts.listForUser(ctx.user.id);
  return rows.map((d) => {
    const data = JSON.parse(d.data) as Record<string, unknown>;
    return { id: d.id, incidentId: d.incident_id, updatedAt: d.updated_at, title: typeof data['title'] === 'string' ? data['title'].slice(0, 120) : '' };
  });
}

export async function deleteDraft(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const mine = await tx.db.selectFrom('drafts').select('id').where('id', '=', id).where('user_id', '=', ctx.user.id).executeTakeFirst();
    if (!mine) return;
    await tx.drafts.delete(id, ctx.user.id);
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'draft.deleted', targetType: 'draft', targetId: id });
  });
}
