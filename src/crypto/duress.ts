/**
 * The duress code of a check-in (ADR 0018): typed when someone forces a defender to check in, it
 * answers "all is well" on screen while a silent alert goes to the contacts. It is stored only as a
 * keyed digest (HMAC-SHA-256), like the recovery codes, under a purpose-bound key derived from the
 * 'totp' sub-key of the master key, bound to the user: a copy of the database yields no code, and a
 * digest copied to another account does not match there.
 *
 * A typed code is normalised (trimmed, Unicode NFC — the same word typed on two keyboards is one
 * code) before it is digested; case is kept. Comparison is in constant time, and a digest is
 * computed whether or not the person has a duress code, so the time taken says nothing of it.
 */
import { createHmac } from 'node:crypto';
import { hkdf } from './kdf.js';
import { constantTimeEqual, wipe } from './random.js';

export const DURESS_CODE_MIN = 4;
export const DURESS_CODE_MAX = 32;

function digestKey(totpKey: Uint8Array): Buffer {
  return hkdf(totpKey, new Uint8Array(0), 'bitacora/totp/v1/duress-code');
}

/** A typed duress code as it is digested: trimmed, NFC. */
export function normaliseDuressCode(text: string): string {
  return text.normalize('NFC').trim();
}

/** The keyed digest stored for one user's duress code (hex, 64 characters). */
export function duressCodeDigest(totpKey: Uint8Array, userId: string, code: string): string {
  const k = digestKey(totpKey);
  try {
    return createHmac('sha256', k).update(`bitacora/duress-code/v1\u0000${userId}\u0000${normaliseDuressCode(code)}`, 'utf8').digest('hex');
  } finally {
    wipe(k);
  }
}

/** A digest no code has (compared against when the person has no duress code, so the work is the same). */
const NO_DIGEST = '0'.repeat(64);

/**
 * Whether `code` is this user's duress code. The digest is always computed and compared in
 * constant time, also when `stored` is null (no duress code set).
 */
export function isDuressCode(totpKey: Uint8Array, userId: string, code: string, stored: string | null): boolean {
  const digest = duressCodeDigest(totpKey, userId, code);
  const same = constantTimeEqual(digest, stored ?? NO_DIGEST);
  return same && stored !== null;
}
