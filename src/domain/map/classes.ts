/** The choropleth's classes, shared by the map page and the report's map: up to five classes of states with incidents (quantiles), 0 = none. */

/** Class breaks (each the class's upper bound) from the counts of the states. */
export function classBreaks(counts: number[]): number[] {
  const xs = counts.filter((n) => n > 0).sort((a, b) => a - b);
  if (!xs.length) return [];
  const breaks: number[] = [];
  for (const q of [0.2, 0.4, 0.6, 0.8]) {
    const v = xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
    if (v > (breaks[breaks.length - 1] ?? 0) && v < xs[xs.length - 1]!) breaks.push(v);
  }
  return [...breaks, xs[xs.length - 1]!];
}

/** The class (1…) of a count given the breaks; 0 for none. */
export function classOf(n: number, breaks: number[]): number {
  if (n <= 0) return 0;
  const i = breaks.findIndex((b) => n <= b);
  return i < 0 ? breaks.length : i + 1;
}

/** "1–12", "13–40" … for the legend. */
export function classRanges(breaks: number[]): { from: number; to: number }[] {
  return breaks.map((b, i) => ({ from: i === 0 ? 1 : breaks[i - 1]! + 1, to: b }));
}
