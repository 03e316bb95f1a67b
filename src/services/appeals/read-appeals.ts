/**
 * Reading appeals: a case's list (body, language, dates and channels — no letter, no note) and one
 * appeal with its letter and the answer's note, audited as 'appeal.read' (a letter may hold real
 * names and a testimony). Both only for those who may see the case's incident (else 404).
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { notFound } from '../errors.js';
import type { AppealSummary, AppealView } from '../../domain/appeal/view.js';
import { visibleAppealCase, visibleCase } from './appeal-access.js';

export async function listAppeals(ctx: ServiceContext, caseId: string): Promise<{ items: AppealSummary[] }> {
  requirePermission(ctx, 'response.read');
  await visibleCase(ctx, caseId);
  return { items: await ctx.store.appeals.listByCase(caseId) };
}

/** One appeal with its letter, without auditing (for the use cases that audit their own action). */
export async function loadAppeal(ctx: ServiceContext, id: string): Promise<AppealView> {
  const { urgentCase } = await visibleAppealCase(ctx, id);
  const appeal = await ctx.store.appeals.load(id, urgentCase.incidentId);
  if (!appeal) throw notFound('appeal');
  return appeal;
}

export async function readAppeal(ctx: ServiceContext, id: string): Promise<AppealView> {
  requirePermission(ctx, 'response.read');
  const appeal = await loadAppeal(ctx, id);
  await ctx.store.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'appeal.read', targetType: 'appeal', targetId: id, detail: { caseId: appeal.caseId, version: appeal.version } });
  return appeal;
}
