/**
 * Likely duplicates of one incident (ADR 0023), best first with their reasons: candidates from SQL
 * by the indexed country and first day (a window of days around the incident's span) and by shared
 * victims, among the incidents the reader may see; scored in memory on non-identifying facts (and
 * victims, when the reader may see people); pairs dismissed as "not a duplicate" left out.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { can } from '../../domain/user/roles.js';
import { notFound } from '../errors.js';
import { DEFAULT_WINDOW_DAYS, prepareFacts, scorePrepared, type DuplicateReason } from '../../domain/duplicates/score.js';
import { candidateWindow } from '../../domain/duplicates/window.js';
import { pairKey } from '../../domain/duplicates/pairs.js';
import { compareText } from '../../domain/patterns/days.js';
import { duplicates, factsOf, presentRow, type DuplicateIncident } from './duplicate-view.js';

/** At most this many candidates are read per kind (same country, no country, shared victims). */
export const CANDIDATE_CAP = 1000;
/** At most this many suggestions are returned. */
export const SUGGESTION_LIMIT = 20;

export interface DuplicateSuggestion { incident: DuplicateIncident; score: number; reasons: DuplicateReason[] }

export interface SuggestResult {
  /** false when the incident's date cannot match any (undated, or vaguer than a month) */
  dated: boolean;
  /** true when a kind of candidate held more than CANDIDATE_CAP incidents (some were not compared) */
  partial: boolean;
  items: DuplicateSuggestion[];
}

export async function suggestDuplicates(ctx: ServiceContext, id: string, opts: { windowDays?: number } = {}): Promise<SuggestResult> {
  requirePermission(ctx, 'incident.read');
  const windowDays = opts.windowDays ?? DEFAULT_WINDOW_DAYS;
  const viewer = { userId: ctx.user.id };
  const repo = duplicates(ctx.store);
  const row = await repo.row(id, viewer);
  if (!row) throw notFound('incident');
  const withVictims = can(ctx.user.role, 'actor.read');
  const [target] = await repo.withParts([row], { victims: true });
  const window = candidateWindow(target!.span, windowDays);
  if (!window) return { dated: false, partial: false, items: [] };
  const { rows, capped } = await repo.candidates({ id, country: row.country, victims: target!.victims!.map((v) => v.actorId) }, window, viewer, CANDIDATE_CAP);
  const candidates = await repo.withParts(rows, { victims: withVictims });
  const dismissed = await repo.dismissedAmong([id]);
  const mine = prepareFacts(factsOf(withVictims ? target! : { ...target!, victims: undefined }));
  const scored = candidates
    .filter((c) => !dismissed.has(pairKey(id, c.id)))
    .map((c) => ({ c, s: scorePrepared(mine, prepareFacts(factsOf(c)), windowDays) }))
    .filter((x) => x.s.suggested)
    .sort((x, y) => y.s.score - x.s.score || compareText(x.c.id, y.c.id))
    .slice(0, SUGGESTION_LIMIT);
  const attached = await repo.attachedCounts(scored.map((x) => x.c.id));
  return { dated: true, partial: capped, items: scored.map(({ c, s }) => ({ incident: presentRow(c, attached.get(c.id)), score: s.score, reasons: s.reasons })) };
}
