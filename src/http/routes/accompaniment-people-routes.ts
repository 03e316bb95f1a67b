/** Accompanied people and families, hearings (one by one and from a spreadsheet of notices), reminders (ADR 0024). */
import type { AnyRoute } from '../route.js';

export function accompanimentPeopleRoutes(): AnyRoute[] {
  return [];
}
