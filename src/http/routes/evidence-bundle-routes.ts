/** Verifiable evidence bundles and the organisation's signing key (issue 7). Filled in by the bundles part. */
import type { AnyRoute } from '../route.js';

export function evidenceBundleRoutes(): AnyRoute[] {
  return [];
}
