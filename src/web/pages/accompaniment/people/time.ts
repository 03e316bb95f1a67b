/**
 * Times at a place's zone, in the browser, without a time-zone library (ADR 0024): an instant shown
 * at the zone of its place with the zone's abbreviation ("dom, 14 mar 2027, 05:00 PDT"), never at
 * the reader's own zone; a wall time typed from a notice checked against the zone's clock changes
 * (skipped in spring, passed twice in autumn) so the form can say so before the server refuses it;
 * the offset on that date ("UTC−7"). The server decides; these helpers only explain.
 */

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, opts);
    cache.set(key, f);
  }
  return f;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The zone's offset from UTC at an instant, in minutes (Los Angeles in summer: −420). */
export function offsetMinutes(ms: number, zone: string): number {
  const part = fmt('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /^GMT([+-])(\d{2}):?(\d{2})?$/.exec(part ?? '');
  if (!m) return 0;
  const n = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -n : n;
}

/** "UTC−7", "UTC+5:30", "UTC" — with a real minus sign. */
export function offsetText(ms: number, zone: string): string {
  const off = offsetMinutes(ms, zone);
  if (off === 0) return 'UTC';
  const a = Math.abs(off);
  const h = Math.floor(a / 60);
  const m = a % 60;
  return `UTC${off < 0 ? '\u2212' : '+'}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** The zone's short name at an instant as notices print it (PDT, MST, CDT), or its offset when it has none. */
export function zoneAbbr(ms: number, zone: string): string {
  const name = fmt('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value;
  return !name || name.startsWith('GMT') || name.startsWith('UTC') ? offsetText(ms, zone) : name;
}

/** The wall time an instant shows at a zone: 'YYYY-MM-DDTHH:mm'. */
export function wallAt(ms: number, zone: string): string {
  const parts = fmt('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const v = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${v('year')}-${v('month')}-${v('day')}T${v('hour')}:${v('minute')}`;
}

export type WallCheck =
  | { kind: 'bad' }
  | { kind: 'ok'; instant: number }
  /** the clocks skip this time that day */
  | { kind: 'skipped' }
  /** the clocks pass this time twice that day */
  | { kind: 'ambiguous'; earlier: number; later: number };

/** What a wall time typed at a zone names: one instant, none (skipped) or two (ambiguous). */
export function checkWall(local: string, zone: string): WallCheck {
  const m = LOCAL.exec(local);
  if (!m) return { kind: 'bad' };
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return { kind: 'bad' };
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(asUtc).getUTCDate() !== d) return { kind: 'bad' };
  let offsets: Set<number>;
  try {
    offsets = new Set([offsetMinutes(asUtc - 86_400_000, zone), offsetMinutes(asUtc, zone), offsetMinutes(asUtc + 86_400_000, zone)]);
  } catch {
    return { kind: 'bad' };
  }
  const hits = [...offsets]
    .map((off) => asUtc - off * 60_000)
    .filter((ms) => wallAt(ms, zone) === local)
    .sort((a, b) => a - b);
  if (hits.length === 0) return { kind: 'skipped' };
  if (hits.length === 1) return { kind: 'ok', instant: hits[0]! };
  return { kind: 'ambiguous', earlier: hits[0]!, later: hits[hits.length - 1]! };
}

const locale = (lang: string) => (lang === 'es' ? 'es-MX' : 'en-US');

/** An instant at its place's zone: "dom, 14 mar 2027, 05:00 PDT" / "Sun, Mar 14, 2027, 05:00 AM PDT". */
export function atZone(iso: string | number, zone: string, lang: string): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const text = fmt(locale(lang), { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
  return `${text} ${zoneAbbr(ms, zone)}`;
}

/** Only the clock time at the zone, with its abbreviation: "05:00 PDT". */
export function clockAtZone(iso: string | number, zone: string, lang: string): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return `${fmt(locale(lang), { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(new Date(ms))} ${zoneAbbr(ms, zone)}`;
}

/** The calendar day at a zone for an instant: 'YYYY-MM-DD'. */
export function dayAt(ms: number, zone: string): string {
  return wallAt(ms, zone).slice(0, 10);
}

/** A 'YYYY-MM-DD' day moved by whole days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
