/**
 * Counting incidents for the dashboard: a breakdown of a search per period and dimension, and a
 * comparison of a recent period with the one before it. Need-to-know applies (the viewer's
 * restricted incidents only); counts carry no identifying value.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import type { Breakdown, BreakdownQuery } from '../../domain/stats/breakdown.js';
import { assembleComparison, comparedPeriods, type Comparison, type ComparisonQuery, type Period } from '../../domain/stats/comparison.js';
import { incidentBreakdown } from '../../store/stats/incident-breakdown.js';

export function breakdownIncidents(ctx: ServiceContext, q: BreakdownQuery): Promise<Breakdown> {
  requirePermission(ctx, 'incident.read');
  return incidentBreakdown(ctx.store.db, q, { userId: ctx.user.id }, ctx.store.memoryIndex);
}

export async function compareIncidents(ctx: ServiceContext, q: ComparisonQuery): Promise<Comparison> {
  requirePermission(ctx, 'incident.read');
  const { since: _s, until: _u, ...filters } = q;
  const { recent, before } = comparedPeriods(q, ctx.now().slice(0, 10));
  const count = async (p: Period) => {
    // by year: every incident of the period has a date, so it lands in some year's bucket
    const b = await breakdownIncidents(ctx, { ...filters, from: p.from, to: p.to, granularity: 'year' });
    return { ...p, total: b.totals.reduce((n, x) => n + x, 0) + b.undated, byKey: new Map(b.series.map((s) => [s.key, s.total])) };
  };
  return assembleComparison(q.dimension, await count(recent), await count(before));
}
