/**
 * A search's words as full-text queries, every word a prefix and all required: FTS5's MATCH
 * syntax (SQLite) and a tsquery (PostgreSQL, folded like the index's bitacora_fold). No syntax a
 * person types reaches either engine: words are letters and digits only (searchTerms), quoted.
 */
export function ftsMatch(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' ');
}

/** PostgreSQL: every word as a prefix, all required, folded like the index (bitacora_fold). */
export function tsQuery(terms: string[]): string {
  return terms.map((t) => `'${t.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/'/g, "''").replace(/\\/g, '')}':*`).join(' & ');
}
