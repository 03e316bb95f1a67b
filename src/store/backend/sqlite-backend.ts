/** The embedded backend: one encrypted SQLite file in the data folder (SQLCipher v4 format, ADR 0002). */
import type { DataFolder } from '../embedded/data-folder.js';
import { openEmbeddedStore } from '../store.js';
import { wipe } from '../../crypto/random.js';
import type { StoreBackend, OpenStoreInput } from './store-backend.js';
import type { Store } from '../store.js';
import { checkKeyringBinding } from './keyring-binding.js';

export function sqliteBackend(folder: DataFolder): StoreBackend {
  async function openFile(input: OpenStoreInput, mode: 'create' | 'open'): Promise<Store> {
    const key = input.databaseKey();
    let store: Store;
    try {
      store = await openEmbeddedStore(folder.databasePath, key, mode);
    } finally {
      wipe(key);
    }
    try {
      await checkKeyringBinding(store, input.keyringId, mode);
    } catch (e) {
      await store.close().catch(() => undefined);
      throw e;
    }
    return store;
  }
  return {
    kind: 'sqlite',
    create: (input) => openFile(input, 'create'),
    open: (input) => openFile(input, 'open'),
    discard: async () => folder.removeStore(),
    shared: async () => undefined,
    shutdown: async () => undefined,
  };
}
