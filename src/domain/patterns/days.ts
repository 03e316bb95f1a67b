/**
 * Calendar-day arithmetic for the detectors. Days are 'YYYY-MM-DD' strings counted in UTC, so a
 * window never gains or loses a day at a daylight-saving change. Windows are inclusive: a window of
 * N days starting on day d holds d … d + N − 1.
 */

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day as a whole number of days since 1970-01-01, or null when it is not a real 'YYYY-MM-DD' day. */
export function dayNumber(day: string | null | undefined): number | null {
  if (typeof day !== 'string') return null;
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2023-02-30 over to March (and maps years 0–99 to 19xx): going back catches both.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return null;
  return ms / DAY_MS;
}

/** The 'YYYY-MM-DD' day of a day number (the inverse of dayNumber). */
export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Whether two days (as day numbers) fit in one inclusive window of windowDays days. */
export function withinWindow(first: number, last: number, windowDays: number): boolean {
  return last - first <= windowDays - 1;
}

/** Order by day (undated last), then by id; plain code-unit comparison so the order never depends on a locale. */
export function compareDayThenId(a: { id: string; day: string | null }, b: { id: string; day: string | null }): number {
  if (a.day !== b.day) {
    if (a.day === null) return 1;
    if (b.day === null) return -1;
    return a.day < b.day ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The distinct incident ids behind a flag, sorted by day then id. An id seen more than once (several
 * acts of one incident) appears once, at its earliest day.
 */
export function sortedIncidentIds(entries: Iterable<{ id: string; day: string | null }>): string[] {
  const earliest = new Map<string, string | null>();
  for (const { id, day } of entries) {
    if (!earliest.has(id)) earliest.set(id, day);
    else if (day !== null) {
      const known = earliest.get(id) ?? null;
      if (known === null || day < known) earliest.set(id, day);
    }
  }
  return [...earliest].map(([id, day]) => ({ id, day })).sort(compareDayThenId).map((e) => e.id);
}

/** Plain code-unit string comparison, for deterministic sorting of ids and codes. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
