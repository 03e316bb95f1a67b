/**
 * Live incidents in the order the list shows them: by the first day they may have happened, then
 * by seq; incidents without a date apart. One sorted array of keys (date × 2^26 + seq, exact in a
 * double) with the slot beside each key, so a search walks it from the newest (or the oldest)
 * and can stop filling its page early. A few changes move a few entries (binary search + shift);
 * many changes re-sort everything (a native sort of a million doubles).
 */
import { NO_DATE } from './columns.js';

const SEQ_SPACE = 2 ** 26;

export function orderKey(dateFrom: number, seq: number): number {
  return (dateFrom === NO_DATE ? 0 : dateFrom) * SEQ_SPACE + seq;
}

/** Keys below this are incidents without a date. */
export const FIRST_DATED_KEY = SEQ_SPACE;

export class DateOrder {
  keys: Float64Array = new Float64Array(0);
  slots: Int32Array = new Int32Array(0);
  size = 0;

  /** Rebuilds the order from scratch. */
  rebuild(keys: Float64Array, slotOfSeq: (seq: number) => number): void {
    keys.sort();
    this.keys = keys;
    this.size = keys.length;
    this.slots = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) this.slots[i] = slotOfSeq(keys[i]! % SEQ_SPACE);
  }

  /** First position whose key is ≥ `key`. */
  lowerBound(key: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  remove(key: number): void {
    const i = this.lowerBound(key);
    if (i >= this.size || this.keys[i] !== key) return;
    this.keys.copyWithin(i, i + 1, this.size);
    this.slots.copyWithin(i, i + 1, this.size);
    this.size--;
  }

  insert(key: number, slot: number): void {
    if (this.size === this.keys.length) {
      const cap = Math.max(1024, Math.ceil(this.size * 1.25));
      const keys = new Float64Array(cap);
      keys.set(this.keys.subarray(0, this.size));
      const slots = new Int32Array(cap);
      slots.set(this.slots.subarray(0, this.size));
      this.keys = keys;
      this.slots = slots;
    }
    const i = this.lowerBound(key);
    if (i < this.size && this.keys[i] === key) return;
    this.keys.copyWithin(i + 1, i, this.size);
    this.slots.copyWithin(i + 1, i, this.size);
    this.keys[i] = key;
    this.slots[i] = slot;
    this.size++;
  }

  bytes(): number {
    return this.keys.byteLength + this.slots.byteLength;
  }
}
