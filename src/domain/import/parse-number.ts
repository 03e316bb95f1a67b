/**
 * Reads one spreadsheet cell as a number: counts of dead and missing, ages, amounts. Pure.
 *
 * Accepted: digits with an optional leading sign (+, -, or the minus sign −); a decimal part; digits
 * grouped in threes by "," "." a space (also the no-break and thin spaces Intl and Word insert) or
 * "'" (also ’), one kind of grouping per number, the first group 1–3 digits not starting with 0
 * ("1,022", "1.022.000", "1 022", "1'022"); ".5"; an exponent ("1.5E+06", with a
 * 'scientific_notation' warning: spreadsheets write long numbers that way and may have cut digits).
 *
 * The decimal mark: `decimal: '.'` or `','` says which it is, and the other one may only group.
 * In 'auto' (the default):
 * - with both "," and ".", the one written last is the decimal mark ("1,234.5", "1.234,5");
 * - with a space or "'" grouping, a single "," or "." is the decimal mark ("1 022,5");
 * - one mark used more than once groups ("1,234,567");
 * - one mark used once, followed by exactly three digits, after 1–3 digits not starting with 0,
 *   groups: "1,022" and "1.022" are 1022 with an 'assumed_thousands' warning (say `decimal` to
 *   read them as 1.022); any other single mark is the decimal mark ("1,5", "0,500", "3.14159").
 *
 * Refused (the problem code): 'empty'; 'not_a_number' (words, NaN, Infinity, currency, percent,
 * a trailing mark "5.", anything else, text over 500 characters); 'bad_grouping' ("1,02,2", mixed
 * groupings, a decimal mark twice, a grouped fraction); 'too_large' (no finite double; with
 * `integer`, beyond ±9007199254740991 where digits would be lost); 'not_integer' (with `integer`, a
 * fraction that is not zero: "2.5"; "2.0" is 2); 'negative' (with `nonNegative`, below zero).
 * -0 is read as 0.
 */
import { problem, quote, type ImportWarning } from './import-warning.js';

export type DecimalMark = '.' | ',' | 'auto';

export interface ImportNumberOptions {
  decimal?: DecimalMark;
  /** Only whole numbers (counts). */
  integer?: boolean;
  /** Refuse numbers below zero. */
  nonNegative?: boolean;
}

export type ImportNumberResult =
  | { ok: true; value: number; warnings: ImportWarning[] }
  | { ok: false; problem: ImportWarning };

const MAX_LENGTH = 500;
const SHAPE = /^([+-]?)(?=[\d.,])([\d.,' ]*\d)(?:e([+-]?\d{1,4}))?$/i;

/** The decimal mark of `body` in auto mode, and whether a single mark was taken for thousands. */
function autoDecimal(body: string): { mark: '.' | ',' | null; assumedThousands: boolean } {
  const last = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
  if (last < 0) return { mark: null, assumedThousands: false };
  const mark = body[last] as '.' | ',';
  if (body.includes('.') && body.includes(',')) return { mark, assumedThousands: false };
  if (/[ ']/.test(body)) return { mark, assumedThousands: false };
  if (body.indexOf(mark) !== last) return { mark: null, assumedThousands: false };
  if (/^[1-9]\d{0,2}[.,]\d{3}$/.test(body)) return { mark: null, assumedThousands: true };
  return { mark, assumedThousands: false };
}

export function parseImportNumber(text: string, opts: ImportNumberOptions = {}): ImportNumberResult {
  const raw = text.trim();
  if (!raw) return problem('empty', 'the number is empty');
  const notANumber = problem('not_a_number', `${quote(raw)} is not a number`);
  if (raw.length > MAX_LENGTH) return notANumber;
  const normal = raw.replace(/\u2212/g, '-').replace(/[\u00A0\u202F\u2009\u2007]/g, ' ').replace(/\u2019/g, "'");
  const shape = SHAPE.exec(normal);
  if (!shape) return notANumber;
  const [, sign, body, exponent] = shape as unknown as [string, string, string, string | undefined];

  const decimal = opts.decimal ?? 'auto';
  const auto = decimal === 'auto' ? autoDecimal(body) : null;
  const mark = auto ? auto.mark : decimal;
  const badGrouping = problem('bad_grouping', `${quote(raw)} has its digits grouped in a way this importer does not read: groups of three, one separator`);
  const parts = mark ? body.split(mark) : [body];
  if (parts.length > 2) return badGrouping;
  const [whole, fraction = ''] = parts as [string, string?];
  if (parts.length === 2 && !/^\d+$/.test(fraction)) return badGrouping;

  const separators = new Set(whole.replace(/\d/g, ''));
  if (separators.size > 1) return badGrouping;
  if (separators.size === 1) {
    const sep = [...separators][0]!;
    const grouped = new RegExp(`^[1-9]\\d{0,2}(?:\\${sep}\\d{3})+$`);
    if (!grouped.test(whole)) return badGrouping;
  }
  const digits = whole.replace(/\D/g, '');
  const canonical = `${sign}${digits || '0'}${fraction ? `.${fraction}` : ''}${exponent !== undefined ? `e${exponent}` : ''}`;
  let value = Number(canonical);
  if (!Number.isFinite(value)) return problem('too_large', `${quote(raw)} is too large to be a number`);
  if (value === 0) value = 0; // -0

  if (opts.integer && !Number.isInteger(value)) return problem('not_integer', `${quote(raw)} is not a whole number`);
  if (opts.integer && !Number.isSafeInteger(value)) return problem('too_large', `${quote(raw)} is too large: digits would be lost`);
  if (opts.nonNegative && value < 0) return problem('negative', `${quote(raw)} is below zero`);

  const warnings: ImportWarning[] = [];
  if (auto?.assumedThousands) {
    const sep = body.includes(',') ? 'comma' : 'point';
    warnings.push({ code: 'assumed_thousands', message: `${quote(raw)} was read as ${value}: the ${sep} was taken as a thousands separator` });
  }
  if (exponent !== undefined) warnings.push({ code: 'scientific_notation', message: `${quote(raw)} is in scientific notation; check that no digits were cut` });
  return { ok: true, value, warnings };
}
