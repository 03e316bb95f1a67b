/**
 * An evidence item stored the way the intake stores one — files written, then the item, its files
 * kept and its custody entry in one transaction — for tests of what comes after intake (reading,
 * custody, consent, bundles) without going through an upload.
 */
import type { ServiceContext } from '../../src/services/context.js';
import { evidenceRecord } from '../../src/store/repositories/evidence-repository.js';
import { recordCustody } from '../../src/services/evidence/custody.js';
import { NO_CONSENT, type CaptureMetadata, type Consent, type EvidenceKind } from '../../src/domain/evidence/evidence.js';
import { newId } from '../../src/crypto/random.js';

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

export interface TestItem {
  owner: { incidentId: string | null; actorId: string | null };
  bytes: Buffer;
  /** a metadata-free copy to store beside it (images) */
  copy?: Buffer;
  kind?: EvidenceKind;
  /** a capture's screenshot: the capture's id */
  parentId?: string;
  mediaType?: string;
  originalName?: string;
  description?: string;
  metadata?: CaptureMetadata;
  consent?: Consent;
}

export async function storeTestItem(ctx: ServiceContext, t: TestItem): Promise<string> {
  const store = ctx.store;
  const record = evidenceRecord(t.owner);
  const original = await store.files.put(record, once(t.bytes), { maxBytes: 1 << 30 });
  const copy = t.copy ? await store.files.put(record, once(t.copy), { maxBytes: 1 << 30 }) : undefined;
  const id = newId();
  await store.transaction(async (tx) => {
    await tx.files.markStored(original.id);
    if (copy) await tx.files.markStored(copy.id);
    await tx.evidence.insert({
      id, ref: await tx.evidence.nextRef(), ...t.owner, parentId: t.parentId ?? null, kind: t.kind ?? 'photo', mediaType: t.mediaType ?? 'image/jpeg', fileId: original.id, size: original.size,
      sha256: original.sha256, viewFileId: copy?.id ?? null, originalName: t.originalName, description: t.description, metadata: t.metadata,
      consent: t.consent ?? NO_CONSENT, receivedAt: ctx.now(), receivedBy: ctx.user.id,
    });
    await recordCustody(tx, ctx.now(), ctx.user.id, 'evidence.receive', id, { sha256: original.sha256 });
  });
  return id;
}
