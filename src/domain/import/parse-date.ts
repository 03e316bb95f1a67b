/**
 * Reads one spreadsheet cell as an uncertain date (FuzzyDate from ../dates.ts): day, month or year
 * precision, with the approximate flag. Pure: no clock (pass `today`), no I/O.
 *
 * Accepted (case, accents and extra spaces do not matter):
 * - year first, always year-month-day: 2019-01-02, 2019/1/2, 2019-01, 2019; ISO date-times
 *   (2019-01-02T12:00:00Z) keep the written date, whatever the time zone;
 * - day and month first with / - or . (one separator throughout) and a four-digit year: 02/01/2019
 *   is read by `order`; 01/2019 is a month;
 * - month names and abbreviations in Spanish and English (see month-names.ts): "2 de enero de 2019",
 *   "enero 2019", "julio de 2019", "ene. 2019", "January 2, 2019", "2 January 2019", "Jan 2019",
 *   "2-Jan-2019", "1st January 2019", "1º de enero de 2019";
 * - a leading weekday ("Sun, 01/02/2022", "domingo 2 de enero de 2022") and a trailing time
 *   ("- 12:00", "12:00:00", "3:15 pm"); the time is ignored without a warning, the weekday is checked;
 * - approximate markers before or after ("aprox.", "aproximadamente", "circa", "c.", "ca.", "~",
 *   "alrededor de", "about", "around", "approx.", "(aprox.)"): approximate flag set, no warning;
 * - part of a month or year ("finales de julio de 2019", "late July 2019", "principios de",
 *   "inicios de", "early", "mediados de", "mid-2019"): that month or year, approximate, with a
 *   'part_of_period' warning because the part is not kept.
 *
 * Day/month order ('dmy', 'mdy', or 'auto' by default): in 'auto' a reading is chosen only when
 * one of the two is a real date (13/02/2019) or both give the same day (05/05/2019). When both are
 * real and differ, a leading weekday decides if it matches exactly one of them (warning
 * 'order_from_weekday'); otherwise the problem is 'ambiguous_order' and the caller asks the person.
 * `lang` limits which month and weekday names are known ('auto' knows both languages); the
 * approximate and part-of-period words are known in both languages always.
 *
 * Refused (the problem code): 'empty' (the caller decides whether a blank cell is allowed),
 * 'impossible_date' (31/02/2019, month 13), 'year_out_of_range' (outside 1900–2100, as ../dates.ts),
 * 'two_digit_year' (the century is a guess), 'missing_year' (a day and month alone),
 * 'ambiguous_order', 'unrecognised' (anything else, and text over 100 characters).
 * Warnings: 'future' (starts after `today`), 'part_of_period', 'order_from_weekday',
 * 'weekday_mismatch' (the written weekday is not that date's; the date is kept).
 */
import { partialDateIssue, earliestDay, type FuzzyDate } from '../dates.js';
import { problem, quote, type ImportWarning } from './import-warning.js';
import { fold, monthNumber, weekdayNumber, MONTH_NAMES_EN, type NameLanguage } from './month-names.js';

export type DayMonthOrder = 'dmy' | 'mdy' | 'auto';

export interface ImportDateOptions {
  order?: DayMonthOrder;
  lang?: NameLanguage;
  /** Today as YYYY-MM-DD; dates that start after it get a 'future' warning. */
  today?: string;
}

export type ImportDateResult =
  | { ok: true; date: FuzzyDate; warnings: ImportWarning[] }
  | { ok: false; problem: ImportWarning };

interface Parts {
  year: number;
  month?: number;
  day?: number;
}

/** What one form made of the text: readings to choose from, a problem, or null when the form does not apply. */
type Reading = { candidates: Parts[] } | { problem: ImportWarning } | null;

const MAX_LENGTH = 100;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const APPROX_BEFORE = /^(?:(?:aproximadamente|approximately|aprox|approx|circa|about|around|alrededor del?)\b\.?|ca\.|ca(?=\s)|c\.|~)\s*/;
const APPROX_AFTER = /\s*\(?\s*(?:aproximadamente|approximately|aprox|approx|circa)\b\.?\s*\)?$/;
const PART_ES = /^(?:a\s+)?(finales|fines|principios|inicios|comienzos|mediados)\s+del?\s+/;
const PART_EN = /^(?:in\s+)?(?:the\s+)?(late|early|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of)(?:\s+|-)/;
const TIME_AFTER = /(?:(?<=\d)t|\s*[-–,]\s*|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?\s?m\.?|hrs?\.?|h)?\s*(?:z|utc|[+-]\d{2}(?::?\d{2})?)?$/;
const STOP_WORDS = new Set(['de', 'del', 'el', 'en', 'ano', 'of', 'the', 'in']);

