/**
 * victims.csv and the victim counts of places.geojson: the tallies (victim-counts.ts) suppressed
 * below k, with complementary suppression inside each partition (suppress.ts). A place's total
 * over all years (in the GeoJSON) is withheld too when exactly one of its years' totals is
 * suppressed, since it would give that year back.
 */
import { suppressGroup, suppressOne } from './suppress.js';
import { PARTITIONS, VICTIM_DIMENSIONS, type VictimTally } from './victim-counts.js';
import { DIMENSION_NAME, DIMENSION_SCHEME, word, type Labeller } from './labels.js';
import { placeKey, type CoarsePlace } from './coarse-place.js';

function valueLabel(dim: string, key: string, l: Labeller): string {
  if (key === 'not_recorded') return word('not_recorded', l.lang);
  if (dim === 'kind') return key === 'person' || key === 'organisation' ? word(key, l.lang) : key;
  return l.term(DIMENSION_SCHEME[dim as keyof typeof DIMENSION_SCHEME], key);
}

function placeCells(p: CoarsePlace, l: Labeller): string[] {
  return [p.country ?? '', p.country ? l.country(p.country) : '', p.state ?? '', p.state ? l.state(p.state) : '', p.municipality ?? '', word(p.precision, l.lang)];
}

/** Rows of victims.csv (without the header), in tally order: the total first, then each dimension. */
export function victimRows(tallies: VictimTally[], k: number, l: Labeller): string[][] {
  const out: string[][] = [];
  const yes = word('yes', l.lang);
  const cell = (n: number | null, suppressed: boolean) => [n === null ? '' : String(n), suppressed ? yes : ''];
  for (const t of tallies) {
    const head = [t.key.year, ...placeCells(t.key.place, l)];
    const total = suppressOne(t.total, k);
    out.push([...head, DIMENSION_NAME['total']!, 'all', word('all', l.lang), ...cell(total, total === null)]);
    for (const dim of VICTIM_DIMENSIONS) {
      const published = PARTITIONS.has(dim) || dim === 'act' ? suppressGroup(t.cells[dim], t.total, k) : [];
      for (const c of published) out.push([...head, DIMENSION_NAME[dim]!, c.key, valueLabel(dim, c.key, l), ...cell(c.count, c.suppressed)]);
    }
  }
  return out;
}

export interface PlaceVictims { victims: number | null; suppressed: boolean }

/** Victims per coarse place over all years, suppressed below k or when exactly one year's total is. */
export function placeVictims(tallies: VictimTally[], k: number): Map<string, PlaceVictims> {
  const byPlace = new Map<string, { total: number; suppressedYears: number }>();
  for (const t of tallies) {
    const key = placeKey(t.key.place);
    const p = byPlace.get(key) ?? { total: 0, suppressedYears: 0 };
    p.total += t.total;
    if (t.total < k) p.suppressedYears++;
    byPlace.set(key, p);
  }
  const out = new Map<string, PlaceVictims>();
  for (const [key, p] of byPlace) {
    const hide = p.total < k || p.suppressedYears === 1;
    out.set(key, { victims: hide ? null : p.total, suppressed: hide });
  }
  return out;
}
