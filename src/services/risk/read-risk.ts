/**
 * A person's or organisation's risk assessment as a coordinator reads it, in two steps like any
 * identifying data (ux.md: hidden until asked for, and the asking audited):
 *  - `riskOverview`: every version's date, assessor, level and score, and whether a re-assessment
 *    is due (a serious incident recorded since, or the review day passed) — nothing of the body;
 *  - `readAssessment`: one version with its factors, evidence and conclusions, audited.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { notFound } from '../errors.js';
import { visibleActor } from '../actors/manage-actors.js';
import { RISK_FACTOR_KINDS, type RiskAssessmentSummary, type RiskAssessmentView } from '../../domain/risk/assessment.js';
import { riskScore } from '../../domain/risk/score.js';
import { reassessment, type Reassessment } from '../../domain/risk/reassessment.js';
import { earliestDay } from '../../domain/dates.js';

type Labels = Record<string, { ref: string; day: string | null }>;
export interface RiskOverview {
  /** newest first; empty when never assessed */
  history: RiskAssessmentSummary[];
  reassessment: Reassessment;
  /** reference and earliest day of the incidents named in `reassessment` */
  incidentLabels: Labels;
}
export interface RiskAssessmentAnswer { assessment: RiskAssessmentView; incidentLabels: Labels }

async function visibleIncidents(ctx: ServiceContext, actorId: string) {
  requirePermission(ctx, 'risk.read');
  await visibleActor(ctx, actorId);
  return ctx.store.incidents.incidentsOfActor(actorId, { userId: ctx.user.id });
}

const labelsOf = (ids: Iterable<string>, incidents: Map<string, { ref: string; dateStart: string | null }>): Labels =>
  Object.fromEntries([...ids].flatMap((id) => {
    const i = incidents.get(id);
    return i ? [[id, { ref: i.ref, day: i.dateStart ? earliestDay(i.dateStart) : null }]] : [];
  }));

export async function riskOverview(ctx: ServiceContext, actorId: string): Promise<RiskOverview> {
  const incidents = await visibleIncidents(ctx, actorId);
  const history = await ctx.store.risk.history(actorId);
  const latest = history[0];
  const due = reassessment(latest ? { assessedAt: latest.assessedAt, nextReview: latest.nextReview } : undefined, incidents, ctx.now().slice(0, 10));
  return { history, reassessment: due, incidentLabels: labelsOf(due.incidents, new Map(incidents.map((i) => [i.id, i]))) };
}

export async function readAssessment(ctx: ServiceContext, actorId: string, version: number): Promise<RiskAssessmentAnswer> {
  const incidents = await visibleIncidents(ctx, actorId);
  const stored = await ctx.store.risk.load(actorId, version);
  if (!stored) throw notFound('assessment');
  const visible = new Map(incidents.map((i) => [i.id, i]));
  // an incident cited as evidence that the reader may not see (restricted, not shared) is left out
  const cite = <F extends { incidents: string[] }>(fs: F[]) => fs.map((f) => ({ ...f, incidents: f.incidents.filter((id) => visible.has(id)) }));
  const { threat, vulnerability, capacity } = riskScore(stored);
  const assessment: RiskAssessmentView = { ...stored, actorId, threats: cite(stored.threats), vulnerabilities: cite(stored.vulnerabilities), capacities: cite(stored.capacities), factors: { threat, vulnerability, capacity } };
  await ctx.store.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'risk.read', targetType: 'actor', targetId: actorId, detail: { version } });
  return { assessment, incidentLabels: labelsOf(RISK_FACTOR_KINDS.flatMap((k) => assessment[k].flatMap((f) => f.incidents)), visible) };
}
