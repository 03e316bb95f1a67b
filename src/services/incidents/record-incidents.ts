/**
 * Records many new incidents at once, all or nothing, for bulk loads (the demo generator at scale,
 * imports). Each incident gets exactly what `createIncident` gives it — the same input parse, the
 * vocabulary checks, new victims created and sealed, parts written by the same repository rows,
 * the search index, its first history entry and a chained audit event — but the batch shares one
 * transaction and its rows are inserted a few hundred per statement, so a batch of 1,000 costs
 * a few dozen statements instead of ~40,000.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { can } from '../../domain/user/roles.js';
import { incidentInputSchema, type IncidentInput } from '../../domain/incident/schema.js';
import { parseInput } from '../validate.js';
import { checkIncidentCodes, checkActorCodes, type FieldProblem } from '../../domain/incident/check-codes.js';
import type { IncidentView } from '../../domain/incident/view.js';
import { diffIncident } from '../../domain/incident/history.js';
import { incidentSearchText } from '../../domain/incident/search-text.js';
import { shareNewIncidentsWithUser } from '../../store/repositories/new-incident-rows.js';
import { indexIncidents } from '../../store/search/incident-search.js';
import type { IncidentWithIds } from '../../store/repositories/incident-repository.js';
import type { AuditEvent } from '../../store/repositories/audit-repository.js';
import { newId } from '../../crypto/random.js';
import { invalid } from '../errors.js';

/**
 * `inputs[k]` is raw input (parsed here, as the API does); problems name the incident by its
 * position ("incidents[3].acts[0].kind: …") and nothing is written when any is found. Called inside
 * another transaction (an import's batches), it joins it. `importRunId` tags the incidents with the
 * committed import that made them. `checked`: the inputs are already parsed by the input schema and
 * their codes checked against these vocabularies (an import's conversion does both, moments before):
 * they are not parsed or checked a second time.
 */
export async function recordIncidents(ctx: ServiceContext, inputs: unknown[], opts: { importRunId?: string; checked?: boolean } = {}): Promise<IncidentView[]> {
  requirePermission(ctx, 'incident.create');
  const problems: FieldProblem[] = [];
  const parsed: IncidentInput[] = opts.checked ? (inputs as IncidentInput[]) : inputs.map((raw, k) => {
    try {
      return parseInput(incidentInputSchema, raw);
    } catch (e) {
      const list = (e as { problems?: FieldProblem[] }).problems;
      if (!list) throw e;
      problems.push(...list.map((p) => ({ ...p, path: `incidents[${k}].${p.path}` })));
      return undefined as never;
    }
  });
  if (problems.length) throw invalid(problems);
  if (!opts.checked) for (const [k, input] of parsed.entries()) problems.push(...checkIncidentCodes(input, ctx.vocab).map((p) => ({ ...p, path: `incidents[${k}].${p.path}` })));

  const now = ctx.now();
  const userId = ctx.user.id;
  return ctx.store.transaction(async (tx) => {
    // victims already recorded: every one must exist and be visible to whoever records
    const known = [...new Set(parsed.flatMap((i) => i.victims.flatMap((v) => (v.actorId ? [v.actorId] : []))))];
    const visible = await tx.actors.visibleIds(known, { userId });
    const newActors: { id: string; actor: NonNullable<IncidentInput['victims'][number]['actor']> }[] = [];
    const items = parsed.map((input, k) => {
      const victimIds = new Map<string, string>();
      for (const [i, v] of input.victims.entries()) {
        const path = `incidents[${k}].victims[${i}]`;
        if (v.actorId) {
          if (!visible.has(v.actorId)) problems.push({ path: `${path}.actorId`, message: 'no such person or organisation', code: 'no_such_actor' });
          victimIds.set(v.key, v.actorId);
        } else if (v.actor) {
          if (!can(ctx.user.role, 'actor.write')) problems.push({ path: `${path}.actor`, message: 'you may not record new people or organisations', code: 'not_allowed' });
          problems.push(...checkActorCodes(v.actor, ctx.vocab).map((p) => ({ ...p, path: `${path}.actor.${p.path}` })));
          const id = newId();
          victimIds.set(v.key, id);
          newActors.push({ id, actor: v.actor });
        }
      }
      const withIds: IncidentWithIds = {
        ...input,
        acts: input.acts.map((a) => ({ ...a, id: newId(), perpetrators: a.perpetrators.map((p) => ({ ...p, id: newId() })) })),
        sources: input.sources.map((s) => ({ ...s, id: newId() })),
        interventions: input.interventions.map((s) => ({ ...s, id: newId() })),
      };
      const meta = { id: newId(), orgId: ctx.user.orgId, userId, now, version: 1, createdAt: now, createdBy: userId, ...(opts.importRunId ? { importRunId: opts.importRunId } : {}) };
      return { meta, input: withIds, victimIds };
    });
    if (problems.length) throw invalid(problems);

    const audit: AuditEvent[] = [];
    const actorMeta = { orgId: ctx.user.orgId, userId, now, version: 1, createdAt: now, createdBy: userId };
    // new victims are written together and their views built from what was written, not read back
    const actors = await tx.actors.writeManyNew(newActors.map(({ id, actor }) => ({ meta: { id, ...actorMeta }, input: actor })));
    for (const { id } of newActors) audit.push({ at: now, userId, action: 'actor.created', targetType: 'actor', targetId: id });
    const earlier = [...new Set(items.flatMap((it) => [...it.victimIds.values()]))].filter((id) => !actors.has(id));
    for (const [id, view] of await tx.actors.loadMany(earlier)) actors.set(id, view);
    const written = await tx.incidents.writeMany(items, actors);
    // whoever saves a restricted incident keeps seeing it (as createIncident does)
    const restricted = written.filter((w) => w.view.confidentiality === 'restricted').map((w) => w.view.id);
    if (restricted.length) await shareNewIncidentsWithUser(tx.db, restricted, userId, userId, now);
    await indexIncidents(tx.db, written.map(({ seq, view }) => ({ seq, ...incidentSearchText(view, ctx.vocab, tx.policy.marked) })));
    for (const { view } of written) audit.push({ at: now, userId, action: 'incident.created', targetType: 'incident', targetId: view.id, detail: { version: 1 } });
    const views = written.map((w) => w.view);
    await tx.incidents.addRevisions(views.map((v) => ({ incidentId: v.id, version: 1, at: now, userId, changes: diffIncident(null, v, tx.policy.marked) })));
    await tx.audit.addMany(audit);
    return views;
  });
}
