/**
 * Wall-clock times at a place and the instants they name (ADR 0024). People type the time a notice
 * says ("05:00 at San Ysidro") in that place's zone; Bitácora keeps the instant (UTC) and the zone,
 * and shows each time again in its own place's zone. Both sides of the border change their clocks
 * (Tijuana, Mexicali, Ciudad Juárez, Matamoros … follow the US dates; most of Mexico no longer
 * changes), so a wall time can name no instant (the hour skipped in spring) or two (the hour
 * repeated in autumn): both are refused with the choices, never guessed. Zone rules come from the
 * runtime's time-zone database through Luxon.
 */
import { DateTime, IANAZone } from 'luxon';

/** 'YYYY-MM-DDTHH:mm' */
export type LocalTime = string;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length < 64 && IANAZone.isValidZone(zone);
}

export type Resolved =
  | { ok: true; instant: string }
  | { ok: false; code: 'bad_local_time' | 'bad_zone' }
  /** the clocks skip this time that day */
  | { ok: false; code: 'nonexistent_local_time' }
  /** the clocks pass this time twice that day: `earlier` and `later` are the two instants */
  | { ok: false; code: 'ambiguous_local_time'; earlier: string; later: string };

function localParts(local: string): { year: number; month: number; day: number; hour: number; minute: number } | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const d = DateTime.fromObject({ year, month, day, hour, minute }, { zone: 'UTC' });
  if (!d.isValid || d.month !== month || d.day !== day || hour > 23 || minute > 59) return undefined;
  return { year, month, day, hour, minute };
}

/** The instant a wall time at a zone names; `fold` picks one of two when the clocks go back. */
export function toInstant(local: string, zone: string, fold?: 'earlier' | 'later'): Resolved {
  if (!isZone(zone)) return { ok: false, code: 'bad_zone' };
  const p = localParts(local);
  if (!p) return { ok: false, code: 'bad_local_time' };
  const asUtc = DateTime.fromObject(p, { zone: 'UTC' }).toMillis();
  const z = IANAZone.create(zone);
  // every offset the zone uses within a day either side; keep those that give back the same wall time
  const offsets = new Set([z.offset(asUtc - 86_400_000), z.offset(asUtc), z.offset(asUtc + 86_400_000)]);
  const hits = [...offsets]
    .map((off) => asUtc - off * 60_000)
    .filter((ms) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") === local)
    .sort((a, b) => a - b);
  const iso = (ms: number) => new Date(ms).toISOString();
  if (hits.length === 0) return { ok: false, code: 'nonexistent_local_time' };
  if (hits.length === 1) return { ok: true, instant: iso(hits[0]!) };
  if (fold) return { ok: true, instant: iso(fold === 'earlier' ? hits[0]! : hits[hits.length - 1]!) };
  return { ok: false, code: 'ambiguous_local_time', earlier: iso(hits[0]!), later: iso(hits[hits.length - 1]!) };
}

/** The wall time an instant shows at a zone ('YYYY-MM-DDTHH:mm'). */
export function toLocal(instant: string, zone: string): LocalTime {
  return DateTime.fromISO(instant, { zone: 'UTC' }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The calendar day an instant falls on at a zone ('YYYY-MM-DD'). */
export function localDay(instant: string, zone: string): string {
  return toLocal(instant, zone).slice(0, 10);
}

/** The zone's offset from UTC at an instant, as '-08:00'. */
export function offsetAt(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'UTC' }).setZone(zone).toFormat('ZZ');
}

/** The instants a calendar day at a zone begins and ends (a day may last 23 or 25 hours). */
export function dayBounds(day: string, zone: string): { from: string; to: string } {
  const start = DateTime.fromISO(day, { zone }).startOf('day');
  return { from: start.toUTC().toISO()!, to: start.plus({ days: 1 }).toUTC().toISO()! };
}

/** An instant moved by whole minutes (elapsed time, whatever the clocks do). */
export function addMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

/** Minutes from a to b (negative when b is earlier). */
export function minutesBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 60_000);
}