function describe(p: Parts): string {
  const month = p.month ? MONTH_NAMES_EN[p.month - 1] : undefined;
  if (p.day && month) return `${p.day} ${month} ${p.year}`;
  return month ? `${month} ${p.year}` : String(p.year);
}

function iso(p: Parts): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}${p.month !== undefined ? `-${pad(p.month)}` : ''}${p.day !== undefined ? `-${pad(p.day)}` : ''}`;
}

function isReal(p: Parts): boolean {
  return partialDateIssue(iso(p))?.code !== 'date_not_real';
}

function weekdayOf(p: Parts): number {
  return new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1)).getUTCDay();
}

/** The readings of day-or-month `a`, then `b`, in the order asked for (both orders in 'auto'). */
function dayMonth(a: number, b: number, year: number, order: DayMonthOrder): Parts[] {
  const dmy = { year, month: b, day: a };
  const mdy = { year, month: a, day: b };
  if (order === 'dmy') return [dmy];
  if (order === 'mdy') return [mdy];
  return a === b ? [dmy] : [dmy, mdy];
}

/** Dates written with digits only. */
function readNumeric(s: string, raw: string, order: DayMonthOrder): Reading {
  let m = /^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$/.exec(s);
  if (m) {
    const [, y, , mo, d] = m;
    return { candidates: [{ year: Number(y), ...(mo ? { month: Number(mo) } : {}), ...(d ? { day: Number(d) } : {}) }] };
  }
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d+)$/.exec(s);
  if (m) {
    const [, a, , b, y] = m as unknown as [string, string, string, string, string];
    if (y.length === 2) return twoDigitYear(raw);
    if (y.length !== 4) return null;
    return { candidates: dayMonth(Number(a), Number(b), Number(y), order) };
  }
  m = /^(\d{1,2})[-/.](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const [, mo, y] = m as unknown as [string, string, string];
    if (y.length === 2) return { problem: { code: 'two_digit_year', message: `${quote(raw)} has no four-digit year` } };
    return { candidates: [{ year: Number(y), month: Number(mo) }] };
  }
  return null;
}

/** Dates with a month name: split into words and numbers, then matched by shape. */
function readNamed(s: string, raw: string, lang: NameLanguage): Reading {
  const pieces = s.split(/[\s,./-]+/).filter((p) => p && !STOP_WORDS.has(p));
  const kinds: string[] = [];
  const values: number[] = [];
  for (const p of pieces) {
    const month = /^[a-z]+$/.test(p) ? monthNumber(p, lang) : undefined;
    const num = /^(\d+)(?:st|nd|rd|th|o|ro|er|º|°)?$/.exec(p);
    if (month !== undefined) { kinds.push('M'); values.push(month); }
    else if (num && num[1] === p) { kinds.push(p.length === 4 ? 'Y' : p.length <= 2 ? 'N' : '?'); values.push(Number(p)); }
    else if (num && num[1]!.length <= 2) { kinds.push('D'); values.push(Number(num[1])); } // an ordinal: a day
    else if (/^['’]\d{2}$/.test(p)) { kinds.push('YY'); values.push(0); }
    else return null;
  }
  if (!kinds.includes('M')) return null;
  const shape = kinds.join(' ').replace(/\bD\b/g, 'N');
  const v = values;
  switch (shape) {
    case 'N M Y': return { candidates: [{ year: v[2]!, month: v[1]!, day: v[0]! }] };
    case 'M N Y': return { candidates: [{ year: v[2]!, month: v[0]!, day: v[1]! }] };
    case 'Y M N': return { candidates: [{ year: v[0]!, month: v[1]!, day: v[2]! }] };
    case 'M Y': return { candidates: [{ year: v[1]!, month: v[0]! }] };
    case 'Y M': return { candidates: [{ year: v[0]!, month: v[1]! }] };
    case 'N M': return { problem: { code: 'missing_year', message: `${quote(raw)} has no year` } };
    default:
      // "2 ene 19", "Jan 2, '19", "Jan 19" (a plain two-digit number after the month reads as a year)
      if (/^(?:N M|M N) (?:N|YY)$|^M YY$/.test(shape) && twoDigits(pieces[pieces.length - 1]!)) return twoDigitYear(raw);
      if (shape === 'M N') return kinds[1] === 'N' && pieces[1]!.length === 2 ? twoDigitYear(raw) : { problem: { code: 'missing_year', message: `${quote(raw)} has no year` } };
      return null;
  }
}

function twoDigits(piece: string): boolean {
  return /^['’]?\d{2}$/.test(piece);
}

function twoDigitYear(raw: string): { problem: ImportWarning } {
  return { problem: { code: 'two_digit_year', message: `${quote(raw)} has a two-digit year: write the year with four digits` } };
}

function readCore(s: string, raw: string, opts: ImportDateOptions): Reading {
  return readNumeric(s, raw, opts.order ?? 'auto') ?? readNamed(s, raw, opts.lang ?? 'auto');
}

/** A leading weekday name, and the rest of the text after it. */
function leadingWeekday(s: string, lang: NameLanguage): { weekday: number; rest: string } | null {
  const m = /^([a-z]+)\.?\s*(?:,\s*|\s+)(.+)$/.exec(s);
  const weekday = m ? weekdayNumber(m[1]!, lang) : undefined;
  return m && weekday !== undefined ? { weekday, rest: m[2]! } : null;
}

export function parseImportDate(text: string, opts: ImportDateOptions = {}): ImportDateResult {
  if (opts.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new RangeError('today must be YYYY-MM-DD');
  const raw = text.trim();
  if (!raw) return problem('empty', 'the date is empty');
  const unrecognised = problem('unrecognised', `${quote(raw)} is not a date this importer can read`);
  if (raw.length > MAX_LENGTH) return unrecognised;

  let s = fold(raw).replace(/\s+/g, ' ');
  let approximate = false;
  for (let m = APPROX_BEFORE.exec(s) ?? APPROX_AFTER.exec(s); m && m[0]; m = APPROX_BEFORE.exec(s) ?? APPROX_AFTER.exec(s)) {
    s = (m.index === 0 ? s.slice(m[0].length) : s.slice(0, m.index)).trim();
    approximate = true;
  }
  const part = PART_ES.exec(s) ?? PART_EN.exec(s);
  if (part) s = s.slice(part[0].length);
  s = s.replace(TIME_AFTER, '').trim();
  if (!s) return unrecognised;

  let reading = readCore(s, raw, opts);
  let weekday: number | undefined;
  if (!reading || 'problem' in reading) {
    const lead = leadingWeekday(s, opts.lang ?? 'auto');
    const rest = lead ? readCore(lead.rest, raw, opts) : null;
    if (lead && rest) { reading = rest; weekday = lead.weekday; }
  }
  if (!reading) return unrecognised;
  if ('problem' in reading) return { ok: false, problem: reading.problem };

  const warnings: ImportWarning[] = [];
  const real = reading.candidates.filter(isReal);
  if (real.length === 0) {
    const how = reading.candidates.length > 1 ? ' in either day/month order' : opts.order === 'mdy' ? ' (read as month/day/year)' : opts.order === 'dmy' ? ' (read as day/month/year)' : '';
    return problem('impossible_date', `${quote(raw)} is not a real date${how}`);
  }
  let chosen = real;
  if (weekday !== undefined) {
    if (real.some((p) => p.day === undefined)) return unrecognised;
    const matching = real.filter((p) => weekdayOf(p) === weekday);
    if (real.length > 1 && matching.length === 1) {
      chosen = matching;
      warnings.push({ code: 'order_from_weekday', message: `${quote(raw)} was read as ${describe(matching[0]!)}, the only reading that falls on a ${WEEKDAY_NAMES[weekday]}` });
    } else if (real.length === 1 && matching.length === 0) {
      warnings.push({ code: 'weekday_mismatch', message: `${quote(raw)} says ${WEEKDAY_NAMES[weekday]}, but ${describe(real[0]!)} is a ${WEEKDAY_NAMES[weekdayOf(real[0]!)]}` });
    }
  }
  if (chosen.length > 1) {
    const both = weekday !== undefined && chosen.every((p) => weekdayOf(p) === weekday) ? ` (both a ${WEEKDAY_NAMES[weekday]})` : '';
    return problem('ambiguous_order', `${quote(raw)} could be ${describe(chosen[0]!)} or ${describe(chosen[1]!)}${both}: choose day/month order`);
  }
  const parts = chosen[0]!;
  const start = iso(parts);
  if (partialDateIssue(start)) return problem('year_out_of_range', `${quote(raw)}: the year must be between 1900 and 2100`);
  if (part) {
    if (parts.day !== undefined) return unrecognised;
    approximate = true;
    warnings.push({ code: 'part_of_period', message: `${quote(raw)} was recorded as ${describe(parts)}, approximate: the part of the ${parts.month ? 'month' : 'year'} is not kept` });
  }
  if (opts.today && earliestDay(start) > opts.today) {
    warnings.push({ code: 'future', message: `${quote(raw)} is after today (${opts.today})` });
  }
  return { ok: true, date: approximate ? { start, approximate: true } : { start }, warnings };
}
