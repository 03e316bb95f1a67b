/**
 * Which incidents hold every word of a search, as a bitset over the memory index's slots.
 *
 * A word is a prefix ("albergue" finds "albergues"). A prefix query makes FTS5 merge the lists
 * of every word it could stand for before answering, so a word found in most incidents cost
 * hundreds of milliseconds at a million. Instead the word is looked up in the index's vocabulary
 * (fts5vocab: a range read) and, when it stands for a few words, asked as "albergue OR
 * albergues", which FTS5 streams. Sets of more than COMMON incidents are kept (a few dozen, about
 * 125 KiB each at a million) and kept true on every write: the incidents that changed are asked
 * again. These are the "per-term bitmaps" of design.md §5.
 * PostgreSQL: the word is a prefix tsquery over the GIN-indexed tsvector (no expansion needed).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../schema-types.js';
import { dialectOf } from '../../migrations/dialect.js';
import { tsQuery } from '../fts-query.js';

type Db = Kysely<Database>;

/** Words found in more incidents than this are kept between searches (by default). */
export const COMMON = 2_000;
const KEPT = 48;
/** A prefix standing for more words than this is asked as a prefix. */
const MAX_EXPANSION = 24;
/** More changed incidents than this at once (an import): forget the kept sets instead. */
const MAX_REPROBE = 2_000;

/** Folds a word as the unicode61 tokenizer with remove_diacritics 2 does (case, accents). */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export class Bitset {
  words: Uint32Array;
  constructor(bits: number) {
    this.words = new Uint32Array(Math.ceil(Math.max(bits, 1) / 32));
  }
  get capacity(): number {
    return this.words.length * 32;
  }
  has(i: number): boolean {
    return ((this.words[i >>> 5]! >>> (i & 31)) & 1) === 1;
  }
  set(i: number): void {
    this.grow(i + 1);
    this.words[i >>> 5]! |= 1 << (i & 31);
  }
  clear(i: number): void {
    if (i < this.capacity) this.words[i >>> 5]! &= ~(1 << (i & 31));
  }
  grow(bits: number): void {
    if (bits <= this.capacity) return;
    const w = new Uint32Array(Math.ceil(Math.max(bits, this.capacity * 1.25) / 32));
    w.set(this.words);
    this.words = w;
  }
  and(other: Bitset): Bitset {
    const out = new Bitset(Math.min(this.capacity, other.capacity));
    for (let i = 0; i < out.words.length; i++) out.words[i] = this.words[i]! & other.words[i]!;
    return out;
  }
  count(): number {
    let n = 0;
    for (let i = 0; i < this.words.length; i++) {
      let v = this.words[i]!;
      v -= (v >>> 1) & 0x55555555;
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }
}

interface Kept { set: Bitset; size: number; usedAt: number }

export class TextMatcher {
  private readonly kept = new Map<string, Kept>();
  private tick = 0;

  private readonly pg: boolean;

  constructor(private readonly db: Db, private readonly slotOf: (seq: number) => number, private readonly keepOver = COMMON) {
    this.pg = dialectOf(db) === 'postgres';
  }

  /** Seqs of the incidents matching an engine query, optionally among some seqs only. */
  private async matching(q: string, among?: number[]): Promise<number[]> {
    const only: RawBuilder<unknown> = among ? (this.pg ? sql` AND f.seq IN (${sql.join(among)})` : sql` AND rowid IN (${sql.join(among)})`) : sql``;
    const rows = this.pg
      ? (await sql<{ seq: number }>`SELECT f.seq FROM incident_fts f WHERE f.doc @@ to_tsquery('simple', ${q})${only}`.execute(this.db)).rows
      : (await sql<{ seq: number }>`SELECT rowid AS seq FROM incident_fts WHERE incident_fts MATCH ${q}${only}`.execute(this.db)).rows;
    return rows.map((r) => Number(r.seq));
  }

  /**
   * The FTS5 query for one word: its expansion into whole words, or the word as a prefix (also
   * when the vocabulary has nothing under our folding, so that the tokenizer has the last word).
   */
  private async ftsQuery(word: string): Promise<string> {
    if (this.pg) return tsQuery([word]);
    const folded = foldWord(word);
    const terms = (await sql<{ term: string }>`SELECT term FROM incident_fts_vocab WHERE term >= ${folded} AND term <= ${folded + '\u{10FFFF}'} LIMIT ${MAX_EXPANSION + 1}`.execute(this.db)).rows
      .map((r) => r.term)
      .filter((t) => t.startsWith(folded));
    const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
    return !terms.length || terms.length > MAX_EXPANSION ? `${quote(word)}*` : terms.map(quote).join(' OR ');
  }

  private async wordSet(word: string): Promise<{ set: Bitset; size: number }> {
    const key = foldWord(word);
    const kept = this.kept.get(key);
    if (kept) {
      kept.usedAt = ++this.tick;
      return kept;
    }
    const set = new Bitset(0);
    let size = 0;
    const q = await this.ftsQuery(word);
    for (const seq of await this.matching(q)) {
      const s = this.slotOf(seq);
      if (s >= 0) {
        set.set(s);
        size++;
      }
    }
    if (size > this.keepOver) this.keep(key, { set, size, usedAt: ++this.tick });
    return { set, size };
  }

  private keep(key: string, k: Kept): void {
    if (this.kept.size >= KEPT) {
      let oldest: string | undefined;
      let at = Infinity;
      for (const [w, e] of this.kept) if (e.usedAt < at) [oldest, at] = [w, e.usedAt];
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    this.kept.set(key, k);
  }

  /** Slots of the incidents holding every word (words already split as searchTerms does). */
  async match(words: string[]): Promise<Bitset> {
    const sets = [];
    for (const w of words) sets.push(await this.wordSet(w));
    sets.sort((a, b) => a.size - b.size);
    let out = sets[0]!.set;
    for (const s of sets.slice(1)) out = out.and(s.set);
    return out;
  }

  /** Keeps the kept sets true after these incidents were written (or removed). */
  async changed(seqs: number[]): Promise<void> {
    if (!this.kept.size || !seqs.length) return;
    if (seqs.length > MAX_REPROBE) {
      this.kept.clear();
      return;
    }
    for (const [word, k] of [...this.kept]) {
      for (const seq of seqs) {
        const s = this.slotOf(seq);
        if (s >= 0 && k.set.has(s)) {
          k.set.clear(s);
          k.size--;
        }
      }
      const q = await this.ftsQuery(word);
      if (!this.pg && q.endsWith('*')) {
        // a broad prefix: asking it again per incident costs more than forgetting it
        this.kept.delete(word);
        continue;
      }
      for (const seq of await this.matching(q, seqs)) {
        const s = this.slotOf(seq);
        if (s >= 0 && !k.set.has(s)) {
          k.set.set(s);
          k.size++;
        }
      }
    }
  }

  clear(): void {
    this.kept.clear();
  }

  bytes(): number {
    let n = 0;
    for (const k of this.kept.values()) n += k.set.words.byteLength;
    return n;
  }
}
