/**
 * Writing the record of duplicates inside the import's transaction (docs/interchange.md): where
 * each merged incident went — once every incident of the file is written, as it names another
 * incident — and the pairs dismissed as not duplicates, a union with the workspace's own: a pair
 * already dismissed here is kept as it is (who and when), never a conflict.
 */
import type { Store } from '../../store/store.js';
import { addDuplicateDismissal, setMergedInto } from '../../store/interchange/duplicate-rows.js';
import type { InterchangeDocument } from './interchange-format.js';
import type { Who } from './import-sections.js';

export async function writeMerges(tx: Store, doc: InterchangeDocument): Promise<void> {
  for (const inc of doc.incidents) if (inc.mergedInto !== undefined) await setMergedInto(tx.db, inc.id, inc.mergedInto);
}

/** Returns how many pairs were added (the others were already dismissed here). */
export async function writeDuplicateDismissals(tx: Store, doc: InterchangeDocument, who: Who, progress: (done: number, total: number) => void): Promise<number> {
  let added = 0;
  for (const [n, d] of doc.duplicateDismissals.entries()) {
    if (await addDuplicateDismissal(tx.db, { incident_a: d.incidentA, incident_b: d.incidentB, dismissed_at: d.dismissedAt, dismissed_by: who(d.dismissedBy) })) added++;
    progress(n + 1, doc.duplicateDismissals.length);
  }
  return added;
}
