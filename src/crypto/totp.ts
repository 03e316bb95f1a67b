/**
 * The second factor: TOTP (RFC 6238 over HOTP, RFC 4226; the `otpauth` library computes the
 * codes) and one-time recovery codes. Authenticator apps expect SHA-1, 6 digits and 30-second
 * steps, so those are what Bitácora uses. A code is accepted one step either side of now (clock
 * drift), and only for a step later than the last one used (no replay).
 *
 * The secret is stored sealed (AES-256-GCM, AAD binding the user id) under a sub-key of the
 * master key (purpose 'totp'); recovery codes only as keyed digests (HMAC-SHA-256) under a second
 * sub-key of it, so a copy of the database yields neither.
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';
import { seal, open } from './aead.js';
import { hkdf } from './kdf.js';
import { constantTimeEqual, wipe } from './random.js';

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** steps either side of now that are still accepted */
export const TOTP_WINDOW = 1;
const SECRET_BYTES = 20;

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** A fresh 160-bit secret (RFC 4226 recommends at least 128, and 160 for SHA-1). */
export function newTotpSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

/** The secret as base32 (RFC 4648, no padding), as people type it into an authenticator app. */
export function totpSecretText(secret: Uint8Array): string {
  return new Secret({ buffer: Uint8Array.from(secret).buffer }).base32;
}

/** The secret back from its base32 text (what an authenticator app does with it; tests act as one). */
export function totpSecretFromText(text: string): Buffer {
  return Buffer.from(Secret.fromBase32(text.replace(/\s/g, '').toUpperCase()).bytes);
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: Uint8Array, issuer: string, account: string): string {
  return new TOTP({ issuer, label: account, secret: new Secret({ buffer: Uint8Array.from(secret).buffer }), algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_S }).toString();
}

/** The time step (counter) a moment falls in. */
export function totpStep(timestampMs: number, periodS = TOTP_PERIOD_S): number {
  return Math.floor(timestampMs / 1000 / periodS);
}

/** The code for one step (HOTP of the counter). Exposed for known-answer tests and test clients. */
export function totpCodeAtStep(secret: Uint8Array, step: number, opts: { digits?: number; algorithm?: TotpAlgorithm } = {}): string {
  return HOTP.generate({ secret: new Secret({ buffer: Uint8Array.from(secret).buffer }), counter: step, digits: opts.digits ?? TOTP_DIGITS, algorithm: opts.algorithm ?? 'SHA1' });
}

/** The code at a moment. */
export function totpCode(secret: Uint8Array, timestampMs: number, opts: { digits?: number; algorithm?: TotpAlgorithm; periodS?: number } = {}): string {
  return totpCodeAtStep(secret, totpStep(timestampMs, opts.periodS), opts);
}

/**
 * Checks a code typed at `timestampMs`. Returns the step it matched — the caller stores it as the
 * last used step — or null when it matches no step in the window or only a step at or before
 * `lastStep` (a replay, or an older code than one already used). Every candidate step is computed
 * and compared in constant time, whichever matches.
 */
export function verifyTotp(secret: Uint8Array, code: string, timestampMs: number, lastStep: number | null): number | null {
  const clean = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(clean)) return null;
  const now = totpStep(timestampMs);
  let matched: number | null = null;
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    const ok = constantTimeEqual(totpCodeAtStep(secret, step), clean);
    if (ok && (lastStep === null || step > lastStep) && matched === null) matched = step;
  }
  return matched;
}

// ——— keys: two purpose-bound keys from the 'totp' sub-key of the master key ———

function sealKey(totpKey: Uint8Array): Buffer {
  return hkdf(totpKey, new Uint8Array(0), 'bitacora/totp/v1/secret');
}
function digestKey(totpKey: Uint8Array): Buffer {
  return hkdf(totpKey, new Uint8Array(0), 'bitacora/totp/v1/recovery-code');
}
const secretAad = (userId: string) => Buffer.from(`bitacora/totp-secret/v1\u0000${userId}`, 'utf8');

/** Seals a TOTP secret for one user; the result (base64) is what the database holds. */
export function sealTotpSecret(totpKey: Uint8Array, userId: string, secret: Uint8Array): string {
  const k = sealKey(totpKey);
  try {
    return seal(k, secret, secretAad(userId)).toString('base64');
  } finally {
    wipe(k);
  }
}

/** Opens a sealed TOTP secret; throws DecryptionError if it was altered or belongs to another user. */
export function openTotpSecret(totpKey: Uint8Array, userId: string, sealed: string): Buffer {
  const k = sealKey(totpKey);
  try {
    return open(k, Buffer.from(sealed, 'base64'), secretAad(userId));
  } finally {
    wipe(k);
  }
}

// ——— recovery codes ———

export const RECOVERY_CODE_COUNT = 10;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_CHARS = 12; // 60 bits

/** Ten fresh recovery codes, written XXXX-XXXX-XXXX in Crockford base32 (no I, L, O, U). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let j = 0; j < RECOVERY_CHARS; j++) s += CROCKFORD[randomInt(32)];
    out.push(`${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`);
  }
  return out;
}

/** Reads a typed recovery code: ignores case, spaces and dashes, maps O→0 and I/L→1; null if it cannot be one. */
export function normaliseRecoveryCode(text: string): string | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return clean.length === RECOVERY_CHARS && /^[0-9A-HJKMNP-TV-Z]+$/.test(clean) ? clean : null;
}

/** The keyed digest stored for a recovery code (input: a normalised code). */
export function recoveryCodeDigest(totpKey: Uint8Array, userId: string, normalised: string): string {
  const k = digestKey(totpKey);
  try {
    return createHmac('sha256', k).update(`bitacora/recovery-code/v1\u0000${userId}\u0000${normalised}`, 'utf8').digest('hex');
  } finally {
    wipe(k);
  }
}
