/** Transport runs (ADR 0024): plan, preview, the day and week view, one's own trips, marks of the day, status. */
import type { AnyRoute } from '../route.js';

export function runRoutes(): AnyRoute[] {
  return [];
}
