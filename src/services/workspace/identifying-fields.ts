/**
 * Free-text fields an admin marks identifying for the whole workspace (e.g. the summary, when a
 * network's summaries name people). Once marked, a field is treated like names and testimonies:
 * sealed in the store, masked or redacted in every answer, left out of the search index, recorded
 * in the history as "changed" without values — and what the history held before is scrubbed.
 * Unmarking opens the values again. Existing records are rewritten in small transactions after the
 * rule changes (reads accept both forms meanwhile), with progress for the caller.
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { MARKABLE_FIELDS, isMarkableField, type MarkableField } from '../../domain/incident/identifying.js';
import { isIdentifyingPath } from '../../domain/incident/history.js';
import { incidentToInput } from '../../domain/incident/view.js';
import { actorToInput } from '../../domain/actor/view.js';
import { incidentSearchText } from '../../domain/incident/search-text.js';
import { indexIncident } from '../../store/search/incident-search.js';
import type { IncidentWithIds } from '../../store/repositories/incident-repository.js';

export const identifyingFieldsSchema = z.object({ fields: z.array(z.enum(MARKABLE_FIELDS)).max(MARKABLE_FIELDS.length) }).strict();

export function identifyingFields(ctx: ServiceContext): { fields: MarkableField[]; markable: readonly MarkableField[] } {
  return { fields: [...ctx.store.policy.marked].sort(), markable: MARKABLE_FIELDS };
}

const BATCH = 200;

export async function setIdentifyingFields(ctx: ServiceContext, input: z.infer<typeof identifyingFieldsSchema>, onProgress?: (done: number) => void): Promise<{ fields: MarkableField[]; incidents: number; people: number; revisions: number }> {
  requirePermission(ctx, 'users.admin');
  const fields = [...new Set(input.fields)].filter(isMarkableField).sort();
  const before = new Set(ctx.store.policy.marked);
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await tx.settings.setIdentifyingFields(fields);
    await tx.audit.add({
      at: now, userId: ctx.user.id, action: 'identifying_fields.changed', targetType: 'workspace',
      detail: { added: fields.filter((f) => !before.has(f)), removed: [...before].filter((f) => !fields.includes(f)) },
    });
  });
  // from here every write follows the new rule; then existing records are brought in line
  ctx.store.policy.marked = new Set(fields);
  const marked = ctx.store.policy.marked;
  let incidents = 0;
  let revisions = 0;
  for (let after = 0; ;) {
    const batch = await ctx.store.incidents.idsAfter(after, BATCH);
    if (!batch.length) break;
    await ctx.store.transaction(async (tx) => {
      for (const b of batch) {
        const v = await tx.incidents.load(b.id, (ids) => tx.actors.loadMany(ids), { includeDeleted: true });
        if (!v) continue;
        const input = incidentToInput(v) as IncidentWithIds;
        const seq = await tx.incidents.write(
          { id: v.id, orgId: v.orgId, userId: v.updatedBy, now: v.updatedAt, version: v.version, createdAt: v.createdAt, createdBy: v.createdBy },
          input, new Map(v.victims.map((x) => [x.key, x.actorId])), false,
        );
        if (!b.deleted) {
          const { title, body } = incidentSearchText(v, ctx.vocab, marked);
          await indexIncident(tx.db, seq, title, body);
        }
        revisions += await tx.incidents.scrubRevisions(v.id, (p) => isIdentifyingPath(p, marked));
      }
    });
    incidents += batch.length;
    onProgress?.(incidents);
    after = batch.at(-1)!.seq;
  }
  let people = 0;
  for (let after = ''; ;) {
    const ids = await ctx.store.actors.idsAfter(after, BATCH);
    if (!ids.length) break;
    await ctx.store.transaction(async (tx) => {
      for (const id of ids) {
        const a = await tx.actors.load(id);
        if (!a) continue;
        await tx.actors.write({ id, orgId: a.orgId, userId: a.updatedBy, now: a.updatedAt, version: a.version, createdAt: a.createdAt, createdBy: a.createdBy }, actorToInput(a), false);
      }
    });
    people += ids.length;
    after = ids.at(-1)!;
  }
  return { fields, incidents, people, revisions };
}
