/**
 * Records a new incident or a new version of one, all or nothing: codes checked against the live
 * vocabularies, new victims created, parts written, the search index, the field-level history
 * and the audit event all in one transaction.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { can } from '../../domain/user/roles.js';
import { incidentInputSchema, incidentUpdateSchema, type IncidentInput, type IncidentUpdate } from '../../domain/incident/schema.js';
import { parseInput } from '../validate.js';
import { checkIncidentCodes, codesUsed, checkActorCodes, type FieldProblem } from '../../domain/incident/check-codes.js';
import { incidentToInput, type IncidentView } from '../../domain/incident/view.js';
import { diffIncident } from '../../domain/incident/history.js';
import { incidentSearchText } from '../../domain/incident/search-text.js';
import { indexIncident } from '../../store/search/incident-search.js';
import { newId } from '../../crypto/random.js';
import { invalid, notFound, conflict, forbidden } from '../errors.js';
import type { Store } from '../../store/store.js';
import { visibleIncident } from './incident-access.js';

export async function loadIncident(store: Store, id: string): Promise<IncidentView | undefined> {
  return store.incidents.load(id, (ids) => store.actors.loadMany(ids));
}

export function canEditIncident(ctx: ServiceContext, inc: { createdBy: string }): boolean {
  return can(ctx.user.role, 'incident.edit_any') || (can(ctx.user.role, 'incident.edit_own') && inc.createdBy === ctx.user.id);
}

export async function createIncident(ctx: ServiceContext, input: IncidentInput): Promise<IncidentView> {
  requirePermission(ctx, 'incident.create');
  return saveIncident(ctx, null, parseInput(incidentInputSchema, input));
}

export async function updateIncident(ctx: ServiceContext, id: string, raw: IncidentUpdate): Promise<IncidentView> {
  const input = parseInput(incidentUpdateSchema, raw);
  return ctx.store.transaction(async (tx) => {
    const { inc: before } = await visibleIncident({ ...ctx, store: tx }, id);
    if (!canEditIncident(ctx, before)) throw forbidden('you may only edit incidents you recorded');
    if (before.version !== input.version) throw conflict(`version: this incident was changed by someone else (now version ${before.version}); reload it before saving`);
    const { version: _v, ...rest } = input;
    return saveIncident({ ...ctx, store: tx }, before, rest);
  });
}

async function saveIncident(ctx: ServiceContext, before: IncidentView | null, input: IncidentInput): Promise<IncidentView> {
  const previous = before ? codesUsed(incidentToInput(before)) : new Set<string>();
  const problems: FieldProblem[] = checkIncidentCodes(input, ctx.vocab, previous);
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const own = before ? await tx.incidents.childIds(before.id) : { acts: new Set<string>(), involvements: new Set<string>(), sources: new Set<string>(), interventions: new Set<string>() };
    const ensureId = (id: string | undefined, set: Set<string>, path: string): string => {
      if (id === undefined) return newId();
      if (!set.has(id)) problems.push({ path: `${path}.id`, message: 'is not part of this incident', code: 'not_part_of_record' });
      set.delete(id); // an id may appear once
      return id;
    };
    const acts = input.acts.map((a, i) => ({
      ...a,
      id: ensureId(a.id, own.acts, `acts[${i}]`),
      perpetrators: a.perpetrators.map((p, j) => ({ ...p, id: ensureId(p.id, own.involvements, `acts[${i}].perpetrators[${j}]`) })),
    }));
    const sources = input.sources.map((s, i) => ({ ...s, id: ensureId(s.id, own.sources, `sources[${i}]`) }));
    const interventions = input.interventions.map((s, i) => ({ ...s, id: ensureId(s.id, own.interventions, `interventions[${i}]`) }));

    const victimIds = new Map<string, string>();
    const newActors: { id: string; index: number }[] = [];
    for (const [i, v] of input.victims.entries()) {
      if (v.actorId) {
        if (!(await tx.actors.isVisible(v.actorId, { userId: ctx.user.id })) || !(await tx.actors.load(v.actorId))) problems.push({ path: `victims[${i}].actorId`, message: 'no such person or organisation', code: 'no_such_actor' });
        victimIds.set(v.key, v.actorId);
      } else if (v.actor) {
        if (!can(ctx.user.role, 'actor.write')) problems.push({ path: `victims[${i}].actor`, message: 'you may not record new people or organisations', code: 'not_allowed' });
        problems.push(...checkActorCodes(v.actor, ctx.vocab).map((p) => ({ ...p, path: `victims[${i}].actor.${p.path}` })));
        const id = newId();
        victimIds.set(v.key, id);
        newActors.push({ id, index: i });
      }
    }
    if (problems.length) throw invalid(problems);

    for (const { id, index } of newActors) {
      const actor = input.victims[index]!.actor!;
      await tx.actors.write({ id, orgId: ctx.user.orgId, userId: ctx.user.id, now, version: 1, createdAt: now, createdBy: ctx.user.id }, actor, true);
      await tx.audit.add({ at: now, userId: ctx.user.id, action: 'actor.created', targetType: 'actor', targetId: id });
    }

    const id = before?.id ?? newId();
    const version = (before?.version ?? 0) + 1;
    const seq = await tx.incidents.write(
      { id, orgId: before?.orgId ?? ctx.user.orgId, userId: ctx.user.id, now, version, createdAt: before?.createdAt ?? now, createdBy: before?.createdBy ?? ctx.user.id },
      { ...input, acts, sources, interventions },
      victimIds,
      before === null,
    );
    // whoever saves a restricted incident keeps seeing it (need-to-know binds everyone, the author too)
    if (input.confidentiality === 'restricted') await tx.shares.addShare(id, { type: 'user', id: ctx.user.id, identifying: false }, ctx.user.id, now);
    const after = (await loadIncident(tx, id))!;
    const { title, body } = incidentSearchText(after, ctx.vocab, tx.policy.marked);
    await indexIncident(tx.db, seq, title, body);
    const changes = diffIncident(before, after, tx.policy.marked);
    await tx.incidents.addRevision(id, version, now, ctx.user.id, changes);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: before ? 'incident.updated' : 'incident.created', targetType: 'incident', targetId: id, detail: { version } });
    return after;
  });
}
