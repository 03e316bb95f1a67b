/**
 * Key derivation: Argon2id for human secrets (custodian passphrases, user passwords),
 * HKDF-SHA-256 for splitting a high-entropy key into purpose-bound sub-keys.
 */
import { hkdfSync } from 'node:crypto';
import { hashRaw, hash, verify } from '@node-rs/argon2';

/** @node-rs/argon2's Algorithm.Argon2id (a const enum, so not importable under verbatimModuleSyntax). */
const ARGON2ID = 2;

export interface Argon2Params {
  /** memory in KiB */
  m: number;
  /** iterations */
  t: number;
  /** lanes */
  p: number;
}

/** Custodian passphrases guard the master key: 64 MiB, 3 passes (design.md §4 asks ≥ 64 MiB). */
export const CUSTODIAN_ARGON2: Argon2Params = { m: 65536, t: 3, p: 1 };
/** User passwords: OWASP's Argon2id recommendation (19 MiB, 2 passes). */
export const PASSWORD_ARGON2: Argon2Params = { m: 19456, t: 2, p: 1 };

export async function argon2id(secret: Uint8Array | string, salt: Uint8Array, params: Argon2Params, outputLen = 32): Promise<Buffer> {
  if (salt.length < 8) throw new RangeError('salt must be at least 8 bytes');
  return hashRaw(typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret), {
    algorithm: ARGON2ID,
    memoryCost: params.m,
    timeCost: params.t,
    parallelism: params.p,
    outputLen,
    salt: Buffer.from(salt),
  });
}

/** HKDF-SHA-256 (RFC 5869). */
export function hkdf(ikm: Uint8Array, salt: Uint8Array, info: string | Uint8Array, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, typeof info === 'string' ? Buffer.from(info, 'utf8') : info, length));
}

/** PHC-format Argon2id hash of a user password. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, {
    algorithm: ARGON2ID,
    memoryCost: PASSWORD_ARGON2.m,
    timeCost: PASSWORD_ARGON2.t,
    parallelism: PASSWORD_ARGON2.p,
  });
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/** A hash to compare against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('bitacora-no-such-user');
  return dummyHash;
}
