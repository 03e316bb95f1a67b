/**
 * Ed25519 signatures (RFC 8032) for evidence bundles (ADR 0019): the organisation signs each
 * bundle's manifest, and anyone verifies it offline with the public key — with `bitacora
 * verify-bundle` or with `openssl pkeyutl -verify -rawin`. The private key is kept as PKCS#8 DER
 * bytes (the caller seals it and wipes the buffer), the public key as SPKI PEM, the format openssl
 * reads. A key's fingerprint is the SHA-256 of its raw 32 bytes, in hex.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';

export const SIGNATURE_BYTES = 64;
export const PUBLIC_KEY_BYTES = 32;

/** The fixed PKCS#8 prefix of an Ed25519 private key: the 32-byte seed follows it (RFC 8410 §7). */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
/** The fixed SPKI prefix of an Ed25519 public key: the 32 raw bytes follow it (RFC 8410 §4). */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const PUBLIC_PEM = /^\s*-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\s*$/;

export interface SigningKeyPair {
  /** PKCS#8 DER: secret, wipe after use */
  privateDer: Buffer;
  /** SPKI PEM */
  publicPem: string;
}

export function generateSigningKeyPair(): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateDer: privateKey.export({ format: 'der', type: 'pkcs8' }), publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString() };
}

/** The PKCS#8 DER form of a private key given as its 32-byte seed (RFC 8032 test vectors are seeds). */
export function privateDerFromSeed(seed: Uint8Array): Buffer {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  return Buffer.concat([PKCS8_PREFIX, seed]);
}

/** The public key (SPKI PEM) of a private key. */
export function publicPemOf(privateDer: Uint8Array): string {
  return createPublicKey(privateKeyObject(privateDer)).export({ format: 'pem', type: 'spki' }).toString();
}

function privateKeyObject(privateDer: Uint8Array): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(privateDer), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 private key');
  return key;
}

/** An Ed25519 public key from PEM, or undefined when it is not one. */
function publicKeyObject(publicPem: string): KeyObject | undefined {
  // only a public key block (node would also derive the public key from a private one)
  if (!PUBLIC_PEM.test(publicPem)) return undefined;
  try {
    const key = createPublicKey({ key: publicPem, format: 'pem' });
    return key.type === 'public' && key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The raw 32 bytes of an Ed25519 public key in PEM, or undefined when the text is not one. */
export function rawPublicKey(publicPem: string): Buffer | undefined {
  const key = publicKeyObject(publicPem);
  if (!key) return undefined;
  const der = key.export({ format: 'der', type: 'spki' });
  if (der.length !== SPKI_PREFIX.length + PUBLIC_KEY_BYTES || !der.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX)) return undefined;
  return Buffer.from(der.subarray(SPKI_PREFIX.length));
}

/** SHA-256 (hex) of the raw public key; undefined when the text is not an Ed25519 public key. */
export function fingerprint(publicPem: string): string | undefined {
  const raw = rawPublicKey(publicPem);
  return raw && createHash('sha256').update(raw).digest('hex');
}

/** The 64-byte Ed25519 signature of `message`. */
export function sign(privateDer: Uint8Array, message: Uint8Array): Buffer {
  return nodeSign(null, message, privateKeyObject(privateDer));
}

/** Whether `signature` is a valid Ed25519 signature of `message` under the key; false (never a throw) for anything malformed. */
export function verify(publicPem: string, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== SIGNATURE_BYTES) return false;
  const key = publicKeyObject(publicPem);
  if (!key) return false;
  try {
    return nodeVerify(null, message, key, signature);
  } catch {
    return false;
  }
}
