/**
 * Read a run as one may (ADR 0024): the organisation's RunView, or a driver's, escort's or
 * partner's TripView (only while the run is planned or underway: run-access.ts); and the runs one
 * drives, escorts or takes over.
 */
import type { ServiceContext } from '../../context.js';
import { runAccess } from '../run-access.js';
import { ownLegs } from '../run-access.js';
import { flagsOfRun, loadRuns, runView, tripSummary, tripView, type RunView, type TripSummary, type TripView } from './run-views.js';

export async function readRun(ctx: ServiceContext, runId: string): Promise<RunView | TripView> {
  const access = await runAccess(ctx, runId);
  const b = await loadRuns(ctx.store, [access.run]);
  if (access.kind === 'org') return runView(b, access.run, access.markable, await flagsOfRun(ctx.store, b, access.run));
  return tripView(b, access.run, access.kind, access.markable);
}

/** Runs planned or underway where one drives or escorts a leg, or one's organisation takes one over. */
export async function myRuns(ctx: ServiceContext): Promise<{ items: TripSummary[] }> {
  const runs = await ctx.store.transport.tripsOf(ctx.user.id, ctx.user.orgId);
  if (!runs.length) return { items: [] };
  const b = await loadRuns(ctx.store, runs);
  return {
    items: runs.map((r) => {
      const mine = ownLegs(ctx, r, b.legs.get(r.id) ?? []);
      return tripSummary(b, r, mine.partner.length ? 'partner' : 'escort');
    }),
  };
}
