/**
 * Likely duplicates across the workspace for a period (ADR 0023) — for a coordinator cleaning up
 * after an import: the incidents the reader may see whose span starts in the period (and those close
 * enough to pair with them), read by the indexed first day and at most PERIOD_CAP of them, compared
 * within a sliding window of days; pairs with one incident starting in the period, dismissed pairs
 * left out, best first, a page at a time.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { can } from '../../domain/user/roles.js';
import { duplicateSearchSchema } from '../../domain/duplicates/schema.js';
import { findPairs, pairKey } from '../../domain/duplicates/pairs.js';
import { periodWindow } from '../../domain/duplicates/window.js';
import type { DuplicateReason } from '../../domain/duplicates/score.js';
import { duplicates, factsOf, presentRow, type DuplicateIncident } from './duplicate-view.js';

/** At most this many incidents are compared for one period. */
export const PERIOD_CAP = 5000;

export interface DuplicatePairView { a: DuplicateIncident; b: DuplicateIncident; score: number; reasons: DuplicateReason[] }

export interface DuplicateSearchResult {
  total: number;
  page: number;
  pageSize: number;
  /** how many incidents were compared */
  compared: number;
  /** true when the period held more than PERIOD_CAP incidents (the later ones were not compared) */
  partial: boolean;
  items: DuplicatePairView[];
}

export async function searchDuplicates(ctx: ServiceContext, raw: unknown): Promise<DuplicateSearchResult> {
  requirePermission(ctx, 'incident.read');
  const q = parseInput(duplicateSearchSchema, raw);
  const viewer = { userId: ctx.user.id };
  const repo = duplicates(ctx.store);
  const w = periodWindow(q.from, q.to, q.windowDays);
  const { rows, capped } = await repo.startingBetween(w.firstFrom, w.lastFrom, { country: q.country, state: q.state }, viewer, PERIOD_CAP);
  const list = await repo.withParts(rows, { victims: can(ctx.user.role, 'actor.read') });
  const byId = new Map(list.map((r) => [r.id, r]));
  const dismissed = await repo.dismissedAmong(list.map((r) => r.id));
  const inPeriod = (id: string) => {
    const from = byId.get(id)!.span!.from;
    return from >= w.periodFrom && from <= w.periodTo;
  };
  const pairs = findPairs(list.map(factsOf), { windowDays: q.windowDays, skip: (a, b) => dismissed.has(pairKey(a, b)) }).filter((p) => inPeriod(p.a) || inPeriod(p.b));
  const page = pairs.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const attached = await repo.attachedCounts([...new Set(page.flatMap((p) => [p.a, p.b]))]);
  return {
    total: pairs.length, page: q.page, pageSize: q.pageSize, compared: list.length, partial: capped,
    items: page.map((p) => ({ a: presentRow(byId.get(p.a)!, attached.get(p.a)), b: presentRow(byId.get(p.b)!, attached.get(p.b)), score: p.score, reasons: p.reasons })),
  };
}
