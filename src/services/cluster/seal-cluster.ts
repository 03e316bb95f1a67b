/**
 * Seals every app process on a server database without being one of them (`bitacora seal` with
 * DATABASE_URL, when no server runs on this machine): raises the seal epoch, which every unsealed
 * process watches, and ends all sessions. Needs no key: anyone who may reach the database may pull
 * the alarm (the audit entry is written by each process as it seals).
 */
import type { Store } from '../../store/store.js';

export async function sealCluster(store: Store): Promise<number> {
  return store.transaction(async (tx) => {
    const epoch = await tx.cluster.bumpSealEpoch();
    await tx.sessions.deleteAll();
    return epoch;
  });
}
