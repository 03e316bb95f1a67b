/** A JSON value with its object keys in code-point order at every level and undefined members left out: the same data always serialises to the same bytes (manifests, capture records). */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortedKeys(v);
    }
    return out;
  }
  return value;
}
