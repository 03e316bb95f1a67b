/**
 * The people and organisations whose risk assessment is out of date, for a coordinator's list:
 * a serious incident against them recorded since their latest assessment, or its review day
 * passed. Highest level first, then the longest waiting. Only people the reader may see, and only
 * incidents the reader may see count.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { RISK_LEVELS, type RiskAssessmentSummary } from '../../domain/risk/assessment.js';
import { reassessment, type Reassessment } from '../../domain/risk/reassessment.js';

export interface DueAssessment { actorId: string; kind: string; pseudonym: string; latest: RiskAssessmentSummary; reassessment: Reassessment }

export async function dueAssessments(ctx: ServiceContext): Promise<{ items: DueAssessment[] }> {
  requirePermission(ctx, 'risk.read');
  const today = ctx.now().slice(0, 10);
  const rows = await ctx.store.risk.latestWithLaterIncidents({ userId: ctx.user.id });
  const visible = await ctx.store.actors.visibleIds(rows.map((r) => r.actorId), { userId: ctx.user.id });
  const items = rows
    .filter((r) => visible.has(r.actorId))
    .map((r) => ({ actorId: r.actorId, kind: r.kind, pseudonym: r.pseudonym, latest: r.latest, reassessment: reassessment({ assessedAt: r.latest.assessedAt, nextReview: r.latest.nextReview }, r.later, today) }))
    .filter((r) => r.reassessment.due);
  const rank = (l: string) => RISK_LEVELS.indexOf(l as (typeof RISK_LEVELS)[number]);
  items.sort((a, b) => rank(b.latest.level) - rank(a.latest.level) || a.latest.assessedAt.localeCompare(b.latest.assessedAt) || a.actorId.localeCompare(b.actorId));
  return { items };
}
