/**
 * The urgent cases the reader may see, as the list shows them: reference, kind, day counter,
 * owner, overdue steps and the next deadline — no title, no name of anyone the case is about (the
 * incident's reference only). Open first, the most overdue first; then the closed, latest first.
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { deadlineSummary } from '../../domain/urgent/checklist.js';
import { dayCount, knownStartDay } from '../../domain/urgent/day-count.js';
import type { UrgentCaseSummary } from '../../domain/urgent/view.js';
import type { UrgentCaseListRow } from '../../store/repositories/urgent-repository.js';

export const LIST_LIMIT = 1000;

export const urgentListQuerySchema = z.object({ status: z.enum(['open', 'closed', 'all']).default('all') }).strict();
export type UrgentListQuery = z.input<typeof urgentListQuerySchema>;

export function summaryOf(r: UrgentCaseListRow, now: string): UrgentCaseSummary {
  const open = r.status === 'open';
  const d = open ? deadlineSummary(r.steps, now) : { overdue: 0, nextDueAt: undefined };
  return {
    id: r.id, ref: r.ref, incidentId: r.incidentId, incidentRef: r.incidentRef, kind: r.kind, status: r.status,
    owner: { id: r.ownerId, displayName: r.ownerName }, openedAt: r.openedAt,
    dayCount: dayCount(knownStartDay(r.incidentDate), r.openedAt, r.closedAt ?? now),
    ...(r.closedAt ? { closedAt: r.closedAt } : {}),
    ...(r.outcome ? { outcome: r.outcome } : {}),
    steps: r.steps.length, done: r.steps.filter((s) => s.doneAt).length,
    overdueCount: d.overdue,
    ...(d.nextDueAt ? { nextDueAt: d.nextDueAt } : {}),
  };
}

/** Open before closed; among the open, more overdue steps first, then the nearest deadline, then the newest; the closed latest first. */
export function listOrder(a: UrgentCaseSummary, b: UrgentCaseSummary): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  if (a.status === 'open') {
    if (a.overdueCount !== b.overdueCount) return b.overdueCount - a.overdueCount;
    if ((a.nextDueAt ?? '~') !== (b.nextDueAt ?? '~')) return (a.nextDueAt ?? '~') < (b.nextDueAt ?? '~') ? -1 : 1;
    if (a.openedAt !== b.openedAt) return a.openedAt < b.openedAt ? 1 : -1;
  } else if ((a.closedAt ?? '') !== (b.closedAt ?? '')) return (a.closedAt ?? '') < (b.closedAt ?? '') ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function listUrgentCases(ctx: ServiceContext, raw: UrgentListQuery = {}): Promise<{ items: UrgentCaseSummary[] }> {
  requirePermission(ctx, 'response.read');
  const q = parseInput(urgentListQuerySchema, raw);
  const rows = await ctx.store.urgent.list({ userId: ctx.user.id }, q.status, LIST_LIMIT);
  const now = ctx.now();
  return { items: rows.map((r) => summaryOf(r, now)).sort(listOrder) };
}
