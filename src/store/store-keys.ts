/**
 * Keys the repositories use, held by the Store once the vault is unsealed and wiped on seal:
 * the audit chain's MAC key (HMAC-SHA256 over each audit entry) and, for sealed identifying
 * fields, the field keyring (see src/crypto/envelope.ts). One object is shared by the Store and
 * every transaction it opens, so a key set after opening reaches every repository.
 */
import { wipe } from '../crypto/random.js';
import type { FieldKeyring } from '../crypto/envelope.js';

export interface StoreKeys {
  /** HMAC key of the audit hash chain (a sub-key of the master key, purpose 'audit') */
  auditKey: Buffer | null;
  /** the field keyring (KEKs and cached data keys) that seals identifying values */
  fields: FieldKeyring | null;
  /** wraps new KEKs (the master key's 'fields' sub-key); needed only to rotate */
  fieldsRoot: Buffer | null;
}

export function emptyStoreKeys(): StoreKeys {
  return { auditKey: null, fields: null, fieldsRoot: null };
}

export function wipeStoreKeys(keys: StoreKeys): void {
  if (keys.auditKey) wipe(keys.auditKey);
  keys.auditKey = null;
  keys.fields?.wipe();
  keys.fields = null;
  if (keys.fieldsRoot) wipe(keys.fieldsRoot);
  keys.fieldsRoot = null;
}
