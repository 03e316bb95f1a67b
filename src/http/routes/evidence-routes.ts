/** Evidence items: lists, an item, its files, its chain of custody, description and consent (issue 7). */
import type { AnyRoute } from '../route.js';

export function evidenceRoutes(): AnyRoute[] {
  return [];
}
