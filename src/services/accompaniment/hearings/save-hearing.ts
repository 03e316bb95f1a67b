/**
 * Record and change a hearing (ADR 0024): the court and the wall time at its zone, where and when
 * to present oneself at that place's zone (a time the clocks skip or pass twice is refused with the
 * choices), the people summoned (the organisation's), the documents, the representative and notes
 * (sealed; omitted keeps them, '' removes them). The reference ("HRG-0007") is the next in sequence.
 * A stale version is refused (409 'stale'). Audited by ids only, in the same transaction.
 */
import type { z } from 'zod';
import type { ServiceContext } from '../../context.js';
import { parseInput } from '../../validate.js';
import { invalid } from '../../errors.js';
import {
  hearingInputSchema, hearingRef, hearingUpdateSchema, resolveHearingTimes,
  type HearingInput, type HearingView,
} from '../../../domain/accompaniment/hearing.js';
import type { FieldProblem } from '../../../domain/incident/check-codes.js';
import type { Store } from '../../../store/store.js';
import { newId } from '../../../crypto/random.js';
import { ownRecord, requireAccompaniment, sameOrg } from '../org-scope.js';
import { stale, withRetry } from '../people/save-person.js';
import { hearingView } from './hearing-view.js';

type HearingParsed = z.output<typeof hearingInputSchema>;

/** The hearing's times resolved and its people checked; problems on their fields under `prefix`. */
export async function checkHearing(ctx: ServiceContext, tx: Store, input: HearingParsed, prefix = '') {
  const problems: FieldProblem[] = [];
  const times = resolveHearingTimes(input, prefix);
  if (!times.ok) problems.push(...times.problems);
  const people = await tx.accompaniment.peopleByIds(input.people);
  input.people.forEach((id, i) => {
    const p = people.get(id);
    if (!p || !sameOrg(ctx, p.orgId)) problems.push({ path: `${prefix}people[${i}]`, message: 'is not a person your organisation accompanies', code: 'no_such_person' });
  });
  if (problems.length || !times.ok) throw invalid(problems);
  return times.times;
}

const sealedText = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v);

/** Inserts a checked hearing inside `tx` (its people expected) and audits it; returns its id. */
export async function insertHearing(ctx: ServiceContext, tx: Store, input: HearingParsed, prefix = ''): Promise<string> {
  const times = await checkHearing(ctx, tx, input, prefix);
  const now = ctx.now();
  const id = newId();
  await tx.accompaniment.writeHearing({
    id, orgId: ctx.user.orgId, ref: hearingRef(await tx.accompaniment.nextSequence('hearings')), ...times, kind: input.kind,
    documents: [...new Set(input.documents)], representative: sealedText(input.representative), notes: sealedText(input.notes), at: now, by: ctx.user.id,
  });
  await tx.accompaniment.setSummoned(id, input.people);
  await tx.audit.add({ at: now, userId: ctx.user.id, action: 'hearing.created', targetType: 'hearing', targetId: id });
  return id;
}

export async function createHearing(ctx: ServiceContext, raw: HearingInput): Promise<HearingView> {
  requireAccompaniment(ctx, true);
  const input = parseInput(hearingInputSchema, raw);
  const id = await withRetry(ctx.store, (tx) => insertHearing(ctx, tx, input));
  return hearingView(ctx.store, (await ctx.store.accompaniment.hearing(id))!);
}

export async function updateHearing(ctx: ServiceContext, id: string, raw: HearingInput & { version: number }): Promise<HearingView> {
  requireAccompaniment(ctx, true);
  const input = parseInput(hearingUpdateSchema, raw);
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    const current = ownRecord(ctx, await tx.accompaniment.hearing(id), 'hearing');
    if (current.version !== input.version) throw stale('hearing', current.version);
    const times = await checkHearing(ctx, tx, input);
    const ok = await tx.accompaniment.writeHearing({
      id, orgId: current.orgId, ref: current.ref, ...times, kind: input.kind, documents: [...new Set(input.documents)],
      representative: sealedText(input.representative), notes: sealedText(input.notes), at: now, by: ctx.user.id,
    }, input.version);
    if (!ok) throw stale('hearing', current.version + 1);
    await tx.accompaniment.setSummoned(id, input.people);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'hearing.updated', targetType: 'hearing', targetId: id, detail: { version: input.version + 1 } });
  });
  return hearingView(ctx.store, (await ctx.store.accompaniment.hearing(id))!);
}
