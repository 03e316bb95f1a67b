/**
 * Protection measures in a report (issue 6 §5: the registry is "available to reports"): how many of
 * the people and organisations affected by the period's incidents hold a measure granted and in
 * force, per kind of measure. Counted on published terms: distinct victims, kinds below k left out
 * (as victim counts are, ADR 0015), nothing but the kind's code and a count.
 */
export const MEASURE_IN_FORCE = 'granted_active';

export interface MeasureFact { actorId: string; kind: string; status: string }
export interface MeasureRow { kind: string; victims: number }

/** Per kind, the distinct victims among `victims` holding one in force; kinds under k dropped; most first. */
export function measuresInForce(victims: ReadonlySet<string>, measures: readonly MeasureFact[], k: number): MeasureRow[] {
  const byKind = new Map<string, Set<string>>();
  for (const m of measures) {
    if (m.status !== MEASURE_IN_FORCE || !victims.has(m.actorId)) continue;
    const set = byKind.get(m.kind) ?? new Set<string>();
    set.add(m.actorId);
    byKind.set(m.kind, set);
  }
  return [...byKind]
    .map(([kind, s]) => ({ kind, victims: s.size }))
    .filter((r) => r.victims >= k)
    .sort((a, b) => b.victims - a.victims || a.kind.localeCompare(b.kind));
}
