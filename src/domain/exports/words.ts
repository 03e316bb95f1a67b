/**
 * The words a records export writes beside codes: vocabulary labels in the file's language, the
 * HURIDOCS term a vocabulary term maps to, country, state and crossing names, and the few words
 * that are not vocabulary (yes/no, place precisions). The service builds an ExportWords from the
 * live vocabularies; tests build one from the shipped file.
 */
import type { Lang, VocabularyIndex } from '../vocabulary/vocabulary.js';
import { countryName, crossingByCode, stateByCode } from '../places/places.js';

export interface ExportWords {
  lang: Lang;
  /** a term's label (its code when the term is unknown) */
  term(scheme: string, code: string): string;
  /** a term's label, made unique within its scheme (" (code)" added when another term has the same label) */
  uniqueTerm(scheme: string, code: string): string;
  /** the HURIDOCS term the vocabulary maps this term to, or its nearest parent's */
  huridocs(scheme: string, code: string): string | undefined;
  country(code: string): string;
  state(code: string): string;
  crossing(code: string): string;
}

export function exportWords(vocab: VocabularyIndex, lang: Lang): ExportWords {
  const duplicated = new Map<string, Set<string>>();
  const seen = new Map<string, string>();
  for (const t of vocab.terms) {
    const key = `${t.scheme}\u0000${t.label[lang]}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, t.code);
    else {
      let set = duplicated.get(t.scheme);
      if (!set) duplicated.set(t.scheme, (set = new Set()));
      set.add(t.label[lang]);
    }
  }
  const term = (scheme: string, code: string) => vocab.label(scheme, code, lang);
  return {
    lang,
    term,
    uniqueTerm(scheme, code) {
      const label = term(scheme, code);
      return duplicated.get(scheme)?.has(label) ? `${label} (${code})` : label;
    },
    huridocs(scheme, code) {
      // codes are dotted paths: "threat.phone" falls back to "threat"'s mapping
      const parts = code.split('.');
      for (let n = parts.length; n > 0; n--) {
        const m = vocab.get(scheme, parts.slice(0, n).join('.'))?.mapping?.['huridocs'];
        if (m) return m;
      }
      return undefined;
    },
    country: (code) => countryName(code, lang),
    state: (code) => stateByCode(code)?.name[lang] ?? code,
    crossing: (code) => crossingByCode(code)?.name[lang] ?? code,
  };
}

const WORDS = {
  es: {
    yes: 'sí', no: 'no',
    unknown: 'desconocida', country: 'país', state: 'estado', municipality: 'municipio', locality: 'localidad', crossing: 'cruce fronterizo', route: 'tramo de ruta',
    approximate: 'aprox.',
  },
  en: {
    yes: 'yes', no: 'no',
    unknown: 'unknown', country: 'country', state: 'state', municipality: 'municipality', locality: 'locality', crossing: 'border crossing', route: 'route segment',
    approximate: 'approx.',
  },
} as const;
export type Word = keyof (typeof WORDS)['en'];

export function word(w: Word, lang: Lang): string {
  return WORDS[lang][w];
}

/** The word for a place precision ('unknown', 'country', … 'route'). */
export function precisionWord(precision: string, lang: Lang): string {
  return precision in WORDS[lang] ? WORDS[lang][precision as Word] : precision;
}
