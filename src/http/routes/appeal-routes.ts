/** Urgent appeals (issue 6, ADR 0018): draft from a template per protection body, edit, PDF, sent and answered. */
import type { AnyRoute } from '../route.js';

export function appealRoutes(): AnyRoute[] {
  return [];
}
