/** The evidence items of an incident or of a person: what everyone who may see it sees (no sealed parts, nothing logged). */
import type { ServiceContext } from '../context.js';
import type { EvidenceSummary } from '../../domain/evidence/evidence.js';
import { requireOwner } from './evidence-access.js';
import { evidenceSummary } from './evidence-view.js';

export async function listEvidence(ctx: ServiceContext, owner: { incidentId: string } | { actorId: string }): Promise<{ items: EvidenceSummary[]; mayOpen: boolean }> {
  const { mayReadIdentifying } = await requireOwner(ctx, 'incidentId' in owner ? { incidentId: owner.incidentId, actorId: null } : { incidentId: null, actorId: owner.actorId });
  const items = await ctx.store.evidence.list(owner);
  return { items: items.map(evidenceSummary), mayOpen: mayReadIdentifying };
}
