/**
 * Turning a file's category value ("Ahogamiento", "Drowning", "INM", "Chiapas") into a code of the
 * vocabularies or the places data. Three outcomes:
 * - `mapped`: the mapping says which code (or '' to leave it empty) — the person decided;
 * - `exact`: the value *is* a code or a label (in Spanish or English, ignoring case, accents and
 *   punctuation), or the text of a term's published crosswalk (IOM, HURIDOCS, ACLED: "Cause of
 *   death: Drowning" matches "Drowning") — taken without asking;
 * - `none`: nothing sure; `suggestions` lists near matches (edit distance, shared words) for the
 *   person to choose from. A near match is never taken by itself.
 */
import { distance } from 'fastest-levenshtein';
import type { Lang, VocabularyIndex } from '../vocabulary/vocabulary.js';
import { places, worldCountries } from '../places/places.js';
import { foldName } from '../places/gazetteer.js';
import { VOCABULARY_TARGETS, isVocabularyTarget, type ValueTarget } from './mapping.js';

export interface ValueChoice {
  code: string;
  label: string;
}

export type Resolution =
  | { how: 'mapped'; code: string }
  | { how: 'exact'; code: string }
  | { how: 'none'; suggestions: ValueChoice[] };

interface Candidate {
  code: string;
  label: Record<Lang, string>;
  /** folded forms that match exactly */
  keys: string[];
}

/** The candidates of one target, built once per vocabulary state and reused for every row. */
export class ValueResolver {
  private readonly byTarget = new Map<ValueTarget, { list: Candidate[]; exact: Map<string, string> }>();
  /** what a value resolved to without the mapping (a table repeats its values a great deal) */
  private readonly seen = new Map<string, Resolution>();

  constructor(private readonly vocab: VocabularyIndex) {}

  private candidates(target: ValueTarget): { list: Candidate[]; exact: Map<string, string> } {
    let c = this.byTarget.get(target);
    if (c) return c;
    const list = isVocabularyTarget(target) ? this.vocabularyCandidates(VOCABULARY_TARGETS[target]) : placeCandidates(target);
    const exact = new Map<string, string>();
    for (const cand of list) for (const k of cand.keys) if (k && !exact.has(k)) exact.set(k, cand.code);
    c = { list, exact };
    this.byTarget.set(target, c);
    return c;
  }

  private vocabularyCandidates(scheme: string): Candidate[] {
    return this.vocab.inScheme(scheme).filter((t) => !t.retired).map((t) => {
      const keys = [foldName(t.code), foldName(t.label.es), foldName(t.label.en)];
      for (const v of Object.values(t.mapping ?? {})) {
        keys.push(foldName(v));
        const after = v.lastIndexOf(': ');
        if (after >= 0) keys.push(foldName(v.slice(after + 2)));
      }
      return { code: t.code, label: t.label, keys };
    });
  }

  /** Whether `code` is a code this target accepts (for values a mapping gives). */
  knows(target: ValueTarget, code: string): boolean {
    return this.candidates(target).list.some((c) => c.code === code);
  }

  resolve(target: ValueTarget, value: string, mapped: Readonly<Record<string, string>> | undefined, lang: Lang = 'es'): Resolution {
    const v = value.trim();
    if (mapped && Object.hasOwn(mapped, v)) return { how: 'mapped', code: mapped[v]! };
    const memo = `${target}\u0000${lang}\u0000${v}`;
    let r = this.seen.get(memo);
    if (!r) {
      const { list, exact } = this.candidates(target);
      const key = foldName(v);
      const hit = exact.get(key);
      r = hit !== undefined ? { how: 'exact', code: hit } : { how: 'none', suggestions: nearest(list, key, lang) };
      if (this.seen.size < 50_000) this.seen.set(memo, r);
    }
    return r;
  }
}

const STOPWORDS = new Set(['de', 'del', 'la', 'las', 'el', 'los', 'por', 'en', 'con', 'a', 'y', 'o', 'the', 'of', 'by', 'in', 'on', 'to', 'and', 'or', 'for', 'at']);
const words = (s: string) => s.split(' ').filter((w) => w.length > 1 && !STOPWORDS.has(w));

/** Two words are alike when equal, when one is a typo of the other, or when they share their first five letters ("telefonica", "telefono"). */
function wordsAlike(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5)) return true;
  return a.length >= 4 && b.length >= 4 && distance(a, b) <= 1;
}

/** How alike two folded texts are word by word (Dice coefficient over alike words), 0–1. */
function wordSimilarity(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const used = new Set<number>();
  let matched = 0;
  for (const w of a) {
    const j = b.findIndex((x, k) => !used.has(k) && wordsAlike(w, x));
    if (j >= 0) { used.add(j); matched++; }
  }
  return (2 * matched) / (a.length + b.length);
}

/** Up to three candidates close to `key`: a typo away from any folded form, or sharing most words. Lower scores are closer. */
function nearest(list: Candidate[], key: string, lang: Lang): ValueChoice[] {
  if (!key) return [];
  const mine = words(key);
  const scored: { c: Candidate; score: number }[] = [];
  for (const c of list) {
    let best = Infinity;
    for (const k of c.keys) {
      if (!k) continue;
      const longest = Math.max(key.length, k.length);
      const d = distance(key, k);
      if (d <= Math.max(1, Math.floor(longest / 5))) best = Math.min(best, d / longest);
      const sim = wordSimilarity(mine, words(k));
      if (sim >= 0.5) best = Math.min(best, 1 - sim + 0.01);
    }
    if (best < Infinity) scored.push({ c, score: best });
  }
  scored.sort((a, b) => a.score - b.score || a.c.code.localeCompare(b.c.code));
  return scored.slice(0, 3).map(({ c }) => ({ code: c.code, label: c.label[lang] }));
}

function placeCandidates(target: 'country' | 'state' | 'crossing'): Candidate[] {
  if (target === 'country') {
    const region = new Map(places.countries.map((c) => [c.code, c]));
    const all = [...places.countries, ...worldCountries.filter((c) => !region.has(c.code))];
    return all.map((c) => ({ code: c.code, label: c.name, keys: [foldName(c.code), foldName(c.name.es), foldName(c.name.en), ...COUNTRY_ALIASES.filter(([, code]) => code === c.code).map(([a]) => a)] }));
  }
  if (target === 'state') {
    return places.states.map((s) => ({ code: s.code, label: s.name, keys: [foldName(s.code), foldName(s.name.es), foldName(s.name.en), foldName(s.code.slice(3))].filter((k, i) => i < 3 || k.length > 2) }));
  }
  return places.crossings.map((c) => ({ code: c.code, label: c.name, keys: [foldName(c.code), foldName(c.name.es), foldName(c.name.en)] }));
}

/** How the region's countries are also written in spreadsheets. */
const COUNTRY_ALIASES: [string, string][] = [
  ['usa', 'US'], ['u s a', 'US'], ['eeuu', 'US'], ['ee uu', 'US'], ['eua', 'US'], ['estados unidos de america', 'US'], ['united states of america', 'US'],
  ['mex', 'MX'], ['estados unidos mexicanos', 'MX'], ['gua', 'GT'], ['gtm', 'GT'], ['hnd', 'HN'], ['slv', 'SV'],
];
