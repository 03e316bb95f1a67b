/** Record a new risk assessment of a person or organisation: a new version, the earlier ones kept (ADR 0014). */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { invalid, conflict } from '../errors.js';
import { visibleActor } from '../actors/manage-actors.js';
import { riskAssessmentInputSchema, RISK_FACTOR_KINDS, type RiskAssessmentInput, type RiskAssessmentBody } from '../../domain/risk/assessment.js';
import { riskScore } from '../../domain/risk/score.js';
import type { FieldProblem } from '../../domain/incident/check-codes.js';
import { newId } from '../../crypto/random.js';
import { riskOverview, type RiskOverview } from './read-risk.js';

export async function assessRisk(ctx: ServiceContext, actorId: string, raw: RiskAssessmentInput): Promise<RiskOverview> {
  requirePermission(ctx, 'risk.write');
  const input = parseInput(riskAssessmentInputSchema, raw);
  await ctx.store.transaction(async (tx) => {
    const txCtx = { ...ctx, store: tx };
    await visibleActor(txCtx, actorId);
    // evidence may cite only this person's or organisation's incidents that the assessor sees
    const own = new Set((await tx.incidents.incidentsOfActor(actorId, { userId: ctx.user.id })).map((i) => i.id));
    const problems: FieldProblem[] = [];
    for (const kind of RISK_FACTOR_KINDS)
      input[kind].forEach((f, i) => f.incidents.forEach((id, j) => {
        if (!own.has(id)) problems.push({ path: `${kind}[${i}].incidents[${j}]`, message: 'is not an incident of this person or organisation', code: 'not_part_of_record' });
      }));
    if (problems.length) throw invalid(problems);
    const latest = await tx.risk.latestVersion(actorId);
    if (input.replaces !== latest) throw conflict(`replaces: the assessment was changed by someone else (now version ${latest}); reload it before saving`);
    const body: RiskAssessmentBody = { threats: input.threats, vulnerabilities: input.vulnerabilities, capacities: input.capacities, ...(input.summary ? { summary: input.summary } : {}) };
    const score = riskScore(body);
    const version = latest + 1;
    await tx.risk.add({ id: newId(), actorId, version, assessedAt: ctx.now(), assessedBy: ctx.user.id, level: score.level, score: score.score, nextReview: input.nextReview, body });
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'risk.assessed', targetType: 'actor', targetId: actorId, detail: { version, level: score.level } });
  });
  return riskOverview(ctx, actorId);
}
