/**
 * Matching for the decrypt-and-scan search of identifying values: case, accents and repeated
 * spaces do not matter ("maria  PEREZ" finds "María Pérez"), as in the full-text search.
 */
export function foldForMatch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase('es').replace(/\s+/g, ' ').trim();
}

/** The fields (by generic name, never the value) whose text contains every word of the query. */
export function matchingFields(query: string, values: { field: string; text: string }[]): string[] {
  const words = foldForMatch(query).split(' ').filter(Boolean);
  if (!words.length) return [];
  const hits = new Set<string>();
  for (const v of values) {
    const text = foldForMatch(v.text);
    if (words.every((w) => text.includes(w))) hits.add(v.field);
  }
  return [...hits].sort();
}
