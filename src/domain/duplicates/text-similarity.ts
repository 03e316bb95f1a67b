/**
 * How alike two short texts are (titles and summaries written by different people about the same
 * event): both are folded (accents, case, punctuation), common Spanish and English words dropped,
 * and each remaining word cut into character trigrams ("tapachula" → " ta", "tap", …, "la "); the
 * similarity is the Jaccard index of the two trigram sets, in [0, 1]. Trigrams forgive the small
 * differences two organisations' wordings have ("detenido" / "detención", "Tapachula" / "tapachula,").
 */
import { foldName } from '../places/gazetteer.js';

/** Words that say nothing about which event a text describes. */
const STOPWORDS = new Set(
  (
    'de del la las el los en y a al por para con sin un una unos unas que se su sus lo le les es son fue fueron ' +
    'era eran ha han hay este esta estos estas ese esa eso como mas pero sobre entre tras desde hasta ante ' +
    'the of and in on at to for by with from an is was were are be been has have had this that these those ' +
    'it its as or not'
  ).split(' '),
);

/** The folded words of a text that carry meaning (two letters or more, not a stopword). */
export function contentWords(text: string): string[] {
  return foldName(text)
    .split(' ')
    .filter((w) => w.length >= 2 && !STOPWORDS.has(w));
}

/** The character trigrams of a text's content words, each word padded with a space on both sides. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of contentWords(text)) {
    const padded = ` ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty (nothing to compare is not a match). */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export function textSimilarity(a: string, b: string): number {
  return jaccard(trigrams(a), trigrams(b));
}
