/**
 * Loads the field keyring when the vault is unsealed: unwraps every key-encryption key with the
 * master key's 'fields' sub-key (making the first one on a new workspace), then seals any
 * identifying value a first-version workspace still holds in plaintext.
 */
import type { Store } from '../../store/store.js';
import { FieldKeyring } from '../../crypto/envelope.js';

export async function openFieldKeys(store: Store, rootKey: Buffer, keyringId: string, now: string): Promise<void> {
  let current = await store.fieldKeys.currentId();
  if (current === undefined) {
    const { stored, key } = FieldKeyring.newKek(rootKey, keyringId);
    key.fill(0);
    await store.transaction(async (tx) => {
      await tx.fieldKeys.addCurrent(stored, now);
      await tx.audit.add({ at: now, userId: null, action: 'keys.created', targetType: 'field_key', targetId: stored.id });
    });
    current = stored.id;
  }
  store.keys.fields = FieldKeyring.open(rootKey, keyringId, await store.fieldKeys.list(), current);
  store.keys.fieldsRoot = rootKey;
  const sealed = await store.sealLegacyPlaintext();
  if (sealed > 0) await store.audit.add({ at: now, userId: null, action: 'keys.legacy_sealed', detail: { records: sealed } });
}
