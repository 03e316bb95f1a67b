/**
 * Building blocks shared by every section of the interchange format (docs/interchange.md):
 * instants, account references, record versions, and free text kept exactly as stored.
 */
import { z } from 'zod';
import { line } from '../../domain/text.js';

/** An instant, as the store writes them (`new Date().toISOString()`). */
export const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time' });

/** A reference to an account: its id in the workspace the record comes from (see docs: "user references"). */
export const userRef = line(100, 1);

export const recordVersion = z.number().int().min(1);

/** A day (YYYY-MM-DD) or an instant: when an appeal was sent or answered, as recorded. */
export const dayOrInstant = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a day (YYYY-MM-DD) or an ISO 8601 date and time' }), instant]);

/**
 * Free text of the sections added in version 2, kept exactly as stored — not trimmed (a drafted
 * letter may end in a newline; an online capture keeps the threat's text as it was seen) — within
 * the app's length limits.
 */
export const verbatim = (max: number, min = 0) => z.string().min(min, min > 0 ? { message: 'is required' } : undefined).max(max, { message: `must have at most ${max} characters` });

/** A lower-case code of a fixed list the app defines in code (not a vocabulary), bounded. */
export const fixedCode = z.string().regex(/^[a-z_]{1,60}$/, { message: 'must be a code' });

/** Copies `o` without the keys whose value is null or undefined (the format never writes null). */
export function set<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}
