/**
 * How likely two incidents are to be the same event recorded twice (ADR 0023): a score in [0, 1]
 * from six signals, each in [0, 1], and the reasons behind it. Only non-identifying facts are
 * compared — dates, public place, title and summary (when not sealed), kinds of act, perpetrator
 * groups — plus victims by actor id and pseudonym when the reader may see them.
 *
 * A pair is suggested when the dates really match (their day spans overlap or lie within
 * `windowDays` of each other, and neither is vaguer than a month), at least one of place (the same
 * crossing, town, or state — but not two different towns of one state), victims or text matches,
 * and the score reaches
 * SUGGEST_THRESHOLD. Symmetric: score(a, b) = score(b, a); an incident is never its own duplicate.
 */
import { dayNumber } from '../patterns/days.js';
import { foldName } from '../places/gazetteer.js';
import { jaccard, trigrams } from './text-similarity.js';

/** The facts one incident is compared by (nothing identifying). */
export interface DuplicateFacts {
  id: string;
  /** the day span of its date (dates.ts dateSpan), when it has one */
  span?: { from: string; to: string } | undefined;
  place: { country?: string | undefined; state?: string | undefined; locality?: string | undefined; crossing?: string | undefined };
  title: string;
  /** left out when sealed (marked identifying) */
  summary?: string | undefined;
  /** kinds of act (vocabulary codes) */
  acts: string[];
  /** perpetrator codes of its acts */
  perpetrators: string[];
  /** its victims, only when the reader may see them */
  victims?: { actorId: string; pseudonym: string }[] | undefined;
}

export type PlaceLevel = 'crossing' | 'locality' | 'state' | 'country';

export type DuplicateReason =
  | { kind: 'date'; gapDays: number; overlap: boolean }
  | { kind: 'place'; level: PlaceLevel }
  | { kind: 'victims'; byId: number; byPseudonym: number; pseudonyms: string[] }
  | { kind: 'text'; similarity: number }
  | { kind: 'acts'; shared: string[] }
  | { kind: 'perpetrators'; shared: string[] };

export interface PairScore {
  score: number;
  reasons: DuplicateReason[];
  suggested: boolean;
}

/** Weights of the six signals (they add up to 1). */
export const WEIGHTS = { date: 0.3, place: 0.25, victims: 0.2, text: 0.15, acts: 0.05, perpetrators: 0.05 } as const;
/** The least score a suggestion needs (besides a date match and a place, victim or text match). */
export const SUGGEST_THRESHOLD = 0.5;
/** Dates within this many days of each other count as close, unless asked otherwise. */
export const DEFAULT_WINDOW_DAYS = 7;
export const MAX_WINDOW_DAYS = 31;
/** A date vaguer than this many days (a year, a long range) never makes a date match. */
export const MAX_SPAN_DAYS = 31;
/** Place signal per level. */
export const PLACE_SCORE: Record<PlaceLevel, number> = { crossing: 1, locality: 1, state: 0.6, country: 0.2 };
/** Text similarity (trigram Jaccard) at which the text signal is full, and the least that counts as a text match. */
export const TEXT_FULL = 0.5;
export const TEXT_MATCH = 0.3;
/** A victim matched only by the same pseudonym (not the same recorded person) counts this much. */
export const PSEUDONYM_WEIGHT = 0.8;

/** What scoring needs of one incident, computed once (a list compares each incident with many). */
export interface PreparedFacts {
  facts: DuplicateFacts;
  /** day numbers of the span, or null when undated or not a real day */
  from: number | null;
  to: number | null;
  locality: string;
  titleGrams: Set<string>;
  allGrams: Set<string>;
  actRoots: Set<string>;
  perpGroups: Set<string>;
  victimIds: Set<string> | null;
  /** folded pseudonym → the pseudonym as written, for victims (when known) */
  pseudonyms: Map<string, string> | null;
}

const rootOf = (code: string) => code.split('.')[0] ?? code;
const groupOf = (code: string) => code.split('.').slice(0, 2).join('.');

export function prepareFacts(f: DuplicateFacts): PreparedFacts {
  const from = f.span ? dayNumber(f.span.from) : null;
  const to = f.span ? dayNumber(f.span.to) : null;
  const ok = from !== null && to !== null && to >= from;
  const pseudonyms = f.victims ? new Map<string, string>() : null;
  for (const v of f.victims ?? []) {
    const folded = foldName(v.pseudonym);
    if (folded.length >= 3 && !pseudonyms!.has(folded)) pseudonyms!.set(folded, v.pseudonym);
  }
  return {
    facts: f,
    from: ok ? from : null,
    to: ok ? to : null,
    locality: f.place.locality ? foldName(f.place.locality) : '',
    titleGrams: trigrams(f.title),
    allGrams: trigrams(`${f.title}\n${(f.summary ?? '').slice(0, 4000)}`),
    actRoots: new Set(f.acts.map(rootOf)),
    perpGroups: new Set(f.perpetrators.map(groupOf)),
    victimIds: f.victims ? new Set(f.victims.map((v) => v.actorId)) : null,
    pseudonyms,
  };
}

/** The width of a prepared span in days (1 for one day), or Infinity when undated. */
export function spanDays(p: PreparedFacts): number {
  return p.from === null || p.to === null ? Infinity : p.to - p.from + 1;
}

