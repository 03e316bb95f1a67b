/**
 * The people pool of the bulk generator, built for a million incidents (≈170,000 people):
 *  - only what choosing needs is kept per person (home town, weight) in typed arrays; the person
 *    (`makePerson`, with its own seeded stream) is made the first time they are chosen, and their
 *    input is let go once recorded, so memory stays small;
 *  - choosing is a weighted draw over precomputed cumulative weights (binary search) instead of
 *    filtering the whole pool at every draw: by town, then within the 1.6° radius, the country,
 *    anywhere — the same steps and chances as `selectVictim` in demo-people.ts;
 *  - people who cannot be chosen (excluded from this incident, no longer available) are skipped
 *    by drawing again.
 */
import { places, type Locality } from '../../domain/places/places.js';
import type { RawActor } from './demo-input-types.js';
import { Rng, type Weighted } from './demo-random.js';
import type { Codes } from './demo-codes.js';
import type { PlacePlan } from './demo-places.js';
import { type PoolActor, seriesOf, makePerson } from './demo-people.js';

/** Draws before giving up on a group whose members are all excluded or unavailable (rare: next step). */
const TRIES = 12;
const RADIUS = 1.6; // degrees, as selectVictim uses for people

/** Stands in for a recorded person's input, which is no longer needed (they are referred to by id). */
export const RECORDED_INPUT: RawActor = Object.freeze({ kind: 'person', pseudonym: '(recorded)' }) as RawActor;

/** A weighted set of people: towns by their total weight, then people within a town. */
interface Group { towns: number[]; cum: Float64Array }

export class IndexedPersonPool {
  readonly size: number;
  private readonly home: Int32Array;
  private readonly serial: Int32Array;
  private readonly weight: Float64Array;
  /** people of each town (indices) and their cumulative weights */
  private readonly members: Int32Array[];
  private readonly memberCum: Float64Array[];
  private readonly made = new Map<number, PoolActor>();
  private readonly near = new Map<string, Group>();
  private readonly national = new Map<string, Group>();
  private readonly everywhere: Group;
  private readonly townIndex: Map<Locality, number>;

  constructor(rng: Rng, private readonly codes: Codes, count: number, localityTable: Weighted<Locality>, private readonly seed: number) {
    this.size = count;
    const index = new Map(places.localities.map((l, i) => [l, i]));
    this.townIndex = index;
    this.home = new Int32Array(count);
    this.serial = new Int32Array(count);
    this.weight = new Float64Array(count);
    const serialBySeries = new Map<string, number>();
    const byTown: number[][] = places.localities.map(() => []);
    for (let i = 0; i < count; i++) {
      const home = rng.weighted(localityTable);
      const s = seriesOf(home);
      const serial = (serialBySeries.get(s) ?? 0) + 1;
      serialBySeries.set(s, serial);
      const t = index.get(home)!;
      this.home[i] = t;
      this.serial[i] = serial;
      // a few people appear in many incidents (same curve as makePerson's weight)
      this.weight[i] = 1 / (1 + rng.float() * 8) ** 1.3;
      byTown[t]!.push(i);
    }
    this.members = byTown.map((m) => Int32Array.from(m));
    this.memberCum = this.members.map((m) => cumulative(Array.from(m, (i) => this.weight[i]!)));
    this.everywhere = this.group(places.localities.map((_, t) => t));
  }

  /** The person behind an index, made on first use from their own stream (same person for a seed). */
  private actor(i: number): PoolActor {
    let a = this.made.get(i);
    if (!a) {
      const home = places.localities[this.home[i]!]!;
      a = makePerson(new Rng((this.seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0), this.codes, i, home, this.serial[i]!);
      a.weight = this.weight[i]!;
      this.made.set(i, a);
    }
    return a;
  }

  /** Lets go of a recorded person's input: from now on incidents refer to them by id. */
  release(a: PoolActor): void {
    if (a.actorId) a.input = RECORDED_INPUT;
  }

  /** People made so far who were recorded (have an id). */
  recorded(): number {
    let n = 0;
    for (const a of this.made.values()) if (a.actorId) n++;
    return n;
  }

  private group(towns: number[]): Group {
    const kept = towns.filter((t) => this.members[t]!.length > 0);
    return { towns: kept, cum: cumulative(kept.map((t) => this.memberCum[t]!.at(-1)!)) };
  }

  private usable(i: number, exclude: Set<PoolActor>): boolean {
    const a = this.made.get(i);
    return !a || (!a.unavailable && !exclude.has(a));
  }

  private drawInTown(rng: Rng, t: number): number {
    return this.members[t]![search(this.memberCum[t]!, rng.float() * this.memberCum[t]!.at(-1)!)]!;
  }

  private drawIn(rng: Rng, g: Group, exclude: Set<PoolActor>): PoolActor | undefined {
    if (!g.towns.length) return undefined;
    for (let k = 0; k < TRIES; k++) {
      const t = g.towns[search(g.cum, rng.float() * g.cum.at(-1)!)]!;
      const i = this.drawInTown(rng, t);
      if (this.usable(i, exclude)) return this.actor(i);
    }
    return undefined;
  }

  /** Same steps and chances as selectVictim: the town (75 %), nearby (85 %), the country (70 %), anywhere. */
  person(rng: Rng, plan: PlacePlan, exclude: Set<PoolActor>): PoolActor | undefined {
    const town = plan.locality ? (this.townIndex.get(plan.locality) ?? -1) : -1;
    if (town >= 0 && this.members[town]!.length && rng.chance(0.75)) {
      const a = this.drawIn(rng, this.group([town]), exclude);
      if (a) return a;
    }
    const key = `${plan.lat},${plan.lon}`;
    let near = this.near.get(key);
    if (!near) {
      near = this.group(places.localities.flatMap((l, t) => ((l.lat - plan.lat) ** 2 + (l.lon - plan.lon) ** 2 < RADIUS * RADIUS ? [t] : [])));
      this.near.set(key, near);
    }
    if (near.towns.length && rng.chance(0.85)) {
      const a = this.drawIn(rng, near, exclude);
      if (a) return a;
    }
    let national = this.national.get(plan.country);
    if (!national) {
      national = this.group(places.localities.flatMap((l, t) => (l.country === plan.country ? [t] : [])));
      this.national.set(plan.country, national);
    }
    if (national.towns.length && rng.chance(0.7)) {
      const a = this.drawIn(rng, national, exclude);
      if (a) return a;
    }
    return this.drawIn(rng, this.everywhere, exclude);
  }
}

function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => { s += w; out[i] = s; });
  return out;
}

/** The first index whose cumulative weight exceeds r. */
function search(cum: Float64Array, r: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
