/** The scheduler's part for protection measures: a reminder to the responders when a measure in force is about to expire (once per measure and expiry). */
import type { Store } from '../../store/store.js';

export async function remindRenewals(_store: Store, _now: string): Promise<number> {
  return 0;
}
