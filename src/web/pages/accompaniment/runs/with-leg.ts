import type { LegView, RunStatus, RunView, TripView } from './api';

/** A leg with its passengers' marks as the answer to a tap says, and the run's status (and version) as it is now. */
export function withLeg<V extends RunView | TripView>(view: V, leg: LegView, run?: { status: RunStatus; version: number }): V {
  const next = { ...view, legs: view.legs.map((l) => (l.id === leg.id ? leg : l)) };
  if (!run) return next;
  return 'version' in view ? { ...next, status: run.status, version: run.version } : { ...next, status: run.status };
}
