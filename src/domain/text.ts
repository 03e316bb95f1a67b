/** Shared text rules: trimmed, no control characters except newlines and tabs, bounded length. */
import { z } from 'zod';

// C0 controls except \t \n \r, DEL, C1 controls, and lone surrogates are refused.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function text(max: number, min = 0) {
  return z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, min > 0 ? { message: 'is required' } : undefined)
        .max(max, { message: `must have at most ${max} characters` })
        .refine((s) => !FORBIDDEN.test(s), { message: 'contains control characters', params: { code: 'control_characters' } }),
    );
}

/** One line of text (no newlines). */
export function line(max: number, min = 0) {
  return text(max, min).refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line', params: { code: 'single_line' } });
}

export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'must be an id' });
export const countryCode = z.string().regex(/^[A-Z]{2}$/, { message: 'must be a two-letter country code' });
export const vocabCode = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, { message: 'must be a vocabulary code' }).max(120);
