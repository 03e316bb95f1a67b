/** Alerts (issue 6, ADR 0018): a person's alerts in the app; the administrators' channels and delivery record. */
import type { AnyRoute } from '../route.js';

export function alertRoutes(): AnyRoute[] {
  return [];
}
