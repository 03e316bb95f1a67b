/**
 * Receive one file as evidence of an incident (optionally one of its testimonies) or of a person or
 * organisation (ADR 0019). Everything the uploader typed and the file's name are checked before a
 * byte is stored; the file is then streamed in and checked (intake-file.ts); the item, the files'
 * move to `stored` and the custody entry (with the SHA-256 taken on arrival) commit together. On any
 * refusal or failure nothing is kept, and the incoming stream is stopped so the request can end.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { invalid } from '../errors.js';
import { newId } from '../../crypto/random.js';
import { concurrentWriteConflict } from '../../store/database-errors.js';
import { evidenceRecord } from '../../store/repositories/evidence-repository.js';
import type { Store } from '../../store/store.js';
import { checkFileName, evidenceKindFor } from '../../domain/evidence/file-kinds.js';
import { evidenceUploadInputSchema, type EvidenceUploadInput } from '../../domain/evidence/upload-input.js';
import { NO_CONSENT, type Consent, type EvidenceDetail } from '../../domain/evidence/evidence.js';
import { requireOwner, type EvidenceOwner } from './evidence-access.js';
import { recordCustody } from './custody.js';
import { evidenceDetail } from './evidence-view.js';
import { discardStream, intakeFile, removeIntake, type IncomingFile } from './intake-file.js';

export type OwnerRef = { incidentId: string } | { actorId: string };

export const ownerOf = (o: OwnerRef): EvidenceOwner => ('incidentId' in o ? { incidentId: o.incidentId, actorId: null } : { incidentId: null, actorId: o.actorId });

/** Runs `fn` in a transaction, again (up to three times) when another writer took the same reference first. */
export async function withRetry<T>(store: Store, fn: (tx: Store) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction(fn);
    } catch (e) {
      if (attempt >= 3 || !concurrentWriteConflict(e)) throw e;
    }
  }
}

/** The source must be a testimony of this incident (a person's evidence names none). */
async function checkSource(ctx: ServiceContext, owner: EvidenceOwner, sourceId: string): Promise<void> {
  if (!owner.incidentId) throw invalid([{ path: 'sourceId', message: 'only evidence of an incident may name one of its sources', code: 'not_part_of_record' }]);
  const found = await ctx.store.db.selectFrom('sources').select('id').where('id', '=', sourceId).where('incident_id', '=', owner.incidentId).executeTakeFirst();
  if (!found) throw invalid([{ path: 'sourceId', message: 'is not a source of this incident', code: 'not_part_of_record' }]);
}

export async function receiveEvidence(
  ctx: ServiceContext,
  ownerRef: OwnerRef,
  raw: EvidenceUploadInput,
  incoming: IncomingFile,
  opts: { maxBytes: number },
): Promise<EvidenceDetail> {
  const owner = ownerOf(ownerRef);
  let input: EvidenceUploadInput;
  try {
    requirePermission(ctx, 'evidence.write');
    input = parseInput(evidenceUploadInputSchema, raw);
    await requireOwner(ctx, owner);
    if (input.sourceId) await checkSource(ctx, owner, input.sourceId);
    const nameProblem = checkFileName(incoming.name);
    if (nameProblem) throw invalid([nameProblem]);
  } catch (e) {
    await discardStream(incoming.stream);
    throw e;
  }
  const intake = await intakeFile(ctx.store, evidenceRecord(owner), incoming, { maxBytes: opts.maxBytes });
  const id = newId();
  try {
    const now = ctx.now();
    const consent: Consent = { ...NO_CONSENT, ...Object.fromEntries(Object.entries(input.consent ?? {}).filter(([, v]) => v !== undefined)) };
    const description = input.description?.trim() || undefined;
    await withRetry(ctx.store, async (tx) => {
      await tx.files.markStored(intake.file.id, now);
      if (intake.view) await tx.files.markStored(intake.view.id, now);
      await tx.evidence.insert({
        id, ref: await tx.evidence.nextRef(), ...owner, sourceId: input.sourceId ?? null,
        kind: evidenceKindFor(intake.type.mediaType, input.kind), mediaType: intake.type.mediaType,
        fileId: intake.file.id, size: intake.file.size, sha256: intake.file.sha256, viewFileId: intake.view?.id ?? null,
        originalName: incoming.name, description, metadata: Object.keys(intake.metadata).length ? intake.metadata : undefined,
        consent, receivedAt: now, receivedBy: ctx.user.id,
      });
      await recordCustody(tx, now, ctx.user.id, 'evidence.receive', id, { sha256: intake.file.sha256 });
    });
  } catch (e) {
    await removeIntake(ctx.store, intake);
    throw e;
  }
  return evidenceDetail((await ctx.store.evidence.get(id, { open: true }))!, true);
}
