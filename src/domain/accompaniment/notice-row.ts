/**
 * Reading one row of a spreadsheet of hearing notices (ADR 0024): the column names (English or
 * Spanish, any case), dates as notices write them and times as people type them. A date like
 * 03/04/2027 means 3 April in Mexico and 4 March on a US notice: it is refused as ambiguous unless
 * the order is said; 03/14/2027 can only be 14 March. Nothing here guesses.
 */

export type DateOrder = 'dmy' | 'mdy';

/** The columns of a notice row, and the names each may have in the header (lower case, spaces as _). */
export const NOTICE_COLUMNS = {
  person: ['person', 'persona', 'ref', 'referencia', 'pseudonym', 'seudonimo', 'seudónimo'],
  court: ['court', 'corte', 'tribunal'],
  date: ['date', 'fecha', 'hearing_date', 'fecha_audiencia'],
  time: ['time', 'hora', 'hearing_time', 'hora_audiencia'],
  kind: ['kind', 'tipo', 'hearing_kind', 'tipo_audiencia'],
  present_place: ['present_place', 'lugar_presentacion', 'lugar_presentación', 'lugar'],
  present_date: ['present_date', 'fecha_presentacion', 'fecha_presentación'],
  present_time: ['present_time', 'hora_presentacion', 'hora_presentación'],
  documents: ['documents', 'documentos'],
} as const;
export type NoticeColumn = keyof typeof NOTICE_COLUMNS;
export const REQUIRED_NOTICE_COLUMNS: readonly NoticeColumn[] = ['person', 'court', 'date', 'time', 'kind'];

/** A header name as compared: trimmed, lower case, runs of spaces, dashes and dots as one '_'. */
export function headerKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s.\-]+/g, '_');
}

/** Which notice column a header names, if any. */
export function noticeColumnOf(header: string): NoticeColumn | undefined {
  const k = headerKey(header);
  for (const [col, names] of Object.entries(NOTICE_COLUMNS) as [NoticeColumn, readonly string[]][]) if (names.includes(k)) return col;
  return undefined;
}

export type ParsedDate = { ok: true; date: string } | { ok: false; code: 'bad_date' | 'ambiguous_date' };

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}
const ymd = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * A notice's date: YYYY-MM-DD (or with / or .), a spreadsheet date ('2027-03-14T00:00'), or
 * DD/MM/YYYY and MM/DD/YYYY (with /, - or .) — the latter only when the order is given or the
 * numbers leave one reading.
 */
export function parseNoticeDate(raw: string, order?: DateOrder): ParsedDate {
  const s = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T\d{2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? { ok: true, date: ymd(y, mo, d) } : { ok: false, code: 'bad_date' };
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (!m) return { ok: false, code: 'bad_date' };
  const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dmy = isRealDate(y, b, a) ? ymd(y, b, a) : undefined;
  const mdy = isRealDate(y, a, b) ? ymd(y, a, b) : undefined;
  if (order === 'dmy') return dmy ? { ok: true, date: dmy } : { ok: false, code: 'bad_date' };
  if (order === 'mdy') return mdy ? { ok: true, date: mdy } : { ok: false, code: 'bad_date' };
  if (dmy && mdy) return dmy === mdy ? { ok: true, date: dmy } : { ok: false, code: 'ambiguous_date' };
  const one = dmy ?? mdy;
  return one ? { ok: true, date: one } : { ok: false, code: 'bad_date' };
}

export type ParsedTime = { ok: true; time: string } | { ok: false; code: 'bad_time' };

/**
 * A time as people write it: '08:30', '8:30', '17:00', '8:30 AM', '5:00 a. m.', '5 pm', '8.30',
 * '08:30 hrs', or a spreadsheet time ('1899-12-30T08:30' or '08:30:00'). 12 AM is midnight, 12 PM noon.
 */
export function parseNoticeTime(raw: string): ParsedTime {
  let s = raw.trim().toLowerCase();
  const sheet = /^\d{4}-\d{2}-\d{2}t(\d{2}):(\d{2})(?::\d{2})?$/.exec(s);
  if (sheet) s = `${sheet[1]}:${sheet[2]}`;
  s = s.replace(/\s*(hrs?|h)\.?$/, '');
  let half: 'am' | 'pm' | undefined;
  const ampm = /\s*([ap])\s*\.?\s*m\s*\.?$/.exec(s);
  if (ampm) {
    half = ampm[1] === 'a' ? 'am' : 'pm';
    s = s.slice(0, ampm.index).trim();
  }
  const m = /^(\d{1,2})(?:[:.](\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (!m) return { ok: false, code: 'bad_time' };
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (m[2] === undefined && !half) return { ok: false, code: 'bad_time' };
  if (min > 59 || (m[3] !== undefined && Number(m[3]) > 59)) return { ok: false, code: 'bad_time' };
  if (half) {
    if (h < 1 || h > 12) return { ok: false, code: 'bad_time' };
    if (h === 12) h = 0;
    if (half === 'pm') h += 12;
  } else if (h > 23) return { ok: false, code: 'bad_time' };
  return { ok: true, time: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` };
}

/** Codes in a ';' (or ',') separated cell: trimmed, empty ones dropped. */
export function codeList(cell: string): string[] {
  return cell.split(/[;,]/).map((x) => x.trim()).filter((x) => x !== '');
}
