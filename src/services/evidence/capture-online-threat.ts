/**
 * Preserve an online threat with the capture form (issue 7): platform, account, link, the text as
 * seen, when it was seen, and when Bitácora recorded it. That record, as canonical JSON, is the
 * capture item's file — hashed on arrival like any file, so the custody entry timestamps its SHA-256
 * in the audit chain — and is also kept sealed in the item's `capture` column. Each screenshot is a
 * child item (kind 'screenshot'), typed and checked like any upload, images only. The items, their
 * files and their custody entries commit in one transaction; on any refusal nothing is kept.
 */
import { Readable } from 'node:stream';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { invalid, ServiceError } from '../errors.js';
import { newId } from '../../crypto/random.js';
import { evidenceRecord } from '../../store/repositories/evidence-repository.js';
import { checkFileName } from '../../domain/evidence/file-kinds.js';
import { MAX_CAPTURE_SCREENSHOTS, canonicalJson, captureRecord } from '../../domain/evidence/upload-input.js';
import { NO_CONSENT, onlineCaptureInputSchema, type EvidenceDetail, type OnlineCaptureInput } from '../../domain/evidence/evidence.js';
import { requireOwner } from './evidence-access.js';
import { recordCustody } from './custody.js';
import { evidenceDetail } from './evidence-view.js';
import { discardStream, intakeFile, removeIntake, type IncomingFile, type Intake } from './intake-file.js';
import { unsupported } from './inspect-content.js';
import { withRetry } from './receive-evidence.js';

/** A refusal about "file" restated about the screenshot it concerns ("screenshot[1]: …"). */
function aboutScreenshot(e: unknown, i: number): unknown {
  if (!(e instanceof ServiceError)) return e;
  const field = `screenshot[${i}]`;
  const problems = e.problems?.map((p) => (p.path === 'file' ? { ...p, path: field } : p));
  return new ServiceError(e.status, e.code, e.message.replace(/^file:/, `${field}:`), problems);
}

async function discardAll(screenshots: Iterable<IncomingFile> | AsyncIterable<IncomingFile>): Promise<void> {
  try {
    for await (const s of screenshots) await discardStream(s.stream);
  } catch {
    // the rest of the request is the caller's to end
  }
}

export async function captureOnlineThreat(
  ctx: ServiceContext,
  incidentId: string,
  raw: OnlineCaptureInput,
  screenshots: Iterable<IncomingFile> | AsyncIterable<IncomingFile>,
  opts: { maxBytes: number },
): Promise<EvidenceDetail> {
  const owner = { incidentId, actorId: null };
  let input: OnlineCaptureInput;
  try {
    requirePermission(ctx, 'evidence.write');
    input = parseInput(onlineCaptureInputSchema, raw);
    // zod's url() takes javascript:, data: and file: links too; only web links are kept (they are shown as links)
    if (input.url !== undefined && !/^https?:\/\/[^\s/]/i.test(input.url)) throw invalid([{ path: 'url', message: 'must be an http or https link', code: 'bad_format' }]);
    await requireOwner(ctx, owner);
  } catch (e) {
    await discardAll(screenshots);
    throw e;
  }
  const record = evidenceRecord(owner);
  const capture = captureRecord(input, ctx.now());
  const captureBytes = canonicalJson(capture);
  const captureFile = await ctx.store.files.put(record, Readable.from([Buffer.from(captureBytes)]), { maxBytes: captureBytes.length });
  const shots: { intake: Intake; name: string }[] = [];
  const removeAll = async () => {
    await ctx.store.files.remove(captureFile.id);
    for (const s of shots) await removeIntake(ctx.store, s.intake);
  };
  const id = newId();
  try {
    let i = 0;
    for await (const shot of screenshots) {
      if (i >= MAX_CAPTURE_SCREENSHOTS) {
        await discardStream(shot.stream);
        throw invalid([{ path: 'screenshot', message: `at most ${MAX_CAPTURE_SCREENSHOTS} screenshots per capture`, code: 'too_many' }]);
      }
      const nameProblem = checkFileName(shot.name);
      if (nameProblem) {
        await discardStream(shot.stream);
        throw aboutScreenshot(invalid([nameProblem]), i);
      }
      try {
        const intake = await intakeFile(ctx.store, record, shot, {
          maxBytes: opts.maxBytes,
          accept: (t) => { if (t.kind !== 'image') throw unsupported('a screenshot must be an image (JPEG, PNG, WebP, GIF, HEIC or TIFF)'); },
        });
        shots.push({ intake, name: shot.name });
      } catch (e) {
        throw aboutScreenshot(e, i);
      }
      i++;
    }
    const now = capture.capturedAt;
    await withRetry(ctx.store, async (tx) => {
      await tx.files.markStored(captureFile.id, now);
      await tx.evidence.insert({
        id, ref: await tx.evidence.nextRef(), ...owner, kind: 'online_capture', mediaType: 'application/json',
        fileId: captureFile.id, size: captureFile.size, sha256: captureFile.sha256,
        description: input.description?.trim() || undefined, capture, consent: NO_CONSENT, receivedAt: now, receivedBy: ctx.user.id,
      });
      await recordCustody(tx, now, ctx.user.id, 'evidence.capture', id, { sha256: captureFile.sha256 });
      for (const { intake, name } of shots) {
        const childId = newId();
        await tx.files.markStored(intake.file.id, now);
        if (intake.view) await tx.files.markStored(intake.view.id, now);
        await tx.evidence.insert({
          id: childId, ref: await tx.evidence.nextRef(), ...owner, parentId: id, kind: 'screenshot', mediaType: intake.type.mediaType,
          fileId: intake.file.id, size: intake.file.size, sha256: intake.file.sha256, viewFileId: intake.view?.id ?? null,
          originalName: name, metadata: Object.keys(intake.metadata).length ? intake.metadata : undefined, consent: NO_CONSENT, receivedAt: now, receivedBy: ctx.user.id,
        });
        await recordCustody(tx, now, ctx.user.id, 'evidence.receive', childId, { sha256: intake.file.sha256 });
      }
    });
  } catch (e) {
    await removeAll();
    await discardAll(screenshots);
    throw e;
  }
  return evidenceDetail((await ctx.store.evidence.get(id, { open: true }))!, true);
}
