/**
 * The keyring: one random master key, stored only wrapped (AES-256-GCM) under
 *  - a key derived with Argon2id from each custodian's passphrase, and
 *  - a key derived with HKDF from the one-time recovery key shown at setup.
 * The keyring file holds salts, parameters and wrapped keys: nothing in it opens the store
 * without a passphrase or the recovery key. Each wrapping is bound (AAD) to the keyring id
 * and its slot, so a slot copied into another keyring does not open.
 */
import { z } from 'zod';
import { open, seal, DecryptionError } from './aead.js';
import { argon2id, hkdf, CUSTODIAN_ARGON2, type Argon2Params } from './kdf.js';
import { randomKey, newId, encodeRecoveryKey, decodeRecoveryKey, wipe } from './random.js';

const b64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/);

const argonSlot = z.object({
  id: z.string().min(1).max(64),
  kdf: z.object({ alg: z.literal('argon2id'), m: z.number().int().min(65536), t: z.number().int().min(1), p: z.number().int().min(1), salt: b64 }),
  wrapped: b64,
});
const recoverySlot = z.object({
  kdf: z.object({ alg: z.literal('hkdf-sha256'), salt: b64 }),
  wrapped: b64,
});

export const keyringFileSchema = z.object({
  format: z.literal('bitacora-keyring'),
  version: z.literal(1),
  id: z.string().min(1).max(64),
  createdAt: z.string(),
  custodians: z.array(argonSlot).min(1),
  recovery: recoverySlot,
});
export type KeyringFile = z.infer<typeof keyringFileSchema>;

export class WrongSecretError extends Error {
  constructor() {
    super('the passphrase or recovery key does not open this keyring');
    this.name = 'WrongSecretError';
  }
}

function aad(keyringId: string, slot: string): Buffer {
  return Buffer.from(`bitacora/keyring/v1/${keyringId}/${slot}`, 'utf8');
}

async function passphraseKek(passphrase: string, salt: Buffer, params: Argon2Params): Promise<Buffer> {
  return argon2id(passphrase.normalize('NFC'), salt, params);
}

function recoveryKek(recovery: Uint8Array, salt: Buffer): Buffer {
  return hkdf(recovery, salt, 'bitacora/recovery-kek/v1');
}

export const MIN_PASSPHRASE_LENGTH = 12;

export interface CreatedKeyring {
  file: KeyringFile;
  masterKey: Buffer;
  /** shown once to the person setting up; never stored */
  recoveryKey: string;
}

export async function createKeyring(passphrase: string, params: Argon2Params = CUSTODIAN_ARGON2): Promise<CreatedKeyring> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new RangeError(`passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
  const id = newId();
  const masterKey = randomKey();
  const salt = randomKey(16);
  const kek = await passphraseKek(passphrase, salt, params);
  const custodianId = 'custodian-1';
  const wrapped = seal(kek, masterKey, aad(id, custodianId));
  wipe(kek);
  const recovery = randomKey();
  const rsalt = randomKey(16);
  const rkek = recoveryKek(recovery, rsalt);
  const rwrapped = seal(rkek, masterKey, aad(id, 'recovery'));
  wipe(rkek);
  const recoveryKey = encodeRecoveryKey(recovery);
  wipe(recovery);
  const file: KeyringFile = {
    format: 'bitacora-keyring',
    version: 1,
    id,
    createdAt: new Date().toISOString(),
    custodians: [{ id: custodianId, kdf: { alg: 'argon2id', ...params, salt: salt.toString('base64') }, wrapped: wrapped.toString('base64') }],
    recovery: { kdf: { alg: 'hkdf-sha256', salt: rsalt.toString('base64') }, wrapped: rwrapped.toString('base64') },
  };
  return { file, masterKey, recoveryKey };
}

/** Tries every custodian slot with the passphrase; returns the master key or throws WrongSecretError. */
export async function unwrapWithPassphrase(file: KeyringFile, passphrase: string): Promise<Buffer> {
  for (const slot of file.custodians) {
    const kek = await passphraseKek(passphrase, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
    try {
      return open(kek, Buffer.from(slot.wrapped, 'base64'), aad(file.id, slot.id));
    } catch (e) {
      if (!(e instanceof DecryptionError)) throw e;
    } finally {
      wipe(kek);
    }
  }
  throw new WrongSecretError();
}

export function unwrapWithRecoveryKey(file: KeyringFile, recoveryKey: string): Buffer {
  const recovery = decodeRecoveryKey(recoveryKey);
  if (!recovery) throw new WrongSecretError();
  const kek = recoveryKek(recovery, Buffer.from(file.recovery.kdf.salt, 'base64'));
  wipe(recovery);
  try {
    return open(kek, Buffer.from(file.recovery.wrapped, 'base64'), aad(file.id, 'recovery'));
  } catch {
    throw new WrongSecretError();
  } finally {
    wipe(kek);
  }
}

/** Adds (or replaces, same id) a custodian slot wrapping the given master key. */
export async function withCustodian(file: KeyringFile, masterKey: Uint8Array, custodianId: string, passphrase: string, params: Argon2Params = CUSTODIAN_ARGON2): Promise<KeyringFile> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new RangeError(`passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
  const salt = randomKey(16);
  const kek = await passphraseKek(passphrase, salt, params);
  const wrapped = seal(kek, masterKey, aad(file.id, custodianId));
  wipe(kek);
  const slot = { id: custodianId, kdf: { alg: 'argon2id' as const, ...params, salt: salt.toString('base64') }, wrapped: wrapped.toString('base64') };
  return { ...file, custodians: [...file.custodians.filter((c) => c.id !== custodianId), slot] };
}

/** Purpose-bound sub-keys of the master key. */
export type SubkeyPurpose = 'sqlite' | 'cookie' | 'files' | 'fields' | 'audit' | 'backup' | 'totp';
export function deriveSubkey(masterKey: Uint8Array, purpose: SubkeyPurpose, keyringId: string): Buffer {
  return hkdf(masterKey, Buffer.from(keyringId, 'utf8'), `bitacora/subkey/v1/${purpose}`);
}
