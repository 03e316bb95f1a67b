/** Rows grouped by a key, each group in the rows' order (Map.groupBy arrives with Node 21; this project runs on 20). */
export function groupBy<R, K>(rows: readonly R[], key: (r: R) => K): Map<K, R[]> {
  const m = new Map<K, R[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** The number of a reference such as ACP-0012 or INC-000002 (0 when it has none), to order references as numbers. */
export const refNumber = (ref: string): number => Number(ref.replace(/^\D+/, '')) || 0;
