/** Reading incidents: one by id, its history, a search; and removal (kept in history, out of every list). */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import type { IncidentView } from '../../domain/incident/view.js';
import type { SearchQuery, SearchResult } from '../../domain/incident/search-query.js';
import { searchIncidents, unindexIncident } from '../../store/search/incident-search.js';
import { canEditIncident } from './save-incident.js';
import { visibleIncident, requireVisible } from './incident-access.js';
import { conflict } from '../errors.js';

export async function getIncident(ctx: ServiceContext, id: string): Promise<IncidentView & { canEdit: boolean; mayReadIdentifying: boolean }> {
  requirePermission(ctx, 'incident.read');
  const { inc, mayReadIdentifying } = await visibleIncident(ctx, id);
  // every read of a restricted record is accountable, not only reads of identifying values
  if (inc.confidentiality === 'restricted') await ctx.store.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'restricted.read', targetType: 'incident', targetId: id });
  return { ...inc, canEdit: canEditIncident(ctx, inc), mayReadIdentifying };
}

export async function incidentHistory(ctx: ServiceContext, id: string) {
  requirePermission(ctx, 'incident.read');
  await requireVisible(ctx, id);
  return ctx.store.incidents.revisions(id);
}

export async function findIncidents(ctx: ServiceContext, q: SearchQuery): Promise<SearchResult> {
  requirePermission(ctx, 'incident.read');
  return searchIncidents(ctx.store.db, q, { userId: ctx.user.id }, ctx.store.memoryIndex);
}

export async function deleteIncident(ctx: ServiceContext, id: string, version: number): Promise<void> {
  requirePermission(ctx, 'incident.delete');
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    const { inc } = await visibleIncident(ctx, id, tx);
    const seq = (await tx.incidents.seqOf(id))!;
    if (inc.version !== version) {
      throw conflict(`version: this incident was changed by someone else (now version ${inc.version})`);
    }
    await tx.incidents.markDeleted(id, now, ctx.user.id, inc.version + 1);
    await unindexIncident(tx.db, seq);
    await tx.incidents.addRevision(id, inc.version + 1, now, ctx.user.id, [{ path: 'deleted', after: true }]);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'incident.deleted', targetType: 'incident', targetId: id });
  });
}
