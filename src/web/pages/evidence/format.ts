/** Pure formatting for evidence (no DOM, no catalogue): sizes, hashes, the capture's "seen on". Tested in words.test.ts. */

/** A size in bytes as people read it: "812 B", "14.2 KB", "3.4 MB", "1.1 GB" (es-MX and en-US both write a decimal point). */
export function sizeText(bytes: number, l: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  const digits = u === 0 || n >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(l === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n)} ${units[u]}`;
}

/** The first 12 hex digits of a SHA-256, enough to tell items apart by eye. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** Today as YYYY-MM-DD in the local time zone. */
export function today(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** When a threat was seen, as the API takes it: the day, or the day and time ("2026-11-28T21:04"). */
export function seenAtValue(day: string, time: string): string {
  return time ? `${day}T${time}` : day;
}

/** Coordinates as numbers, never rounded away: "25.42321, -101.00531". */
export function coordinates(gps: { lat: number; lon: number }): string {
  return `${String(gps.lat)}, ${String(gps.lon)}`;
}
