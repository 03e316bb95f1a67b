/** Reading the pairs of incidents dismissed as not duplicates for an export (docs/interchange.md): those whose two incidents are both in it. */
import type { Store } from '../../store/store.js';
import { duplicateDismissals } from '../../store/interchange/duplicate-rows.js';
import type { InterchangeDuplicateDismissal } from './interchange-format.js';

export async function readDuplicateDismissals(tx: Store, incidentIds: ReadonlySet<string>): Promise<InterchangeDuplicateDismissal[]> {
  return (await duplicateDismissals(tx.db))
    .filter((d) => incidentIds.has(d.incident_a) && incidentIds.has(d.incident_b))
    .map((d) => ({ incidentA: d.incident_a, incidentB: d.incident_b, dismissedAt: d.dismissed_at, dismissedBy: d.dismissed_by }));
}
