/**
 * Audited reads of identifying values: revealing chosen fields on screen (one click), or opening a
 * record to edit it (all of them). Each read is an audit event naming the record and the fields,
 * never the values.
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { incidentIdentifying, actorIdentifying } from '../../domain/incident/identifying.js';
import type { IncidentView } from '../../domain/incident/view.js';
import type { ActorView } from '../../domain/actor/view.js';
import { canEditIncident } from './save-incident.js';
import { visibleIncident } from './incident-access.js';
import { visibleActor } from '../actors/manage-actors.js';
import { invalid, forbidden } from '../errors.js';
import { can } from '../../domain/user/roles.js';

export const revealSchema = z.object({ paths: z.array(z.string().max(120)).min(1).max(200) }).strict();

function pick(entries: { path: string; value: unknown }[], paths: string[]): Record<string, unknown> {
  const byPath = new Map(entries.map((e) => [e.path, e.value]));
  const problems = paths.flatMap((p, i) => (byPath.has(p) ? [] : [{ path: `paths[${i}]`, message: `"${p.slice(0, 120)}" is not an identifying field of this record`, code: 'not_identifying' }]));
  if (problems.length) throw invalid(problems);
  return Object.fromEntries(paths.map((p) => [p, byPath.get(p)]));
}

export async function revealIncidentFields(ctx: ServiceContext, id: string, paths: string[]): Promise<{ values: Record<string, unknown> }> {
  requirePermission(ctx, 'incident.read');
  const { inc, mayReadIdentifying } = await visibleIncident(ctx, id);
  if (!mayReadIdentifying) throw forbidden('you may not see identifying values of this incident');
  const values = pick(incidentIdentifying(inc, ctx.store.policy.marked), paths);
  await ctx.store.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'identifying.revealed', targetType: 'incident', targetId: id, detail: { paths } });
  return { values };
}

/** The whole incident with identifying values, to edit it: only for those who may edit it. */
export async function incidentForEdit(ctx: ServiceContext, id: string): Promise<IncidentView & { canEdit: boolean; mayReadIdentifying: boolean }> {
  requirePermission(ctx, 'incident.read');
  const { inc, mayReadIdentifying } = await visibleIncident(ctx, id);
  if (!canEditIncident(ctx, inc) || !mayReadIdentifying) throw forbidden('you may not edit this incident');
  const paths = incidentIdentifying(inc, ctx.store.policy.marked).map((e) => e.path);
  if (paths.length) await ctx.store.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'identifying.read', targetType: 'incident', targetId: id, detail: { purpose: 'edit', paths } });
  return { ...inc, canEdit: true, mayReadIdentifying: true };
}

export async function revealActorFields(ctx: ServiceContext, id: string, paths: string[]): Promise<{ values: Record<string, unknown> }> {
  requirePermission(ctx, 'identifying.read');
  const actor = await visibleActor(ctx, id);
  const values = pick(actorIdentifying(actor, '', ctx.store.policy.marked), paths);
  await ctx.store.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'identifying.revealed', targetType: 'actor', targetId: id, detail: { paths } });
  return { values };
}

export async function actorForEdit(ctx: ServiceContext, id: string): Promise<ActorView> {
  requirePermission(ctx, 'actor.write');
  requirePermission(ctx, 'identifying.read');
  const actor = await visibleActor(ctx, id);
  const paths = actorIdentifying(actor, '', ctx.store.policy.marked).map((e) => e.path);
  if (paths.length) await ctx.store.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'identifying.read', targetType: 'actor', targetId: id, detail: { purpose: 'edit', paths } });
  return actor;
}
