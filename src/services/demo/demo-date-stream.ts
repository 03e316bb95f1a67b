/**
 * Incident dates for the bulk generator, in date order without holding them all: each month gets
 * its share of the total from the intensity curve (largest remainders, so the shares add up to
 * the total exactly), and only one month's dates are drawn and sorted at a time. The one-by-one
 * generator draws every date first and sorts them, which is fine for thousands, not for a million.
 */
import type { Rng } from './demo-random.js';
import { type DatePlan, MONTHS, intensity, drawDateInMonth } from './demo-dates.js';

/** How many incidents fall in each month, summing to `total`. */
export function monthlyCounts(total: number): number[] {
  const weights = Array.from({ length: MONTHS }, (_, m) => intensity(m));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, m) => [x - Math.floor(x), m] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, m] of byRemainder) {
    if (left <= 0) break;
    counts[m]!++;
    left--;
  }
  return counts;
}

/** Dates in order (by representative day), one month at a time. */
export function* datesInOrder(rng: Rng, total: number): Generator<DatePlan> {
  const counts = monthlyCounts(total);
  for (let m = 0; m < MONTHS; m++) {
    const month = Array.from({ length: counts[m]! }, () => drawDateInMonth(rng, m)).sort((a, b) => a.day - b.day);
    yield* month;
  }
}
