/**
 * The offline map (issue 5, docs/adr/0016-offline-map.md): the incidents matching a search counted
 * per country, per state and per gazetteer point, at their public precision only. Need-to-know
 * applies (the viewer's restricted incidents only); counts carry no identifying value.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import type { MapCounts, MapQuery } from '../../domain/map/map-counts.js';
import { mapCounts } from '../../store/stats/map-counts.js';

export function mapIncidents(ctx: ServiceContext, q: MapQuery): Promise<MapCounts> {
  requirePermission(ctx, 'incident.read');
  return mapCounts(ctx.store.db, q, { userId: ctx.user.id }, ctx.store.memoryIndex);
}
