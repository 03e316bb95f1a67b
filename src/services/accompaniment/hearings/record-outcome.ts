/**
 * What happened at a hearing (ADR 0024): held or cancelled, the outcome, each summoned person's
 * attendance, and optionally the next hearing — created in the same transaction and linked — so a
 * continuance is one step. Attendance may name only people summoned to it. A stale version is
 * refused (409 'stale'). Audited by ids only.
 */
import type { ServiceContext } from '../../context.js';
import { parseInput } from '../../validate.js';
import { invalid } from '../../errors.js';
import { hearingOutcomeRequestSchema, type HearingView } from '../../../domain/accompaniment/hearing.js';
import type { FieldProblem } from '../../../domain/incident/check-codes.js';
import { ownRecord, requireAccompaniment } from '../org-scope.js';
import { stale, withRetry } from '../people/save-person.js';
import { insertHearing } from './save-hearing.js';
import { hearingView } from './hearing-view.js';

export async function recordOutcome(ctx: ServiceContext, id: string, raw: unknown): Promise<HearingView> {
  requireAccompaniment(ctx, true);
  const input = parseInput(hearingOutcomeRequestSchema, raw);
  const now = ctx.now();
  await withRetry(ctx.store, async (tx) => {
    const current = ownRecord(ctx, await tx.accompaniment.hearing(id), 'hearing');
    if (current.version !== input.version) throw stale('hearing', current.version);
    const summoned = new Set((await tx.accompaniment.summoned([id])).get(id)?.map((s) => s.personId) ?? []);
    const problems: FieldProblem[] = [];
    for (const personId of Object.keys(input.attendance ?? {})) {
      if (!summoned.has(personId)) problems.push({ path: `attendance.${personId}`, message: 'is not summoned to this hearing', code: 'not_summoned' });
    }
    if (problems.length) throw invalid(problems);
    const nextId = input.next ? await insertHearing(ctx, tx, input.next, 'next.') : undefined;
    const ok = await tx.accompaniment.setOutcome(id, current.orgId, input.version, { status: input.status, outcome: input.outcome ?? null, nextHearingId: nextId, at: now, by: ctx.user.id });
    if (!ok) throw stale('hearing', current.version + 1);
    for (const [personId, attendance] of Object.entries(input.attendance ?? {})) await tx.accompaniment.setAttendance(id, personId, attendance);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'hearing.outcome', targetType: 'hearing', targetId: id, detail: { version: input.version + 1, ...(nextId ? { next: nextId } : {}) } });
  });
  return hearingView(ctx.store, (await ctx.store.accompaniment.hearing(id))!);
}
