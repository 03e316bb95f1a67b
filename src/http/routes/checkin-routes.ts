/** Check-ins (issue 6, ADR 0018): one's own schedules, checking in (a duress code raises a silent alert), the duress code. */
import type { AnyRoute } from '../route.js';

export function checkinRoutes(): AnyRoute[] {
  return [];
}
