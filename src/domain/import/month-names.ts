/**
 * Month and weekday names as spreadsheets write them, in Spanish and English, compared after
 * folding (lower case, accents and trailing dots removed): "Sept.", "setiembre", "SÁB" all fold to
 * a known key. The abbreviations never clash between the two languages: "mar", "may", "jun",
 * "jul", "sep", "oct", "nov", "feb" mean the same month in both.
 */

export type NameLanguage = 'es' | 'en' | 'auto';

/** Lower case, accents removed, surrounding whitespace trimmed. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

type Names = Record<string, number>;

const MONTHS_ES: Names = {
  enero: 1, ene: 1, febrero: 2, feb: 2, marzo: 3, mar: 3, abril: 4, abr: 4, mayo: 5, may: 5,
  junio: 6, jun: 6, julio: 7, jul: 7, agosto: 8, ago: 8, septiembre: 9, setiembre: 9, sept: 9, sep: 9,
  set: 9, octubre: 10, oct: 10, noviembre: 11, nov: 11, diciembre: 12, dic: 12,
};
const MONTHS_EN: Names = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6,
  jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

// 0 = Sunday, as Date.getUTCDay().
const WEEKDAYS_ES: Names = {
  domingo: 0, dom: 0, lunes: 1, lun: 1, martes: 2, mar: 2, miercoles: 3, mie: 3, jueves: 4, jue: 4,
  viernes: 5, vie: 5, sabado: 6, sab: 6,
};
const WEEKDAYS_EN: Names = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
};

function lookup(es: Names, en: Names, word: string, lang: NameLanguage): number | undefined {
  const key = fold(word).replace(/\.$/, '');
  if (lang !== 'en' && Object.hasOwn(es, key)) return es[key];
  if (lang !== 'es' && Object.hasOwn(en, key)) return en[key];
  return undefined;
}

/** The month (1–12) a name or abbreviation means, or undefined. */
export function monthNumber(word: string, lang: NameLanguage = 'auto'): number | undefined {
  return lookup(MONTHS_ES, MONTHS_EN, word, lang);
}

/** The weekday (0 = Sunday … 6 = Saturday) a name or abbreviation means, or undefined. */
export function weekdayNumber(word: string, lang: NameLanguage = 'auto'): number | undefined {
  return lookup(WEEKDAYS_ES, WEEKDAYS_EN, word, lang);
}

export const MONTH_NAMES_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'] as const;
export const MONTH_NAMES_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
