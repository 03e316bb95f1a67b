/** Dates as recorded ("julio de 2019", "aprox. 2018"), public places, times, in the current language. */
import { lang, t } from '../i18n/i18n';
import type { FuzzyDate, Places } from '../types';
import type { Vocab } from './vocab';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${lang()}:${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(lang() === 'es' ? 'es-MX' : 'en-US', opts);
    cache.set(id, f);
  }
  return f;
}

/** One partial date: "2019" → "2019", "2019-07" → "julio de 2019", "2019-07-23" → "23 de julio de 2019". */
export function partialDate(value: string | undefined | null): string {
  if (!value) return '';
  const [y, m, d] = value.split('-').map(Number);
  if (!y) return value;
  if (!m) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d || 1));
  if (!d) return fmt('ym', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
  return fmt('ymd', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

export function fuzzyDate(d: FuzzyDate | undefined | null): string {
  if (!d?.start) return '';
  const text = d.end && d.end !== d.start ? t('date.range', { start: partialDate(d.start), end: partialDate(d.end) }) : partialDate(d.start);
  return d.approximate ? t('date.approx', { date: text }) : text;
}

/** A moment (ISO timestamp) in local time: "21 nov 2026, 21:04". */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return fmt('dt', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function clock(iso: string | Date): string {
  return fmt('hm', { hour: '2-digit', minute: '2-digit' }).format(typeof iso === 'string' ? new Date(iso) : iso);
}

export function countryName(places: Places | null, code: string | null | undefined): string {
  if (!code) return '';
  const l = lang();
  return places?.countries.find((c) => c.code === code)?.name[l] ?? places?.world.find((c) => c.code === code)?.name[l] ?? code;
}

export function stateName(places: Places | null, code: string | null | undefined): string {
  if (!code) return '';
  return places?.states.find((s) => s.code === code)?.name[lang()] ?? code;
}

export function crossingName(places: Places | null, code: string | null | undefined): string {
  if (!code) return '';
  return places?.crossings.find((c) => c.code === code)?.name[lang()] ?? code;
}

/**
 * A public place, most precise part first: "Garita El Chaparral, Tijuana, Baja California, México",
 * then the route segment when a vocabulary is given ("… · Ruta del Pacífico"). Never the private place.
 */
export function placeText(
  places: Places | null,
  p: { locality?: string | null; state?: string | null; country?: string | null; crossing?: string | null; routeSegment?: string | null } | undefined,
  vocab?: Vocab | null,
): string {
  if (!p) return '';
  const where = [crossingName(places, p.crossing), p.locality ?? '', stateName(places, p.state), countryName(places, p.country)].filter(Boolean).join(', ');
  return [where, p.routeSegment && vocab ? vocab.label('route_segment', p.routeSegment) : ''].filter(Boolean).join(' · ');
}

export function number(n: number): string {
  return new Intl.NumberFormat(lang() === 'es' ? 'es-MX' : 'en-US').format(n);
}
