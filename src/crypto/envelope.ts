/**
 * Envelope encryption of identifying fields (design.md §4, Bitwarden's and Standard Notes' model).
 *
 *   master key ──HKDF('fields')──▶ root key ──wraps──▶ key-encryption keys (KEKs, rotatable, by id)
 *   KEK ──wraps──▶ one random data key per record (incident, person, draft)
 *   data key ──AES-256-GCM──▶ each identifying value of that record
 *
 * Every wrap and every value is bound (AAD) to where it belongs: a KEK to the keyring and its id,
 * a data key to its record and the KEK, a value to its record, table, row and column. A value
 * moved to another record, row or field therefore fails to open, as does any flipped bit.
 *
 * A sealed value is text: `f1.<data key id>.<base64url(nonce | ciphertext | tag)>` — the format
 * version and the id of the data key travel with the ciphertext. Rotation re-wraps data keys under
 * a new KEK; values are untouched, so old data stays readable throughout.
 */
import { open, seal, DecryptionError, KEY_BYTES } from './aead.js';
import { randomKey, wipe } from './random.js';
import { randomBytes } from 'node:crypto';

export const SEALED_VALUE_VERSION = 'f1';
const SEALED_RE = /^f1\.([A-Za-z0-9_-]{8,32})\.([A-Za-z0-9_-]+)$/;

/** A sealed value that fails to open: altered, moved, or under a key this workspace lacks. */
export class SealedValueError extends Error {
  constructor(readonly where: string, reason: string) {
    super(`sealed value at ${where} failed its integrity check (${reason})`);
    this.name = 'SealedValueError';
  }
}

/** Where a value lives; every part goes into the AAD. */
export interface FieldSlot { record: string; table: string; row: string; column: string }

const slotText = (s: FieldSlot) => `${s.table}/${s.row}/${s.column} of record ${s.record}`;

export function isSealedValue(v: string): boolean {
  return SEALED_RE.test(v);
}

export function newKeyId(): string {
  return randomBytes(9).toString('base64url');
}

function fieldAad(keyId: string, s: FieldSlot): Buffer {
  return Buffer.from(`bitacora/field/v1/${s.record}/${s.table}/${s.row}/${s.column}/${keyId}`, 'utf8');
}

function dataKeyAad(record: string, kekId: string, keyId: string): Buffer {
  return Buffer.from(`bitacora/data-key/v1/${record}/${kekId}/${keyId}`, 'utf8');
}

function kekAad(keyringId: string, kekId: string): Buffer {
  return Buffer.from(`bitacora/field-kek/v1/${keyringId}/${kekId}`, 'utf8');
}

/** A record's data key, unwrapped. */
export interface DataKey { id: string; key: Buffer }

/** Seals one value of a record under its data key. */
export function sealValue(dk: DataKey, slot: FieldSlot, plaintext: string): string {
  const packed = seal(dk.key, Buffer.from(plaintext, 'utf8'), fieldAad(dk.id, slot));
  return `${SEALED_VALUE_VERSION}.${dk.id}.${packed.toString('base64url')}`;
}

/** Opens a value made by `sealValue`; throws SealedValueError if it was altered or moved. */
export function openValue(dk: DataKey, slot: FieldSlot, value: string): string {
  const m = SEALED_RE.exec(value);
  if (!m) throw new SealedValueError(slotText(slot), 'not a sealed value');
  if (m[1] !== dk.id) throw new SealedValueError(slotText(slot), 'sealed under another record\'s key');
  try {
    return open(dk.key, Buffer.from(m[2]!, 'base64url'), fieldAad(dk.id, slot)).toString('utf8');
  } catch (e) {
    if (e instanceof DecryptionError) throw new SealedValueError(slotText(slot), 'altered or moved');
    throw e;
  }
}

/** The id of the data key a sealed value names (for diagnostics and re-keying). */
export function keyIdOf(value: string): string | undefined {
  return SEALED_RE.exec(value)?.[1];
}

/** A stored, wrapped key-encryption key. */
export interface WrappedKek { id: string; wrapped: Buffer }
/** A stored, wrapped data key of one record. */
export interface WrappedDataKey { record: string; keyId: string; kekId: string; wrapped: Buffer }

/**
 * The KEKs of a workspace, unwrapped in memory while it is unsealed. `current` wraps new data
 * keys; older KEKs stay until rotation has re-wrapped every data key they hold.
 */
export class FieldKeyring {
  private readonly keks = new Map<string, Buffer>();
  /** unwrapped data keys by record, with the exact wrapping they came from */
  private readonly cache = new Map<string, { kekId: string; wrapped: Buffer; dk: DataKey }>();
  private static readonly CACHE_MAX = 4096;

