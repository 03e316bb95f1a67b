/** Timing helpers: percentiles, and repeated measurement bounded by rounds and by time. */
import { performance } from 'node:perf_hooks';

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export interface Timing { p50: number; p95: number; max: number; rounds: number }

export function summarise(xs: number[]): Timing {
  return { p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs), rounds: xs.length };
}

export async function timeOnce(fn: () => unknown): Promise<number> {
  const a = performance.now();
  await fn();
  return performance.now() - a;
}

/**
 * Runs `ours` and `floor` alternately (so both see the same machine load), after `warmup` rounds,
 * for at most `rounds` rounds or until `budgetMs` is spent (at least `minRounds`): at a million
 * incidents a slow search can take seconds, and the whole run must finish in reasonable time.
 */
export async function paired(opts: { ours: () => unknown; floor: () => unknown; rounds: number; minRounds?: number; warmup?: number; budgetMs: number }): Promise<{ ours: Timing; floor: Timing }> {
  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < (opts.warmup ?? 2); i++) {
    await opts.ours();
    await opts.floor();
  }
  const start = performance.now();
  while (ours.length < opts.rounds && (ours.length < (opts.minRounds ?? 5) || performance.now() - start < opts.budgetMs)) {
    ours.push(await timeOnce(opts.ours));
    floor.push(await timeOnce(opts.floor));
  }
  return { ours: summarise(ours), floor: summarise(floor) };
}
