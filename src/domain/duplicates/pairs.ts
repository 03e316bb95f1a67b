/**
 * Likely duplicates among many incidents (a workspace-wide list for a period, ADR 0023): sorted by
 * the first day of their span, each incident is compared only with those starting before its own
 * span ends plus the window — the only ones whose dates can match — so the work grows with the
 * number of incidents close in time, not with the square of the whole list. Incidents without a
 * date, or with one vaguer than a month, cannot have a date match and are skipped.
 */
import { compareText } from '../patterns/days.js';
import { DEFAULT_WINDOW_DAYS, MAX_SPAN_DAYS, prepareFacts, scorePrepared, spanDays, type DuplicateFacts, type DuplicateReason, type PreparedFacts } from './score.js';

export interface DuplicatePair {
  /** the two ids in code-unit order (a < b) */
  a: string;
  b: string;
  score: number;
  reasons: DuplicateReason[];
}

/** A pair's key, the same whichever way round it is given. */
export function pairKey(x: string, y: string): string {
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

/** Best first; equal scores by ids, so pages never overlap or skip. */
export function comparePairs(p: DuplicatePair, q: DuplicatePair): number {
  return q.score - p.score || compareText(p.a, q.a) || compareText(p.b, q.b);
}

export function findPairs(list: DuplicateFacts[], opts: { windowDays?: number; skip?: (a: string, b: string) => boolean } = {}): DuplicatePair[] {
  const windowDays = opts.windowDays ?? DEFAULT_WINDOW_DAYS;
  const seen = new Set<string>();
  const prepared: PreparedFacts[] = [];
  for (const f of list) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    const p = prepareFacts(f);
    if (spanDays(p) <= MAX_SPAN_DAYS) prepared.push(p);
  }
  prepared.sort((x, y) => x.from! - y.from! || compareText(x.facts.id, y.facts.id));
  const out: DuplicatePair[] = [];
  for (let i = 0; i < prepared.length; i++) {
    const x = prepared[i]!;
    for (let j = i + 1; j < prepared.length; j++) {
      const y = prepared[j]!;
      if (y.from! - x.to! > windowDays) break;
      const [a, b] = x.facts.id < y.facts.id ? [x, y] : [y, x];
      if (opts.skip?.(a.facts.id, b.facts.id)) continue;
      const s = scorePrepared(a, b, windowDays);
      if (s.suggested) out.push({ a: a.facts.id, b: b.facts.id, score: s.score, reasons: s.reasons });
    }
  }
  return out.sort(comparePairs);
}