  private constructor(private readonly keyringId: string, private currentId: string) {}

  /** Unwraps stored KEKs with the root key (HKDF 'fields' sub-key of the master key). */
  static open(rootKey: Uint8Array, keyringId: string, stored: WrappedKek[], currentId: string): FieldKeyring {
    if (!stored.some((k) => k.id === currentId)) throw new Error('the current field key is missing');
    const ring = new FieldKeyring(keyringId, currentId);
    for (const k of stored) {
      try {
        ring.keks.set(k.id, open(rootKey, k.wrapped, kekAad(keyringId, k.id)));
      } catch (e) {
        ring.wipe();
        if (e instanceof DecryptionError) throw new SealedValueError(`field key ${k.id}`, 'does not open with this workspace\'s keys');
        throw e;
      }
    }
    return ring;
  }

  /** Makes a new KEK wrapped under the root key (to be stored, then `add`ed). */
  static newKek(rootKey: Uint8Array, keyringId: string): { stored: WrappedKek; key: Buffer } {
    const id = newKeyId();
    const key = randomKey();
    return { stored: { id, wrapped: seal(rootKey, key, kekAad(keyringId, id)) }, key };
  }

  /** The keyring id new KEKs are bound to. */
  keyringIdForRotation(): string {
    return this.keyringId;
  }

  get current(): string {
    return this.currentId;
  }

  kekIds(): string[] {
    return [...this.keks.keys()];
  }

  /** Adds a KEK made by `newKek` and makes it current. */
  addCurrent(id: string, key: Buffer): void {
    this.keks.set(id, key);
    this.currentId = id;
  }

  /** Forgets a KEK no data key uses any more. */
  drop(id: string): void {
    if (id === this.currentId) throw new Error('cannot drop the current field key');
    wipe(this.keks.get(id));
    this.keks.delete(id);
  }

  private kek(id: string, where: string): Buffer {
    const k = this.keks.get(id);
    if (!k) throw new SealedValueError(where, `field key ${id} is not in this workspace`);
    return k;
  }

  /** A fresh data key for a record, wrapped under the current KEK. */
  newDataKey(record: string): { dk: DataKey; stored: WrappedDataKey } {
    const keyId = newKeyId();
    const key = randomKey();
    const wrapped = seal(this.kek(this.currentId, `record ${record}`), key, dataKeyAad(record, this.currentId, keyId));
    const dk = { id: keyId, key };
    const stored = { record, keyId, kekId: this.currentId, wrapped };
    this.remember(stored, dk);
    return { dk, stored };
  }

  /** Unwraps a record's data key (cached while unsealed). */
  openDataKey(stored: WrappedDataKey): DataKey {
    const hit = this.cache.get(stored.record);
    if (hit && hit.dk.id === stored.keyId && hit.kekId === stored.kekId && hit.wrapped.equals(stored.wrapped)) return hit.dk;
    const where = `the data key of record ${stored.record}`;
    let key: Buffer;
    try {
      key = open(this.kek(stored.kekId, where), stored.wrapped, dataKeyAad(stored.record, stored.kekId, stored.keyId));
    } catch (e) {
      if (e instanceof DecryptionError) throw new SealedValueError(where, 'altered or moved');
      throw e;
    }
    if (key.length !== KEY_BYTES) throw new SealedValueError(where, 'wrong length');
    const dk = { id: stored.keyId, key };
    this.remember(stored, dk);
    return dk;
  }

  /** Re-wraps a data key under the current KEK (rotation); the data key itself is unchanged. */
  rewrap(stored: WrappedDataKey): WrappedDataKey {
    const dk = this.openDataKey(stored);
    return { record: stored.record, keyId: dk.id, kekId: this.currentId, wrapped: seal(this.kek(this.currentId, `record ${stored.record}`), dk.key, dataKeyAad(stored.record, this.currentId, dk.id)) };
  }

  /** Forgets a record's cached data key (e.g. when the record is removed). */
  forget(record: string): void {
    this.cache.delete(record);
  }

  private remember(stored: WrappedDataKey, dk: DataKey): void {
    // Evicted keys are not overwritten here (a caller may still hold one); all are wiped on seal.
    if (this.cache.size >= FieldKeyring.CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(stored.record, { kekId: stored.kekId, wrapped: stored.wrapped, dk });
  }

  /** Overwrites every key in memory (on seal). */
  wipe(): void {
    for (const k of this.keks.values()) wipe(k);
    this.keks.clear();
    for (const d of this.cache.values()) wipe(d.dk.key);
    this.cache.clear();
  }
}
