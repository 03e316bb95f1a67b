/**
 * One evidence item. Someone with identifying access gets its sealed parts (description, original
 * name, the original's metadata, an online capture); when the item has metadata or a capture, that
 * read is a custody entry ('evidence.view_metadata'). Everyone else gets the summary, `restricted`.
 */
import type { ServiceContext } from '../context.js';
import type { EvidenceDetail } from '../../domain/evidence/evidence.js';
import { visibleEvidence } from './evidence-access.js';
import { evidenceDetail } from './evidence-view.js';
import { recordCustody } from './custody.js';

export async function readEvidence(ctx: ServiceContext, id: string): Promise<EvidenceDetail> {
  const { item, mayReadIdentifying } = await visibleEvidence(ctx, id);
  if (mayReadIdentifying && (item.metadata || item.capture)) {
    await ctx.store.transaction((tx) => recordCustody(tx, ctx.now(), ctx.user.id, 'evidence.view_metadata', id));
  }
  return evidenceDetail(item, mayReadIdentifying);
}
