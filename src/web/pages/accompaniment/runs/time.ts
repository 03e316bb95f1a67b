/**
 * Times of runs shown at their own place's zone (ADR 0024), never the browser's: "01:50 PST" at
 * Tijuana, "03:05 PDT" a quarter of an hour later on the spring night. Everything here is Intl with
 * the `timeZone` option (no zone library in the browser); the zone's short name is the US one
 * (PST, MDT, CDT …) in both languages — the name people on both sides of the border use — or the
 * offset ("GMT-7") where there is none (Sonora, Arizona).
 */
export type Lang = 'es' | 'en';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, zone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${zone}|${JSON.stringify(opts)}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...opts, timeZone: zone });
    cache.set(id, f);
  }
  return f;
}
const locale = (lang: Lang) => (lang === 'es' ? 'es-MX' : 'en-US');
const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';

/** The zone's short name at an instant: "PST", "PDT", "CST", or "GMT-7" where it has none. */
export function zoneName(iso: string, zone: string): string {
  return part(fmt('en-US', zone, { hour: '2-digit', timeZoneName: 'short' }).formatToParts(new Date(iso)), 'timeZoneName');
}

/** The zone's offset from UTC at an instant: "UTC−08:00". */
export function zoneOffset(iso: string, zone: string): string {
  const o = part(fmt('en-US', zone, { hour: '2-digit', timeZoneName: 'longOffset' }).formatToParts(new Date(iso)), 'timeZoneName');
  const m = /^GMT([+-−])(\d{2}):?(\d{2})?$/.exec(o);
  if (!m) return 'UTC+00:00';
  return `UTC${m[1] === '+' ? '+' : '−'}${m[2]}:${m[3] ?? '00'}`;
}

/** The offset in minutes (east positive) of a zone at an instant. */
export function offsetMinutes(ms: number, zone: string): number {
  const o = part(fmt('en-US', zone, { hour: '2-digit', timeZoneName: 'longOffset' }).formatToParts(new Date(ms)), 'timeZoneName');
  const m = /^GMT([+-])(\d{2}):?(\d{2})?$/.exec(o);
  if (!m) return 0;
  const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -v : v;
}

/** The wall clock at a zone, 24-hour: "01:50". */
export function clockAt(iso: string, zone: string, lang: Lang): string {
  const p = fmt(locale(lang), zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  return `${part(p, 'hour')}:${part(p, 'minute')}`;
}

/** The wall clock at a zone with the zone's short name: "01:50 PST". */
export function timeAt(iso: string, zone: string, lang: Lang): string {
  return `${clockAt(iso, zone, lang)} ${zoneName(iso, zone)}`;
}

/** The day at a zone, short: "dom 14 mar" / "Sun, Mar 14". */
export function dayAt(iso: string, zone: string, lang: Lang): string {
  return fmt(locale(lang), zone, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso));
}

/** Day and time at a zone: "dom 14 mar, 01:50 PST". */
export function dateTimeAt(iso: string, zone: string, lang: Lang): string {
  return `${dayAt(iso, zone, lang)}, ${timeAt(iso, zone, lang)}`;
}

/** The wall time an instant shows at a zone, as 'YYYY-MM-DDTHH:mm'. */
export function localAt(iso: string, zone: string): string {
  const p = fmt('en-CA', zone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  return `${part(p, 'year')}-${part(p, 'month')}-${part(p, 'day')}T${part(p, 'hour')}:${part(p, 'minute')}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall time at a zone most likely names, for showing the zone's name and offset
 * next to a field while typing (the server resolves it for real, refusing skipped and doubled
 * times). Undefined when the text is not a wall time.
 */
export function guessInstant(local: string, zone: string): string | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return undefined;
  let ms = asUtc - offsetMinutes(asUtc, zone) * 60_000;
  ms = asUtc - offsetMinutes(ms, zone) * 60_000;
  return new Date(ms).toISOString();
}

/** "PST, UTC−08:00" for a wall time at a zone on its date; '' when it is not a wall time. */
export function zoneOnDate(local: string, zone: string): string {
  const iso = guessInstant(local, zone);
  return iso ? `${zoneName(iso, zone)}, ${zoneOffset(iso, zone)}` : '';
}

/** The clock change at a zone between two instants ("PST" → "PDT"), or null when there is none. */
export function clockChange(fromIso: string, toIso: string, zone: string): { before: string; after: string } | null {
  const a = offsetMinutes(Date.parse(fromIso), zone);
  const b = offsetMinutes(Date.parse(toIso), zone);
  if (a === b) return null;
  return { before: zoneName(fromIso, zone), after: zoneName(toIso, zone) };
}

/** 'YYYY-MM-DD' moved by whole days (calendar arithmetic, no zone). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The Monday of the week a day falls in. */
export function weekStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((dow + 6) % 7));
}

/** A calendar day in words: "lunes 15 de marzo" / "Monday, March 15". */
export function dayName(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return fmt(locale(lang), 'UTC', { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The clock part of a 'YYYY-MM-DDTHH:mm' wall time: "23:10". */
export const clockOf = (local: string): string => local.slice(11, 16);

/** Today as 'YYYY-MM-DD' on the reader's calendar (to choose a default week, not to show a time). */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
