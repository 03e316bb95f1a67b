/**
 * One urgent case as the protection officer works it: status and day counter, the checklist with
 * what is overdue (both computed now), notes, campaigns. And the cases of one incident, for its
 * page. Need-to-know through the incident: a case of an incident the reader may not see is "not found".
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { can } from '../../domain/user/roles.js';
import { notFound } from '../errors.js';
import { requireVisible } from '../incidents/incident-access.js';
import { isOverdue } from '../../domain/urgent/checklist.js';
import { dayCount, knownStartDay } from '../../domain/urgent/day-count.js';
import type { UrgentCaseSummary, UrgentCaseView } from '../../domain/urgent/view.js';
import type { UrgentCaseHead } from '../../store/repositories/urgent-repository.js';
import { visibleCase } from './case-access.js';
import { summaryOf } from './list-urgent-cases.js';

export async function readUrgentCase(ctx: ServiceContext, caseId: string): Promise<UrgentCaseView> {
  const head = await visibleCase(ctx, caseId);
  const store = ctx.store;
  const facts = await store.urgent.incidentFacts(head.incidentId);
  if (!facts) throw notFound('urgent case');
  const [steps, notes, campaigns, closingNote, names] = await Promise.all([
    store.urgent.steps(caseId, head.incidentId),
    store.urgent.notes(caseId, head.incidentId),
    store.campaigns.ofCase(caseId, head.incidentId),
    head.status === 'closed' ? store.urgent.closingNote(caseId, head.incidentId) : Promise.resolve(undefined),
    store.urgent.userNames([head.ownerId]),
  ]);
  const now = ctx.now();
  return {
    id: head.id, ref: head.ref, incidentId: head.incidentId, incidentRef: facts.ref, kind: head.kind, status: head.status,
    owner: { id: head.ownerId, displayName: names.get(head.ownerId) ?? '' },
    openedAt: head.openedAt,
    dayCount: dayCount(knownStartDay(facts.date), head.openedAt, head.closedAt ?? now),
    ...(head.closedAt ? { closedAt: head.closedAt } : {}),
    ...(head.outcome ? { outcome: head.outcome } : {}),
    ...(closingNote !== undefined ? { closingNote } : {}),
    steps: steps.map((s) => ({
      id: s.id, code: s.code,
      ...(s.label !== undefined ? { label: s.label } : {}),
      ...(s.dueAt ? { dueAt: s.dueAt } : {}),
      ...(s.doneAt ? { doneAt: s.doneAt } : {}),
      ...(s.doneBy ? { doneBy: s.doneBy } : {}),
      ...(s.note !== undefined ? { note: s.note } : {}),
      overdue: head.status === 'open' && isOverdue(s, now),
    })),
    notes,
    campaigns,
    version: head.version,
    canWrite: head.status === 'open' && can(ctx.user.role, 'response.write'),
  };
}

/** The cases of one incident (open first), as a list shows them — for the incident's page. */
export async function incidentUrgentCases(ctx: ServiceContext, incidentId: string): Promise<{ items: UrgentCaseSummary[] }> {
  requirePermission(ctx, 'response.read');
  await requireVisible(ctx, incidentId);
  const facts = await ctx.store.urgent.incidentFacts(incidentId);
  const heads: UrgentCaseHead[] = await ctx.store.urgent.ofIncident(incidentId);
  if (!facts || !heads.length) return { items: [] };
  const names = await ctx.store.urgent.userNames(heads.map((h) => h.ownerId));
  const steps = await ctx.store.urgent.deadlinesOf(heads.map((h) => h.id));
  const now = ctx.now();
  return { items: heads.map((h) => summaryOf({ ...h, ownerName: names.get(h.ownerId) ?? '', incidentRef: facts.ref, incidentDate: facts.date, steps: steps.get(h.id) ?? [] }, now)) };
}
