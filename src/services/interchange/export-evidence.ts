/**
 * Reading the evidence section of an export (docs/interchange.md): every item of the incidents
 * and people exported, sealed parts opened, with the size and SHA-256 of its original and viewing
 * copy. The bytes themselves are read apart — whole for a document in memory, or chunk by chunk
 * for a document written out as it is read — and checked against the hash as they go.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../../store/store.js';
import { evidenceHeads, type EvidenceHead } from '../../store/interchange/evidence-rows.js';
import type { InterchangeEvidence } from './interchange-format.js';
import { MAX_INTERCHANGE_FILE_BYTES } from './format-evidence.js';
import { set } from './format-common.js';

/** The stored files behind one exported item (ids of this workspace: never in the document). */
export interface ItemFiles { original: string; view: string | null }

export interface EvidenceSection {
  /** items with `base64` left empty, in the order of their references */
  items: InterchangeEvidence[];
  /** the files of each item, in the same order */
  files: ItemFiles[];
  /** originals and viewing copies together */
  bytes: number;
}

/** The items of the incidents and people exported (an item of an incident goes with its incident, else with its person). */
export async function exportedEvidence(tx: Store, incidentIds: Set<string>, actorIds: Set<string>): Promise<EvidenceHead[]> {
  return (await evidenceHeads(tx.db)).filter((h) => (h.incidentId !== null ? incidentIds.has(h.incidentId) : h.actorId !== null && actorIds.has(h.actorId)));
}

export async function readEvidence(tx: Store, heads: EvidenceHead[]): Promise<EvidenceSection> {
  const out: EvidenceSection = { items: [], files: [], bytes: 0 };
  for (const h of heads) {
    const e = (await tx.evidence.get(h.id, { open: true }))!;
    const view = e.viewFileId ? await tx.files.info(e.viewFileId) : undefined;
    if (e.viewFileId && !view) throw new Error(`the viewing copy of evidence item ${e.id} is not stored`);
    out.items.push(
      set({
        id: e.id, incidentId: e.incidentId, actorId: e.actorId, sourceId: e.sourceId, parentId: e.parentId, kind: e.kind, mediaType: e.mediaType,
        originalName: e.originalName, description: e.description, metadata: e.metadata, capture: e.capture, consent: e.consent,
        receivedAt: e.receivedAt, receivedBy: e.receivedBy.id, updatedAt: e.updatedAt, version: e.version,
        original: { size: e.size, sha256: e.sha256, base64: '' },
        viewCopy: view ? { size: view.size, sha256: view.sha256, base64: '' } : null,
      }) as InterchangeEvidence,
    );
    out.files.push({ original: e.fileId, view: e.viewFileId });
    out.bytes += e.size + (view?.size ?? 0);
  }
  return out;
}

/** Refuses an export whose files would not fit in one document (MAX_INTERCHANGE_FILE_BYTES). */
export function tooMuchEvidence(bytes: number): string | undefined {
  if (bytes <= MAX_INTERCHANGE_FILE_BYTES) return undefined;
  const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
  return `the evidence files add up to ${mb(bytes)}, more than the ${mb(MAX_INTERCHANGE_FILE_BYTES)} one interchange document carries: move the whole workspace with a backup and restore (docs/backup.md), or export without evidence`;
}

/**
 * A stored file as base64, a piece per chunk read (never the whole file at once), checked against
 * `sha256` at the end: a file that does not match what its item says was damaged, and the export
 * fails rather than write it.
 */
export async function* base64Pieces(tx: Store, fileId: string, sha256: string, itemId: string): AsyncGenerator<string> {
  const hash = createHash('sha256');
  let carry = Buffer.alloc(0);
  for await (const chunk of tx.files.read(fileId)) {
    hash.update(chunk);
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const whole = bytes.length - (bytes.length % 3);
    if (whole) yield bytes.subarray(0, whole).toString('base64');
    carry = Buffer.from(bytes.subarray(whole));
  }
  if (carry.length) yield carry.toString('base64');
  if (hash.digest('hex') !== sha256) throw new Error(`evidence item ${itemId}: a stored file does not match its SHA-256; nothing was exported`);
}

/** A stored file whole, as base64 (for a document held in memory). */
export async function base64Of(tx: Store, fileId: string, sha256: string, itemId: string): Promise<string> {
  let out = '';
  for await (const piece of base64Pieces(tx, fileId, sha256, itemId)) out += piece;
  return out;
}
