/** Urgent cases (issue 6, ADR 0018): open from an incident, checklist, notes, campaigns, close with an outcome. */
import type { AnyRoute } from '../route.js';

export function urgentRoutes(): AnyRoute[] {
  return [];
}
