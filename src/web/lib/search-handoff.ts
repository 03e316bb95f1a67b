/**
 * A search handed to the incident list by another page (the map's click-through): kept in memory
 * only — never in the URL, the title or browser storage — taken once by the list when it opens.
 */
import type { SearchQuery } from '../types';
import { onReset } from '../state';

let pending: Partial<SearchQuery> | null = null;
onReset(() => {
  pending = null;
});

export function handSearch(q: Partial<SearchQuery>): void {
  pending = q;
}

export function takeSearch(): Partial<SearchQuery> | null {
  const q = pending;
  pending = null;
  return q;
}
