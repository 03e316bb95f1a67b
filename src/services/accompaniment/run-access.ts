/**
 * Who reaches a transport run, and as what (ADR 0024) — the one place it is decided:
 *  - 'org': the run's organisation, with accompaniment.read (write for changes): the whole run;
 *  - 'escort': the driver or escort of one of its legs (an account of any organisation and role);
 *  - 'partner': a member of the partner organisation one of its legs is handed off to.
 * Escorts and partners reach only that one run (a TripView), mark only their own legs, and only
 * while it is planned or underway: the check runs on every request against the run as it is now, so
 * ending or cancelling it ends their access at once — nothing was copied to them. Anyone else gets
 * "not found", whatever the run holds.
 */
import type { ServiceContext } from '../context.js';
import { can } from '../../domain/user/roles.js';
import { ServiceError, forbidden, notFound } from '../errors.js';
import { isLive } from '../../domain/accompaniment/run.js';
import type { LegRow, RunRow } from '../../store/repositories/transport-repository.js';
import { requireAccompaniment, sameOrg } from './org-scope.js';

export type RunAccess =
  | { kind: 'org'; run: RunRow; legs: LegRow[]; /** legs this user may mark */ markable: Set<string> }
  | { kind: 'escort' | 'partner'; run: RunRow; legs: LegRow[]; /** their legs: the ones they may mark and whose meeting points they may read */ markable: Set<string> };

export const runNotFound = () => notFound('run');
export const runClosed = (ref: string) => new ServiceError(409, 'run_closed', `run ${ref} has ended or was cancelled; it can only be read`);
export const staleRun = (version: number) => new ServiceError(409, 'stale', `version: this run was changed by someone else (now version ${version}); reload it`);

/** The legs of a run this user drives or escorts, or that are handed off to their organisation (not the run's own). */
export function ownLegs(ctx: Pick<ServiceContext, 'user'>, run: RunRow, legs: LegRow[]): { escort: LegRow[]; partner: LegRow[] } {
  return {
    escort: legs.filter((l) => l.escortId === ctx.user.id),
    partner: legs.filter((l) => l.handoffOrgId !== null && l.handoffOrgId === ctx.user.orgId && l.handoffOrgId !== run.orgId),
  };
}

/** How this user reaches the run; 404 when they do not (or no longer do). */
export async function runAccess(ctx: ServiceContext, runId: string): Promise<RunAccess> {
  const run = await ctx.store.transport.run(runId);
  if (!run) throw runNotFound();
  const legs = await ctx.store.transport.legs([run.id]);
  const mine = ownLegs(ctx, run, legs);
  if (sameOrg(ctx, run.orgId) && can(ctx.user.role, 'accompaniment.read')) {
    const all = can(ctx.user.role, 'accompaniment.write');
    return { kind: 'org', run, legs, markable: new Set((all ? legs : mine.escort).map((l) => l.id)) };
  }
  if (!isLive(run.status)) throw runNotFound();
  const theirs = new Set([...mine.escort, ...mine.partner].map((l) => l.id));
  if (!theirs.size) throw runNotFound();
  return { kind: mine.partner.length ? 'partner' : 'escort', run, legs, markable: theirs };
}

/**
 * For a change of the plan or the status, inside `ctx.store`'s transaction: accompaniment.write, the
 * caller's organisation's run (404 otherwise), still planned or underway (409 run_closed).
 */
export async function ownRun(ctx: ServiceContext, runId: string, write: boolean): Promise<RunRow> {
  requireAccompaniment(ctx, write);
  const run = await ctx.store.transport.run(runId);
  if (!run || !sameOrg(ctx, run.orgId)) throw runNotFound();
  return run;
}

/** The same, for a change: the run live and at the version the writer saw (its version bumped, its row held). */
export async function writableRun(ctx: ServiceContext, runId: string, version: number): Promise<RunRow> {
  const run = await ownRun(ctx, runId, true);
  if (!isLive(run.status)) throw runClosed(run.ref);
  if (!(await ctx.store.transport.touch(runId, version, ctx.now()))) throw staleRun(run.version);
  return run;
}

/** A leg may be marked by this user (403 otherwise; the leg must be of the run: 404). */
export function requireMarkable(access: RunAccess, legId: string): LegRow {
  const leg = access.legs.find((l) => l.id === legId);
  if (!leg) throw notFound('leg');
  if (!access.markable.has(legId)) throw forbidden('you may mark only the legs you drive, escort or take over');
  return leg;
}