function dateSignal(a: PreparedFacts, b: PreparedFacts, windowDays: number): { value: number; reason?: DuplicateReason } {
  if (a.from === null || a.to === null || b.from === null || b.to === null) return { value: 0 };
  const widest = Math.max(spanDays(a), spanDays(b));
  const gap = Math.max(0, Math.max(a.from, b.from) - Math.min(a.to, b.to));
  if (gap > windowDays || widest > MAX_SPAN_DAYS) return { value: 0 };
  const closeness = 1 - gap / (windowDays + 1);
  const sharpness = 1 - (0.5 * (widest - 1)) / (MAX_SPAN_DAYS - 1);
  const overlap = Math.max(a.from, b.from) <= Math.min(a.to, b.to);
  return { value: closeness * sharpness, reason: { kind: 'date', gapDays: gap, overlap } };
}

const compatible = (x: string | undefined, y: string | undefined) => x === undefined || y === undefined || x === y;

/** The finest public level two places share (never across different countries or states). */
export function sharedPlaceLevel(a: PreparedFacts, b: PreparedFacts): PlaceLevel | null {
  const pa = a.facts.place;
  const pb = b.facts.place;
  if (!compatible(pa.country, pb.country)) return null;
  if (pa.crossing !== undefined && pa.crossing === pb.crossing) return 'crossing';
  if (!compatible(pa.state, pb.state)) return null;
  if (a.locality && a.locality === b.locality && (pa.state !== undefined || pb.state !== undefined || pa.country !== undefined || pb.country !== undefined)) return 'locality';
  if (pa.state !== undefined && pa.state === pb.state) return 'state';
  if (pa.country !== undefined && pa.country === pb.country) return 'country';
  return null;
}

function victimSignal(a: PreparedFacts, b: PreparedFacts): { value: number; reason?: DuplicateReason } {
  if (!a.victimIds || !b.victimIds || !a.pseudonyms || !b.pseudonyms || a.victimIds.size === 0 || b.victimIds.size === 0) return { value: 0 };
  let byId = 0;
  for (const id of a.victimIds) if (b.victimIds.has(id)) byId++;
  // pseudonyms of victims not already matched as the same recorded person
  const sameIds = new Set([...a.victimIds].filter((id) => b.victimIds!.has(id)));
  const foldedOf = (p: PreparedFacts, ids: Set<string>) =>
    new Set((p.facts.victims ?? []).filter((v) => !ids.has(v.actorId)).map((v) => foldName(v.pseudonym)).filter((n) => n.length >= 3));
  const restA = foldedOf(a, sameIds);
  const restB = foldedOf(b, sameIds);
  const names: string[] = [];
  for (const n of restA) if (restB.has(n)) names.push(n);
  const byPseudonym = names.length;
  if (byId + byPseudonym === 0) return { value: 0 };
  const smaller = Math.min(a.victimIds.size, b.victimIds.size);
  const value = Math.min(1, (byId + PSEUDONYM_WEIGHT * byPseudonym) / smaller);
  // the pseudonym shown is the alphabetically first spelling of the two, so the reason is symmetric
  const shown = names.sort().map((n) => [a.pseudonyms!.get(n)!, b.pseudonyms!.get(n)!].sort()[0]!);
  return { value, reason: { kind: 'victims', byId, byPseudonym, pseudonyms: shown.slice(0, 5) } };
}

function sortedShared(a: string[], b: string[], key: (s: string) => string): string[] {
  const keysB = new Set(b.map(key));
  const exactB = new Set(b);
  const exact = [...new Set(a.filter((x) => exactB.has(x)))];
  if (exact.length) return exact.sort();
  return [...new Set(a.map(key).filter((k) => keysB.has(k)))].sort();
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function scorePrepared(a: PreparedFacts, b: PreparedFacts, windowDays = DEFAULT_WINDOW_DAYS): PairScore {
  if (a.facts.id === b.facts.id) return { score: 0, reasons: [], suggested: false };
  const reasons: DuplicateReason[] = [];
  const date = dateSignal(a, b, windowDays);
  if (date.reason) reasons.push(date.reason);
  const level = sharedPlaceLevel(a, b);
  // two different towns of one state: the same state, but a weaker sign and not a place match
  const otherTowns = level === 'state' && a.locality !== '' && b.locality !== '' && a.locality !== b.locality;
  const place = level ? PLACE_SCORE[level] * (otherTowns ? 0.5 : 1) : 0;
  if (level) reasons.push({ kind: 'place', level });
  const victims = victimSignal(a, b);
  if (victims.reason) reasons.push(victims.reason);
  const similarity = Math.max(jaccard(a.titleGrams, b.titleGrams), jaccard(a.allGrams, b.allGrams));
  const text = Math.min(1, similarity / TEXT_FULL);
  if (similarity >= TEXT_MATCH) reasons.push({ kind: 'text', similarity: round(similarity) });
  const acts = jaccard(a.actRoots, b.actRoots);
  if (acts > 0) reasons.push({ kind: 'acts', shared: sortedShared(a.facts.acts, b.facts.acts, rootOf) });
  const perps = jaccard(a.perpGroups, b.perpGroups);
  if (perps > 0) reasons.push({ kind: 'perpetrators', shared: sortedShared(a.facts.perpetrators, b.facts.perpetrators, groupOf) });
  const score = round(
    WEIGHTS.date * date.value + WEIGHTS.place * place + WEIGHTS.victims * victims.value + WEIGHTS.text * text + WEIGHTS.acts * acts + WEIGHTS.perpetrators * perps,
  );
  const strong = (level !== null && level !== 'country' && !otherTowns) || victims.value > 0 || similarity >= TEXT_MATCH;
  return { score, reasons, suggested: date.reason !== undefined && strong && score >= SUGGEST_THRESHOLD };
}

export function scorePair(a: DuplicateFacts, b: DuplicateFacts, windowDays = DEFAULT_WINDOW_DAYS): PairScore {
  return scorePrepared(prepareFacts(a), prepareFacts(b), windowDays);
}
