/**
 * Messages in ICU MessageFormat (intl-messageformat), Spanish first, English complete. The
 * language is the user's saved one, else the browser's, else Spanish. Every call site uses a
 * literal key — t('list.title') — so catalogues.test.ts can check that no key is missing.
 *
 * The catalogues (es.json, en.json) are compiled at build time by vite.config.ts (no ICU parser in
 * the browser): a message is its text, or its ICU syntax tree when it has arguments. First load on a
 * slow link: the page bundle holds only the messages of the screens before the app (setup, unseal,
 * sign-in — the keys those modules name; both languages, so the switch there is instant). The whole
 * catalogue of one language is a chunk of its own, fetched with `loadCatalogue()` when a session
 * begins or the signed-in user switches language; the other language is fetched only if asked for.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import boot from 'virtual:i18n-boot';

export type Lang = 'es' | 'en';
export const LANGS: readonly Lang[] = ['es', 'en'];
export type MessageKey = keyof typeof import('./es.json');
type Values = Record<string, string | number | Date | boolean>;
/** text, or a compiled ICU message (its syntax tree) */
type Message = string | ConstructorParameters<typeof IntlMessageFormat>[0];
type Catalogue = Record<string, Message>;

const full: Partial<Record<Lang, Catalogue>> = {};
const loading = new Map<Lang, Promise<void>>();
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

/** Fetches a language's whole catalogue once (a separate chunk); resolves when t() can use it. */
export function loadCatalogue(l: Lang): Promise<void> {
  if (full[l]) return Promise.resolve();
  let p = loading.get(l);
  if (!p) {
    const chunk = l === 'es' ? import('virtual:i18n-catalogue/es') : import('virtual:i18n-catalogue/en');
    p = chunk.then(
      (m) => {
        full[l] = m.default;
      },
      (e: unknown) => {
        loading.delete(l); // a later call may try again (the link came back)
        throw e;
      },
    );
    loading.set(l, p);
  }
  return p;
}

export function catalogueLoaded(l: Lang): boolean {
  return full[l] !== undefined;
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
    const msg = full[current]?.[key] ?? boot[current][key] ?? full.es?.[key] ?? boot.es[key];
    // not loaded yet (should not happen: screens wait for their catalogue); not cached
    if (msg === undefined) return key;
    if (typeof msg === 'string') return msg;
    mf = new IntlMessageFormat(msg, current);
    compiled.set(id, mf);
  }
  return String(mf.format(values));
}
