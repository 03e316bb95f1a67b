/**
 * Removing an evidence item — a file attached by mistake, a photo that shows someone it should not.
 * Those who may remove incidents (admin, coordinator) may remove any item they can open; whoever
 * received an item may remove their own. The item goes (a capture with its screenshots), its files
 * and their chunks go at once, and the removal stays in its chain of custody: the audit entries
 * remain, with who removed it and when. A stale version is refused (409).
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { can } from '../../domain/user/roles.js';
import { identifyingEvidence } from './evidence-access.js';
import { recordCustody } from './custody.js';
import { conflict, forbidden } from '../errors.js';

/** Whether the acting person may remove an item received by `receivedBy`. */
export function mayRemove(ctx: Pick<ServiceContext, 'user'>, receivedBy: string): boolean {
  return can(ctx.user.role, 'evidence.write') && (can(ctx.user.role, 'incident.delete') || receivedBy === ctx.user.id);
}

export async function removeEvidence(ctx: ServiceContext, id: string, version: number): Promise<void> {
  requirePermission(ctx, 'evidence.write');
  await ctx.store.transaction(async (tx) => {
    const item = await identifyingEvidence(ctx, id, tx);
    if (!mayRemove(ctx, item.receivedBy.id)) throw forbidden('only who received this evidence, a coordinator or an admin may remove it');
    if (item.version !== version) throw conflict('this evidence was changed by someone else; reload it');
    const children = await tx.evidence.children(id);
    const now = ctx.now();
    for (const x of [item, ...children]) await recordCustody(tx, now, ctx.user.id, 'evidence.remove', x.id, { sha256: x.sha256 });
    await tx.evidence.remove(id);
    for (const x of [item, ...children]) {
      await tx.files.remove(x.fileId);
      if (x.viewFileId) await tx.files.remove(x.viewFileId);
    }
  });
}
