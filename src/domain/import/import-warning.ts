/**
 * What the import readers (parse-date, parse-number, parse-coordinates) hand back: a value with the
 * warnings a person should see on that line, or one problem that stops the value. Codes are stable
 * and machine-readable; messages are plain English and quote at most a short, cleaned excerpt of
 * the cell so a message never carries a whole cell into a log.
 */

export interface ImportWarning {
  code: string;
  message: string;
}

export function problem(code: string, message: string): { ok: false; problem: ImportWarning } {
  return { ok: false, problem: { code, message } };
}

const QUOTE_MAX = 40;

/** The cell as a message may quote it: whitespace collapsed, control characters dropped, at most 40 characters. */
export function quote(text: string): string {
  const clean = text.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  return chars.length > QUOTE_MAX ? `"${chars.slice(0, QUOTE_MAX - 1).join('')}…"` : `"${clean}"`;
}
