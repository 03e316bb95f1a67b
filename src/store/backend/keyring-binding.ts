/**
 * The database remembers which keyring it belongs to. On PostgreSQL nothing else ties the two
 * together (the embedded file simply does not open under another key), so a data folder pointed at
 * the wrong database is refused before anything is written under the wrong keys.
 */
import type { Store } from '../store.js';
import { BackendRefusal } from './store-backend.js';

export async function checkKeyringBinding(store: Store, keyringId: string, mode: 'create' | 'open'): Promise<void> {
  const hasWorkspace = (await store.users.workspace()) !== undefined;
  const { keyringId: bound } = await store.cluster.state();
  if (mode === 'create') {
    const refusal = new BackendRefusal('database_not_empty', 'the database already holds a workspace; to add a server to it, copy keyring.json from the first server into this data folder');
    if (hasWorkspace || bound) throw refusal;
    if (!(await store.cluster.bindKeyring(keyringId))) throw refusal;
    return;
  }
  if (!hasWorkspace) throw new BackendRefusal('database_empty', 'the database holds no workspace; check DATABASE_URL (and BITACORA_PG_SCHEMA)');
  // workspaces made before the binding existed are bound at their first unseal
  if (!bound) await store.cluster.bindKeyring(keyringId);
  else if (bound !== keyringId) throw new BackendRefusal('wrong_keyring', 'this keyring belongs to another workspace than the one in the database; check DATABASE_URL and the data folder');
}
