/**
 * A spreadsheet cell's value as the text an import reads: text as it is; numbers as plain decimals
 * (no grouping, no exponent, rounded to the 15 significant digits Excel shows); dates as ISO 8601
 * (YYYY-MM-DD, with THH:MM or THH:MM:SS when the cell has a time; spreadsheet dates have no time
 * zone, so none is written); TRUE / FALSE; an empty cell as "".
 */

/** How read-excel-file hands us a number (its raw text, so it is told apart from a text cell). */
export interface RawNumber {
  raw: string;
}

export type XlsxValue = string | RawNumber | boolean | Date | null | undefined;

/** "1.5e-7" → "0.00000015", "1.2e+21" → "1200000000000000000000". */
function expandExponent(s: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const digits = int + frac;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A number as a plain decimal, at Excel's 15 significant digits. */
export function plainDecimal(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  return expandExponent(String(Number(n.toPrecision(15))));
}

/** A spreadsheet date as ISO 8601 text, to the second (Excel's times are fractions of a day: rounded). */
export function isoDateText(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return '';
  const iso = new Date(Math.round(t / 1000) * 1000).toISOString();
  const [date = '', rest = ''] = iso.split('T');
  const time = rest.slice(0, 8);
  if (time === '00:00:00') return date;
  return `${date}T${time.endsWith(':00') ? time.slice(0, 5) : time}`;
}

export function cellText(v: XlsxValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDateText(v);
  const n = Number(v.raw);
  return Number.isFinite(n) ? plainDecimal(n) : v.raw.trim();
}
