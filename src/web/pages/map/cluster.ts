/**
 * Clusters of map points on screen (docs/adr/0016-offline-map.md): the server counts per gazetteer
 * point (a few hundred at most); here points closer than `radius` screen units at the current zoom
 * join the biggest one near them. Greedy, most incidents first, so the result is stable for a zoom.
 * A cluster sits at its points' count-weighted mean — between gazetteer points, never at a new place
 * finer than theirs.
 */
export interface Placed<T> {
  item: T;
  x: number;
  y: number;
  count: number;
}

export interface Cluster<T> {
  x: number;
  y: number;
  count: number;
  items: T[];
}

export function cluster<T>(points: Placed<T>[], radius: number): Cluster<T>[] {
  const sorted = [...points].sort((a, b) => b.count - a.count);
  const out: (Cluster<T> & { sx: number; sy: number; w: number; cx: number; cy: number })[] = [];
  const r2 = radius * radius;
  for (const p of sorted) {
    const near = out.find((c) => (c.cx - p.x) ** 2 + (c.cy - p.y) ** 2 <= r2);
    if (near) {
      near.items.push(p.item);
      near.count += p.count;
      near.sx += p.x * p.count;
      near.sy += p.y * p.count;
      near.w += p.count;
    } else {
      out.push({ x: p.x, y: p.y, cx: p.x, cy: p.y, count: p.count, items: [p.item], sx: p.x * p.count, sy: p.y * p.count, w: p.count });
    }
  }
  return out.map((c) => ({ x: c.w ? c.sx / c.w : c.cx, y: c.w ? c.sy / c.w : c.cy, count: c.count, items: c.items }));
}
