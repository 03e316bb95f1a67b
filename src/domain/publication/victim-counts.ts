/**
 * Victims counted per year and coarse place, by kind of act and by profile, before suppression:
 * each cell counts distinct victims (the same person attacked twice in one place and year counts
 * once), so k is a number of people. Every value of a dimension gets a cell (zeros too): the
 * published grid does not depend on which values occur. Profile dimensions are partitions of the
 * victims (with "not_recorded"); kinds of act are not (a victim may suffer several, or none
 * recorded against them).
 */
import type { PublicationFacts } from './facts.js';
import { coarsenDate } from './coarse-date.js';
import { coarsenPlace, placeKey, type CoarsePlace } from './coarse-place.js';
import type { OpenDataSettings } from './settings.js';

export const VICTIM_DIMENSIONS = ['kind', 'role', 'gender', 'lgbti', 'migrationStatus', 'act'] as const;
export type VictimDimension = (typeof VICTIM_DIMENSIONS)[number];
export const PARTITIONS: ReadonlySet<VictimDimension> = new Set(['kind', 'role', 'gender', 'lgbti', 'migrationStatus']);
export const NOT_RECORDED = 'not_recorded';

/** The values every group of a dimension lists (the vocabulary's, in its order). */
export type DimensionValues = Record<VictimDimension, string[]>;

export interface VictimGroupKey { year: string; place: CoarsePlace }
export interface VictimTally {
  key: VictimGroupKey;
  total: number;
  cells: Record<VictimDimension, { key: string; count: number }[]>;
}

export class VictimCounter {
  private readonly groups = new Map<string, { key: VictimGroupKey; all: Set<number>; cells: Map<string, Set<number>> }>();
  constructor(private readonly settings: OpenDataSettings) {}

  /** Every incident makes its place and year a group, victims or not (a missing group would say "none"). */
  add(f: PublicationFacts): void {
    const date = coarsenDate(f, this.settings);
    const place = coarsenPlace(f.place, this.settings.placeLevel);
    const year = date.start ? date.start.slice(0, 4) : '';
    const gk = `${year}#${placeKey(place)}`;
    let g = this.groups.get(gk);
    if (!g) this.groups.set(gk, (g = { key: { year, place }, all: new Set(), cells: new Map() }));
    const put = (dim: VictimDimension, value: string | null, n: number) => {
      const ck = `${dim}\u0000${value ?? NOT_RECORDED}`;
      let s = g!.cells.get(ck);
      if (!s) g!.cells.set(ck, (s = new Set()));
      s.add(n);
    };
    const unnamed = f.acts.filter((a) => a.victim === null).map((a) => a.root);
    for (const v of f.victims) {
      g.all.add(v.n);
      put('kind', v.kind, v.n);
      put('role', v.role, v.n);
      put('gender', v.gender, v.n);
      put('lgbti', v.lgbti, v.n);
      put('migrationStatus', v.migrationStatus, v.n);
      for (const root of new Set([...unnamed, ...f.acts.filter((a) => a.victim === v.n).map((a) => a.root)])) put('act', root, v.n);
    }
  }

  /** The tallies in a stable order (year, then place), each dimension's cells in `values` order. */
  tallies(values: DimensionValues): VictimTally[] {
    const out: VictimTally[] = [];
    for (const g of this.groups.values()) {
      const cells = {} as VictimTally['cells'];
      for (const dim of VICTIM_DIMENSIONS) {
        const seen = new Set<string>();
        const list = values[dim].filter((v) => !seen.has(v) && seen.add(v));
        // a value recorded but missing from the list (a term since removed) still counts, as its own cell
        for (const ck of g.cells.keys()) {
          const [d, v] = ck.split('\u0000') as [string, string];
          if (d === dim && !seen.has(v)) { seen.add(v); list.push(v); }
        }
        // every victim has a kind; the profile codes may be missing
        if (PARTITIONS.has(dim) && dim !== 'kind' && !seen.has(NOT_RECORDED)) list.push(NOT_RECORDED);
        cells[dim] = list.map((v) => ({ key: v, count: g.cells.get(`${dim}\u0000${v}`)?.size ?? 0 }));
      }
      out.push({ key: g.key, total: g.all.size, cells });
    }
    const sortKey = (t: VictimTally) => `${t.key.year || '~'}#${placeKey(t.key.place)}`;
    return out.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  }
}
