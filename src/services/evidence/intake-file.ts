/**
 * Taking one file in as evidence, up to (not including) the transaction that records it: streamed
 * into the store (hashed on arrival, sealed under a key of its own), typed by its first bytes before
 * more is kept, then checked whole as its type requires (a .txt is text throughout, an office zip is
 * no bomb, an image decodes in full), its metadata read from the stored original and, for JPEG and
 * PNG, a metadata-free viewing copy stored beside it. Files are left `writing`: the caller marks them
 * stored in its transaction, or removes them (`removeIntake`) on any failure — nothing is kept.
 */
import { Readable } from 'node:stream';
import type { Store } from '../../store/store.js';
import { FileTooLargeError, HEAD_BYTES, type StoredFile } from '../../store/files/file-repository.js';
import { isZipDocument } from '../../domain/evidence/file-kinds.js';
import type { CaptureMetadata } from '../../domain/evidence/evidence.js';
import { ServiceError } from '../errors.js';
import { inspectContent, verifyPlainText, type InspectedContent } from './inspect-content.js';
import { checkStoredZipDocument } from './inspect-container.js';
import { readMetadata } from './read-metadata.js';
import { storedViewCopy } from './view-copy.js';

/** A file as the uploader sent it: its name (checked, then sealed) and its bytes, read once. */
export interface IncomingFile {
  name: string;
  stream: AsyncIterable<Uint8Array>;
}

export interface Intake {
  file: StoredFile;
  type: InspectedContent;
  view?: StoredFile;
  metadata: CaptureMetadata;
}

const MB = 1024 * 1024;

export function tooLarge(maxBytes: number): ServiceError {
  const limit = maxBytes >= MB ? `${Math.floor((maxBytes / MB) * 10) / 10} MB` : `${Math.floor(maxBytes / 1024)} KB`;
  const message = `larger than the limit of ${limit}`;
  return new ServiceError(413, 'file_too_large', `file: ${message}`, [{ path: 'file', message, code: 'file_too_large', params: { maxBytes } }]);
}

/** Stops reading a stream that will not be used, so the request behind it can end (errors ignored). */
export async function discardStream(stream: AsyncIterable<Uint8Array>): Promise<void> {
  try {
    if (stream instanceof Readable) {
      stream.destroy();
      return;
    }
    await stream[Symbol.asyncIterator]().return?.();
  } catch {
    // already ended or failed: nothing to stop
  }
}

/** Removes what an intake wrote (both files), ignoring files already gone. */
export async function removeIntake(store: Store, intake: Pick<Intake, 'file' | 'view'>): Promise<void> {
  await store.files.remove(intake.file.id);
  if (intake.view) await store.files.remove(intake.view.id);
}

/**
 * Streams `incoming` into the store as a file of `record` (the name must have been checked) and
 * checks it; `accept` may refuse a type (e.g. screenshots must be images). Throws a ServiceError
 * with nothing stored when refused.
 */
export async function intakeFile(store: Store, record: string, incoming: IncomingFile, opts: { maxBytes: number; accept?: (t: InspectedContent) => void }): Promise<Intake> {
  let type: InspectedContent | undefined;
  let file: StoredFile;
  try {
    file = await store.files.put(record, incoming.stream, {
      maxBytes: opts.maxBytes,
      inspect: async (head) => {
        type = await inspectContent(head, incoming.name);
        opts.accept?.(type);
      },
    });
  } catch (e) {
    await discardStream(incoming.stream);
    if (e instanceof FileTooLargeError) throw tooLarge(opts.maxBytes);
    throw e;
  }
  const intake: Intake = { file, type: type!, metadata: {} };
  try {
    if (intake.type.mediaType === 'text/plain') await verifyPlainText(store.files.read(file.id));
    if (isZipDocument(intake.type.mediaType)) await checkStoredZipDocument(store, file.id, file.size);
    intake.metadata = await readMetadata(await store.files.head(file.id, HEAD_BYTES), intake.type.mediaType);
    const copy = await storedViewCopy(store, file.id, intake.type.mediaType, file.size);
    if (copy) intake.view = await store.files.put(record, Readable.from([copy]), { maxBytes: copy.length });
    return intake;
  } catch (e) {
    await removeIntake(store, intake);
    throw e;
  }
}
