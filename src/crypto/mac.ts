/**
 * HMAC-SHA256 (RFC 2104 / FIPS 198-1) for integrity tags that only a key holder can compute: the
 * audit log's hash chain is keyed by a sub-key of the master key (purpose 'audit'), so someone with
 * the database but not the keyring cannot recompute it after an edit.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAC_BYTES = 32;

/** HMAC-SHA256 of the concatenation of `parts` (strings as UTF-8). */
export function hmacSha256(key: Uint8Array, ...parts: (Uint8Array | string)[]): Buffer {
  if (key.length === 0) throw new Error('HMAC key is empty');
  const h = createHmac('sha256', key);
  for (const p of parts) h.update(typeof p === 'string' ? Buffer.from(p, 'utf8') : p);
  return h.digest();
}

/** Compares two tags in constant time (false for different lengths). */
export function macEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
