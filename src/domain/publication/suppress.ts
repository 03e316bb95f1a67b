/**
 * Small-count suppression. A count below k (zero included, so that a blank never tells "none"
 * from "a few") is published as blank and marked suppressed. Complementary disclosure: when a
 * group of cells adds up to a published total (a partition of the victims: kind, role, gender
 * identity, LGBTI, migration status — with "not recorded" as a cell) and exactly one cell is
 * suppressed, total minus the others would give it back; so the smallest published cell of the
 * group is suppressed too (ties: the first in order). Each group is closed over its own total,
 * which is never changed here, so this cannot cascade.
 */
export interface Cell { key: string; count: number }
export interface PublishedCell { key: string; count: number | null; suppressed: boolean }

export function suppressOne(count: number, k: number): number | null {
  return count >= k ? count : null;
}

/** Primary and complementary suppression of one group of cells whose total is `total`. */
export function suppressGroup(cells: Cell[], total: number, k: number): PublishedCell[] {
  const out = cells.map((c) => ({ key: c.key, count: suppressOne(c.count, k), suppressed: c.count < k }));
  if (total >= k && out.length > 1 && out.filter((c) => c.suppressed).length === 1) {
    let pick = -1;
    for (let i = 0; i < out.length; i++) {
      if (!out[i]!.suppressed && (pick < 0 || cells[i]!.count < cells[pick]!.count)) pick = i;
    }
    if (pick >= 0) out[pick] = { key: out[pick]!.key, count: null, suppressed: true };
  }
  return out;
}
