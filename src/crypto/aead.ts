/**
 * AES-256-GCM, the only cipher Bitácora uses directly. Every sealed value carries its own
 * random 96-bit nonce and 128-bit tag; callers bind ciphertexts to their context with `aad`.
 * Packed layout: nonce (12) | ciphertext | tag (16).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor() {
    super('decryption failed: wrong key, or data altered or moved');
    this.name = 'DecryptionError';
  }
}

function checkKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`AES-256-GCM needs a ${KEY_BYTES}-byte key`);
}

/** Encrypts with an explicit nonce. Exposed for known-answer tests; use `seal` otherwise. */
export function encryptWithNonce(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array = new Uint8Array(0)): { ciphertext: Buffer; tag: Buffer } {
  checkKey(key);
  if (nonce.length !== NONCE_BYTES) throw new RangeError('nonce must be 12 bytes');
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

export function decryptWithNonce(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad: Uint8Array = new Uint8Array(0)): Buffer {
  checkKey(key);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new DecryptionError();
  }
}

/** Seals `plaintext` under `key` with a fresh random nonce; returns nonce|ciphertext|tag. */
export function seal(key: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const { ciphertext, tag } = encryptWithNonce(key, nonce, plaintext, aad);
  return Buffer.concat([nonce, ciphertext, tag]);
}

/** Opens a value made by `seal`; throws DecryptionError on any mismatch. */
export function open(key: Uint8Array, packed: Uint8Array, aad?: Uint8Array): Buffer {
  if (packed.length < NONCE_BYTES + TAG_BYTES) throw new DecryptionError();
  const nonce = packed.subarray(0, NONCE_BYTES);
  const tag = packed.subarray(packed.length - TAG_BYTES);
  const ciphertext = packed.subarray(NONCE_BYTES, packed.length - TAG_BYTES);
  return decryptWithNonce(key, nonce, ciphertext, tag, aad);
}
