/**
 * A person's or organisation's timeline: the incidents that affected them, the interventions
 * recorded in those incidents and the protection measures they hold, in date order and grouped by
 * year (src/domain/timeline/). Need-to-know: a person the viewer may not see is "not found", and
 * only incidents the viewer may see (and their interventions) appear. Nothing identifying: the
 * pseudonym, codes, dates, public places and incident titles, as on the masked person page.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { visibleActor } from '../actors/manage-actors.js';
import { buildTimeline } from '../../domain/timeline/build.js';
import { incidentItem, interventionItem, measureItem } from '../../domain/timeline/items-from.js';
import type { ActorTimeline, TimelineItem, TimelineOrder } from '../../domain/timeline/item.js';
import { interventionsOfActor } from '../../store/timeline/actor-interventions.js';

export async function actorTimeline(ctx: ServiceContext, actorId: string, order: TimelineOrder = 'desc'): Promise<ActorTimeline> {
  requirePermission(ctx, 'actor.read');
  const actor = await visibleActor(ctx, actorId);
  const viewer = { userId: ctx.user.id };
  const incidents = await ctx.store.incidents.incidentsOfActor(actorId, viewer);
  const refs = new Map(incidents.map((i) => [i.id, i.ref]));
  const items: TimelineItem[] = incidents.map(incidentItem);
  for (const v of await interventionsOfActor(ctx.store.db, actorId, viewer)) {
    const ref = refs.get(v.incidentId);
    if (ref) items.push(interventionItem({ ...v, ref })); // (an incident deleted between the two reads is left out)
  }
  for (const m of actor.protectionMeasures) items.push(measureItem(m));
  return { actor: { id: actor.id, kind: actor.kind, pseudonym: actor.pseudonym }, ...buildTimeline(items, order) };
}
