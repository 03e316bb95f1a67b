/**
 * Key rotation (`bitacora keys rotate`): a new key-encryption key becomes current at once (new
 * records use it), then every record's data key is re-wrapped under it in small transactions
 * while the workspace keeps serving; old KEKs are removed only when nothing uses them. Values
 * are never re-encrypted, so every record stays readable throughout — and an interrupted
 * rotation simply continues next time.
 */
import type { Store } from '../../store/store.js';
import { FieldKeyring } from '../../crypto/envelope.js';

export interface RotationResult { kekId: string; rewrapped: number; retired: string[] }

const BATCH = 500;

export async function rotateFieldKeys(store: Store, opts: { now: () => string; userId: string | null; onProgress?: (done: number) => void }): Promise<RotationResult> {
  const ring = store.keys.fields;
  const root = store.keys.fieldsRoot;
  if (!ring || !root) throw new Error('the field keys are not loaded (is the workspace unsealed?)');
  const keyringId = ring.keyringIdForRotation();
  const { stored, key } = FieldKeyring.newKek(root, keyringId);
  await store.transaction(async (tx) => {
    await tx.fieldKeys.addCurrent(stored, opts.now());
    await tx.audit.add({ at: opts.now(), userId: opts.userId, action: 'keys.rotation_started', targetType: 'field_key', targetId: stored.id });
  });
  ring.addCurrent(stored.id, key); // only after the new KEK is stored: no data key is ever wrapped under a lost KEK
  let rewrapped = 0;
  for (;;) {
    const batch = await store.fieldKeys.dataKeysNotUnder(stored.id, BATCH);
    if (!batch.length) break;
    await store.transaction(async (tx) => {
      for (const before of batch) await tx.fieldKeys.rewrapDataKey(before, ring.rewrap(before));
    });
    rewrapped += batch.length;
    opts.onProgress?.(rewrapped);
    if (ring.current !== stored.id) throw new Error('another rotation started meanwhile; run it again when it ends');
  }
  const inUse = await store.fieldKeys.countByKek();
  const retired = ring.kekIds().filter((id) => id !== stored.id && !inUse.has(id));
  await store.transaction(async (tx) => {
    for (const id of retired) await tx.fieldKeys.remove(id);
    await tx.audit.add({ at: opts.now(), userId: opts.userId, action: 'keys.rotated', targetType: 'field_key', targetId: stored.id, detail: { rewrapped, retired } });
  });
  for (const id of retired) ring.drop(id);
  return { kekId: stored.id, rewrapped, retired };
}
