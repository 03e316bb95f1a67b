/**
 * The files of an imported document's evidence, written before the import's transaction the way an
 * upload writes them (ADR 0019): through FileRepository, each streamed through SHA-256 and sealed in
 * chunks under a key of its own, itself sealed under the data key of the incident or person the
 * item belongs to. They stay `writing` until the import's transaction marks them stored with their
 * items; if the import fails they are removed, with the data keys made for records that were then
 * not written — nothing is kept.
 */
import type { Store } from '../../store/store.js';
import { evidenceRecord } from '../../store/repositories/evidence-repository.js';
import { recordsWithKeys, dropRecordKeys } from '../../store/interchange/evidence-rows.js';
import { decodeFileBytes } from './check-evidence-bytes.js';
import type { InterchangeEvidence } from './interchange-format.js';

export interface WrittenFiles {
  /** per item of the document, in its order: the files' ids in this workspace */
  ids: { original: string; view: string | null }[];
  /** records of the document (not yet in the workspace) whose data key was made for these files */
  newKeys: string[];
}

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

export const recordOf = (e: InterchangeEvidence) => evidenceRecord({ incidentId: e.incidentId ?? null, actorId: e.actorId ?? null });

/**
 * Writes every item's original and viewing copy; on any failure removes what it wrote and throws.
 * `carried`: the records ('incident/<id>', 'actor/<id>') the document brings, none in the workspace.
 */
export async function writeEvidenceFiles(store: Store, items: InterchangeEvidence[], carried: Set<string>, progress: (done: number, total: number) => void): Promise<WrittenFiles> {
  const records = items.map(recordOf);
  const had = await recordsWithKeys(store.db, records);
  // only keys of the document's own new records may go again: nothing else can have been sealed under them
  const written: WrittenFiles = { ids: [], newKeys: [...new Set(records.filter((r) => !had.has(r) && carried.has(r)))] };
  try {
    for (const [n, e] of items.entries()) {
      const put = async (f: InterchangeEvidence['original']) => {
        // checked when the document was read; decoded again here, one file at a time
        const bytes = decodeFileBytes(f);
        if (typeof bytes === 'string') throw new Error(`evidence item ${e.id}: ${bytes}`);
        const stored = await store.files.put(records[n]!, once(bytes), { maxBytes: bytes.length });
        if (stored.sha256 !== f.sha256) {
          await store.files.remove(stored.id);
          throw new Error(`evidence item ${e.id}: the stored file does not match its SHA-256`);
        }
        return stored.id;
      };
      const original = await put(e.original);
      written.ids.push({ original, view: null });
      if (e.viewCopy) written.ids[n]!.view = await put(e.viewCopy);
      progress(n + 1, items.length);
    }
    return written;
  } catch (e) {
    await discardEvidenceFiles(store, written);
    throw e;
  }
}

/** Removes the files written for an import that did not commit, and the data keys made for them. */
export async function discardEvidenceFiles(store: Store, written: WrittenFiles): Promise<void> {
  for (const f of written.ids) {
    await store.files.remove(f.original);
    if (f.view) await store.files.remove(f.view);
  }
  await dropRecordKeys(store.db, store.keys, written.newKeys);
}
