/**
 * Messages in ICU MessageFormat (intl-messageformat), Spanish first, English complete. The
 * language is the user's saved one, else the browser's, else Spanish. Every call site uses a
 * literal key — t('list.title') — so catalogues.test.ts can check that no key is missing.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import es from './es.json';
import en from './en.json';

export type Lang = 'es' | 'en';
export const LANGS: readonly Lang[] = ['es', 'en'];
export type MessageKey = keyof typeof es;
type Values = Record<string, string | number | Date | boolean>;

const catalogues: Record<Lang, Record<string, string>> = { es, en };
const compiled = new Map<string, IntlMessageFormat>();
let current: Lang = 'es';

export function isLang(x: unknown): x is Lang {
  return x === 'es' || x === 'en';
}

export function browserLang(): Lang {
  const list = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  for (const l of list) {
    const base = (l ?? '').toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'es';
}

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

export function t(key: MessageKey, values?: Values): string {
  const id = `${current}\u0000${key}`;
  let mf = compiled.get(id);
  if (!mf) {
    const msg = catalogues[current][key] ?? catalogues.es[key] ?? key;
    mf = new IntlMessageFormat(msg, current);
    compiled.set(id, mf);
  }
  return String(mf.format(values));
}
