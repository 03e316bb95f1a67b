/**
 * What the interchange format needs of evidence (migration 0012, ADR 0019) beyond
 * EvidenceRepository and FileRepository: every item in the order of its reference, the sizes of
 * the files items use, restoring an item's version and last change after it is written anew, and
 * the data keys files were written under before their record existed (removed again when an
 * import that wrote them fails).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer } from '../repositories/sealed-fields.js';
import { refNumber } from '../../domain/group-by.js';

export interface EvidenceHead { id: string; incidentId: string | null; actorId: string | null; fileId: string; viewFileId: string | null }


/** Every evidence item's owner and files, in the order of their references (EV-0001, EV-0002 …). */
export async function evidenceHeads(db: Kysely<Database>): Promise<EvidenceHead[]> {
  const rows = await db.selectFrom('evidence_items').select(['id', 'ref', 'incident_id', 'actor_id', 'file_id', 'view_file_id']).execute();
  rows.sort((a, b) => refNumber(a.ref) - refNumber(b.ref) || (a.id < b.id ? -1 : 1));
  return rows.map((r) => ({ id: r.id, incidentId: r.incident_id, actorId: r.actor_id, fileId: r.file_id, viewFileId: r.view_file_id }));
}

/** The stored size of each of `fileIds` (plaintext bytes). */
export async function fileSizes(db: Kysely<Database>, fileIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < fileIds.length; i += 500) {
    for (const r of await db.selectFrom('files').select(['id', 'size']).where('id', 'in', fileIds.slice(i, i + 500)).execute()) out.set(r.id, Number(r.size));
  }
  return out;
}

/** Sets an item's version and last change to what they were where it comes from (EvidenceRepository.insert starts at 1). */
export async function restoreEvidenceState(db: Kysely<Database>, id: string, state: { updatedAt: string; version: number }): Promise<void> {
  await db.updateTable('evidence_items').set({ updated_at: state.updatedAt, version: state.version }).where('id', '=', id).execute();
}

/** Of `records` ('incident/<id>', 'actor/<id>'), those that have a data key. */
export async function recordsWithKeys(db: Kysely<Database>, records: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const all = [...new Set(records)];
  for (let i = 0; i < all.length; i += 500) {
    for (const r of await db.selectFrom('record_keys').select('record').where('record', 'in', all.slice(i, i + 500)).execute()) out.add(r.record);
  }
  return out;
}

/** Removes the data keys of `records` (made for files of records an import then did not write). */
export async function dropRecordKeys(db: Kysely<Database>, keys: StoreKeys, records: Iterable<string>): Promise<void> {
  const sealer = new FieldSealer(db, keys);
  for (const r of records) await sealer.shred(r);
}
