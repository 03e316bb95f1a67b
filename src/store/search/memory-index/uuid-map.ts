/**
 * A Map from ids to small integers for the memory index (ADR 0013), held in typed arrays: an id is
 * four 32-bit words (16 bytes) in an open-addressing table, instead of a string key in a Map
 * (~100 bytes an entry in V8: the string, its header, the entry). At a million incidents the
 * index keeps every person's number and every restricted incident's seq by id, so this is tens of
 * megabytes of heap. Ids that are not canonical lowercase UUIDs (none are written today) go to an
 * ordinary Map, so the answers are exact whatever the id.
 */
const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EMPTY = 0;
const TOMBSTONE = -1;

export class UuidMap {
  /** 4 words per entry, by entry number */
  private words = new Uint32Array(64);
  private values = new Int32Array(16);
  /** hash slot → entry number + 1; 0 empty, -1 deleted */
  private slots = new Int32Array(32);
  private entries = 0;
  private live = 0;
  /** deleted slots still in the table (probes pass over them) */
  private dead = 0;
  private freed: number[] = [];
  private readonly other = new Map<string, number>();

  get size(): number {
    return this.live + this.other.size;
  }

  get(id: string): number | undefined {
    const w = parse(id);
    if (!w) return this.other.get(id);
    const at = this.find(w);
    return at < 0 ? undefined : this.values[this.slots[at]! - 1];
  }

  set(id: string, value: number): void {
    const w = parse(id);
    if (!w) {
      this.other.set(id, value);
      return;
    }
    const at = this.find(w);
    if (at >= 0) {
      this.values[this.slots[at]! - 1] = value;
      return;
    }
    // at most half full, counting deleted slots: a probe always reaches an empty one
    if ((this.live + this.dead + 1) * 2 > this.slots.length) this.rehash((this.live + 1) * 4 > this.slots.length ? this.slots.length * 2 : this.slots.length);
    const e = this.freed.pop() ?? this.entries++;
    if (e >= this.values.length) this.growEntries(this.values.length * 2);
    this.words.set(w, e * 4);
    this.values[e] = value;
    this.place(w, e);
    this.live++;
  }

  delete(id: string): boolean {
    const w = parse(id);
    if (!w) return this.other.delete(id);
    const at = this.find(w);
    if (at < 0) return false;
    this.freed.push(this.slots[at]! - 1);
    this.slots[at] = TOMBSTONE;
    this.live--;
    this.dead++;
    return true;
  }

  /** Bytes held by the arrays (for the benchmark's memory figures). */
  bytes(): number {
    return this.words.byteLength + this.values.byteLength + this.slots.byteLength;
  }

  private find(w: Uint32Array): number {
    const mask = this.slots.length - 1;
    for (let i = hash(w) & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i]!;
      if (s === EMPTY) return -1;
      if (s === TOMBSTONE) continue;
      const k = (s - 1) * 4;
      const ws = this.words;
      if (ws[k] === w[0] && ws[k + 1] === w[1] && ws[k + 2] === w[2] && ws[k + 3] === w[3]) return i;
    }
  }

  private place(w: Uint32Array, entry: number): void {
    const mask = this.slots.length - 1;
    let i = hash(w) & mask;
    while (this.slots[i]! > 0) i = (i + 1) & mask;
    if (this.slots[i] === TOMBSTONE) this.dead--;
    this.slots[i] = entry + 1;
  }

  private growEntries(n: number): void {
    const words = new Uint32Array(n * 4);
    words.set(this.words);
    this.words = words;
    const values = new Int32Array(n);
    values.set(this.values);
    this.values = values;
  }

  /** A new table of `n` slots with the live entries (tombstones dropped). */
  private rehash(n: number): void {
    const old = this.slots;
    this.slots = new Int32Array(n);
    this.dead = 0;
    for (const s of old) if (s > 0) this.place(this.words.subarray((s - 1) * 4, s * 4), s - 1);
  }
}

const scratch = new Uint32Array(4);

/** The id's four words (in a shared scratch array), or null when it is not a canonical UUID. */
function parse(id: string): Uint32Array | null {
  if (id.length !== 36 || !CANONICAL.test(id)) return null;
  scratch[0] = parseInt(id.slice(0, 8), 16);
  scratch[1] = parseInt(id.slice(9, 13) + id.slice(14, 18), 16);
  scratch[2] = parseInt(id.slice(19, 23) + id.slice(24, 28), 16);
  scratch[3] = parseInt(id.slice(28, 36), 16);
  return scratch;
}

function hash(w: Uint32Array): number {
  return Math.imul(w[0]! ^ Math.imul(w[3]!, 0x85ebca6b) ^ w[1]! ^ w[2]!, 0x9e3779b1) >>> 1;
}
