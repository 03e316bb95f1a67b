/** People and organisations: record, change, read (with the incidents that affected them), list. */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { actorInputSchema, actorUpdateSchema, type ActorInput } from '../../domain/actor/schema.js';
import { parseInput } from '../validate.js';
import type { ActorView } from '../../domain/actor/view.js';
import { checkActorCodes, ACTOR_CODE_FIELDS } from '../../domain/incident/check-codes.js';
import { newId } from '../../crypto/random.js';
import { invalid, notFound, conflict } from '../errors.js';

/** A person or organisation the viewer may see; "not found" otherwise (need-to-know). */
export async function visibleActor(ctx: ServiceContext, id: string): Promise<ActorView> {
  const actor = (await ctx.store.actors.isVisible(id, { userId: ctx.user.id })) ? await ctx.store.actors.load(id) : undefined;
  if (!actor) throw notFound('person or organisation');
  return actor;
}

export async function createActor(ctx: ServiceContext, raw: ActorInput): Promise<ActorView> {
  requirePermission(ctx, 'actor.write');
  const input = parseInput(actorInputSchema, raw);
  const problems = checkActorCodes(input, ctx.vocab);
  input.protectionMeasures.forEach((m, i) => { if (m.id) problems.push({ path: `protectionMeasures[${i}].id`, message: 'is not part of this record', code: 'not_part_of_record' }); });
  if (problems.length) throw invalid(problems);
  const now = ctx.now();
  const id = newId();
  return ctx.store.transaction(async (tx) => {
    await tx.actors.write({ id, orgId: ctx.user.orgId, userId: ctx.user.id, now, version: 1, createdAt: now, createdBy: ctx.user.id }, input, true);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'actor.created', targetType: 'actor', targetId: id });
    return (await tx.actors.load(id))!;
  });
}

export async function updateActor(ctx: ServiceContext, id: string, raw: ActorInput & { version: number }): Promise<ActorView> {
  requirePermission(ctx, 'actor.write');
  const input = parseInput(actorUpdateSchema, raw);
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const before = await visibleActor({ ...ctx, store: tx }, id);
    if (before.version !== input.version) throw conflict(`version: this record was changed by someone else (now version ${before.version}); reload it before saving`);
    const previous = new Set<string>();
    for (const [k, scheme] of ACTOR_CODE_FIELDS) if (before[k]) previous.add(`${scheme}:${String(before[k])}`);
    for (const m of before.protectionMeasures) { previous.add(`protection_kind:${m.kind}`); previous.add(`protection_status:${m.status}`); }
    const { version: _v, ...rest } = input;
    const problems = checkActorCodes(rest, ctx.vocab, previous);
    const own = await tx.actors.measureIds(id);
    rest.protectionMeasures.forEach((m, i) => { if (m.id && !own.has(m.id)) problems.push({ path: `protectionMeasures[${i}].id`, message: 'is not part of this record', code: 'not_part_of_record' }); });
    if (rest.kind !== before.kind) problems.push({ path: 'kind', message: 'cannot change between person and organisation', code: 'kind_fixed' });
    if (problems.length) throw invalid(problems);
    await tx.actors.write({ id, orgId: before.orgId, userId: ctx.user.id, now, version: before.version + 1, createdAt: before.createdAt, createdBy: before.createdBy }, rest, false);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'actor.updated', targetType: 'actor', targetId: id, detail: { version: before.version + 1 } });
    return (await tx.actors.load(id))!;
  });
}

export async function getActor(ctx: ServiceContext, id: string) {
  requirePermission(ctx, 'actor.read');
  const actor = await visibleActor(ctx, id);
  const incidents = await ctx.store.incidents.incidentsOfActor(id, { userId: ctx.user.id });
  return { actor, incidents };
}

export async function listActors(ctx: ServiceContext, q: { kind?: 'person' | 'organisation' | undefined; q?: string | undefined; page: number; pageSize: number }) {
  requirePermission(ctx, 'actor.read');
  const r = await ctx.store.actors.list({ kind: q.kind, q: q.q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize, viewer: { userId: ctx.user.id } });
  return { ...r, page: q.page, pageSize: q.pageSize };
}
