/**
 * Plan a transport run, see the plan before saving it, change it (ADR 0024). One transaction: the
 * run, its legs (meeting points sealed under 'run/<id>'), its passengers and a pending mark for each
 * passenger on each leg they ride; a change keeps the legs' ids by position, so the marks of the
 * (leg, person) pairs that remain and their meeting points stay. The reference is the next RUN-
 * number (taken again if another process took it first). Audited with ids only.
 */
import type { ServiceContext } from '../../context.js';
import { parseInput } from '../../validate.js';
import { invalid } from '../../errors.js';
import { concurrentWriteConflict } from '../../../store/database-errors.js';
import { newId } from '../../../crypto/random.js';
import { runInputSchema, runUpdateSchema, type RunInput, type RunUpdateInput } from '../../../domain/accompaniment/run.js';
import type { FieldProblem } from '../../../domain/incident/check-codes.js';
import type { LegWrite, PassengerRow } from '../../../store/repositories/transport-repository.js';
import type { Store } from '../../../store/store.js';
import { requireAccompaniment } from '../org-scope.js';
import { writableRun } from '../run-access.js';
import { planRun, type PlannedRun, type PreviewLeg } from './plan-run.js';
import { readRun } from './read-run.js';
import type { RunView } from './run-views.js';

/** The plan of a run, nothing saved: the legs' times at their places, and every problem. */
export async function previewRun(ctx: ServiceContext, raw: RunInput): Promise<{ legs: PreviewLeg[]; problems: FieldProblem[] }> {
  requireAccompaniment(ctx, true);
  const input = parseInput(runInputSchema, raw);
  const { legs, problems } = await planRun(ctx, input);
  return { legs, problems };
}

function writes(runId: string, plan: PlannedRun, legIds: Map<number, string>): { legs: LegWrite[]; passengers: PassengerRow[]; marks: { legId: string; personId: string }[] } {
  const legs = plan.legs.map((l): LegWrite => ({
    id: legIds.get(l.ordinal) ?? newId(), ordinal: l.ordinal, from: l.from, fromZone: l.fromZone, to: l.to, toZone: l.toZone, mode: l.mode,
    departAt: l.departAt, fixedDepart: l.fixedDepart, arriveAt: l.arriveAt, seats: l.seats, escortId: l.escortId, handoffOrgId: l.handoffOrgId, markBy: l.markBy, meetingPoint: l.meetingPoint,
  }));
  const passengers = plan.passengers.map((p, i) => ({ runId, personId: p.personId, hearingId: p.hearingId, ordinal: i + 1 }));
  const marks = plan.passengers.flatMap((p) => p.legs.map((n) => ({ legId: legs[n - 1]!.id, personId: p.personId })));
  return { legs, passengers, marks };
}

const arrival = (plan: PlannedRun) => ({ arrivePlace: plan.arrivePlace, arriveZone: plan.arriveZone, arriveAt: plan.arriveAt, marginMinutes: plan.marginMinutes });

async function withRetries<T>(store: Store, attempt: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (e) {
      // another process took the same reference (PostgreSQL): take the next one; a 409 after that
      if (tries >= 4 || store.db.isTransaction || !concurrentWriteConflict(e)) throw e;
    }
  }
}

export async function createRun(ctx: ServiceContext, raw: RunInput): Promise<RunView> {
  requireAccompaniment(ctx, true);
  const input = parseInput(runInputSchema, raw);
  const id = await withRetries(ctx.store, () => ctx.store.transaction(async (tx) => {
    const txCtx = { ...ctx, store: tx };
    const { plan, problems } = await planRun(txCtx, input);
    if (!plan) throw invalid(problems);
    const now = ctx.now();
    const id = newId();
    const ref = await tx.transport.nextRef();
    const w = writes(id, plan, new Map());
    await tx.transport.insertRun({ id, orgId: ctx.user.orgId, ref, day: plan.day, label: plan.label, coordinatorId: plan.coordinatorId, ...arrival(plan), at: now, by: ctx.user.id }, w.legs, w.passengers);
    await tx.transport.syncMarks(w.legs.map((l) => l.id), w.marks);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'run.created', targetType: 'transport_run', targetId: id, detail: { legs: w.legs.length, passengers: w.passengers.length } });
    return id;
  }));
  return readRun(ctx, id) as Promise<RunView>;
}

export async function updateRun(ctx: ServiceContext, runId: string, raw: RunUpdateInput): Promise<RunView> {
  requireAccompaniment(ctx, true);
  const { version, ...input } = parseInput(runUpdateSchema, raw);
  await ctx.store.transaction(async (tx) => {
    const txCtx = { ...ctx, store: tx };
    await writableRun(txCtx, runId, version);
    const { plan, problems } = await planRun(txCtx, input);
    if (!plan) throw invalid(problems);
    const now = ctx.now();
    const old = await tx.transport.legs([runId]);
    const w = writes(runId, plan, new Map(old.map((l) => [l.ordinal, l.id])));
    await tx.transport.replacePlan({ id: runId, day: plan.day, label: plan.label, coordinatorId: plan.coordinatorId, ...arrival(plan), at: now }, w.legs, w.passengers);
    await tx.transport.syncMarks(w.legs.map((l) => l.id), w.marks);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'run.changed', targetType: 'transport_run', targetId: runId, detail: { legs: w.legs.length, passengers: w.passengers.length } });
  });
  return readRun(ctx, runId) as Promise<RunView>;
}
