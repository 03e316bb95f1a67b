/**
 * Randomness for the demo generator: the mulberry32 PRNG (one seeded stream, no Math.random, so a
 * seed always gives the same data), the `Weighted` table type, and `Rng`, which draws floats,
 * chances, integers, uniform picks and weighted picks from that stream.
 */

/** mulberry32: a tiny, fast, good-enough 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Weighted<V> = readonly (readonly [V, number])[];

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<V>(list: readonly V[]): V {
    if (list.length === 0) throw new Error('demo: pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }
  weighted<V>(list: Weighted<V>): V {
    let total = 0;
    for (const [, w] of list) total += Math.max(0, w);
    if (total <= 0) throw new Error('demo: weighted pick with no weight');
    let r = this.next() * total;
    for (const [v, w] of list) {
      if (w <= 0) continue;
      r -= w;
      if (r < 0) return v;
    }
    return list[list.length - 1]![0];
  }
}
