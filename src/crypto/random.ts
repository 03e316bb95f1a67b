/** Random identifiers, tokens and the human-readable recovery key. */
import { randomBytes, createHash, timingSafeEqual, randomUUID } from 'node:crypto';
import { base32crockford } from '@scure/base';

export function randomKey(bytes = 32): Buffer {
  return randomBytes(bytes);
}

/** URL-safe opaque token (session ids, CSRF tokens). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function newId(): string {
  return randomUUID();
}

/** SHA-256 hex of a token: what we store for sessions, so a database read does not yield live tokens. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  if (ab.length !== bb.length) return false;
  return timingSafeEqual(ab, bb);
}

/**
 * Recovery key: 32 random bytes written as Crockford base32 in groups of 4 (13 groups),
 * easy to copy by hand onto paper. Decoding ignores case, spaces and dashes, and maps the
 * letters people confuse (O→0, I/L→1) as Crockford intends.
 */
export function encodeRecoveryKey(key: Uint8Array): string {
  const text = base32crockford.encode(key);
  return (text.match(/.{1,4}/g) ?? []).join('-');
}

export function decodeRecoveryKey(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]+$/.test(clean)) return null;
  try {
    const bytes = base32crockford.decode(clean);
    return bytes.length === 32 ? Buffer.from(bytes) : null;
  } catch {
    return null;
  }
}

/** Overwrites a key buffer in place; call on every key being dropped. */
export function wipe(buf: Uint8Array | undefined | null): void {
  if (buf) buf.fill(0);
}
