/**
 * Office documents (OOXML, ODF) are zips: before one is kept its central directory is read —
 * never decompressed — and refused (400, naming the field `file`) when it could bomb whoever opens
 * it: too many entries, too much declared when unpacked, an entry that unpacks more than 200 times
 * its size; or when an entry's name would escape the folder it is unpacked in (absolute, "..",
 * backslashes, drive letters); or when the zip cannot be read. Documents are read whole from the
 * store to do this, so larger ones than MAX_ZIP_DOCUMENT_BYTES are refused.
 */
import yauzl from 'yauzl';
import type { Store } from '../../store/store.js';
import { unsupported } from './inspect-content.js';
import type { ServiceError } from '../errors.js';

const MiB = 1024 * 1024;
export const ZIP_LIMITS = {
  /** largest office document accepted (read whole to check it) */
  maxDocumentBytes: 100 * MiB,
  maxEntries: 10_000,
  maxTotalUncompressed: 512 * MiB,
  /** an entry may unpack to at most this many times its packed size… */
  maxRatio: 200,
  /** …once it unpacks to more than this */
  ratioFloor: 1 * MiB,
  maxNameBytes: 1024,
} as const;

const bomb = (message: string) => unsupported(message, 400, 'zip_bomb');
const badPath = (message: string) => unsupported(message, 400, 'zip_path');
const damaged = () => unsupported('the document is damaged: its zip structure cannot be read', 400, 'damaged_document');

/** Whether an entry name (as stored, "/" separated) would land outside the folder it is unpacked in. */
export function unsafeEntryName(name: string): string | undefined {
  if (name.includes('\\')) return 'holds a backslash';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  if (name.split('/').some((s) => s === '..')) return 'climbs out of the archive (..)';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'holds control characters';
  return undefined;
}

function openZip(buf: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings: false — names are checked here, not by yauzl (which would stop at the first bad one with its own words)
    yauzl.fromBuffer(buf, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

/** Checks a whole zip held in memory; throws a ServiceError naming what is wrong. */
export async function checkZip(buf: Buffer): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buf);
  } catch {
    throw damaged();
  }
  if (zip.entryCount > ZIP_LIMITS.maxEntries) {
    zip.close();
    throw bomb(`the document holds more than ${ZIP_LIMITS.maxEntries} parts`);
  }
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (e: ServiceError) => {
      if (settled) return;
      settled = true;
      zip.close();
      reject(e);
    };
    zip.on('error', () => fail(damaged()));
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve();
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      const raw = entry.fileName as unknown as Buffer;
      if (raw.length > ZIP_LIMITS.maxNameBytes) return fail(badPath('a part of the document has a name that is too long'));
      // bit 11: the name is UTF-8; otherwise CP437, whose ASCII part is all that matters here
      const name = raw.toString((entry.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1');
      const why = unsafeEntryName(name);
      if (why) return fail(badPath(`a part of the document ${why}`));
      total += entry.uncompressedSize;
      if (total > ZIP_LIMITS.maxTotalUncompressed) return fail(bomb(`the document unpacks to more than ${ZIP_LIMITS.maxTotalUncompressed / MiB} MB`));
      if (entry.uncompressedSize > ZIP_LIMITS.ratioFloor && entry.uncompressedSize > ZIP_LIMITS.maxRatio * Math.max(1, entry.compressedSize)) {
        return fail(bomb(`a part of the document unpacks to more than ${ZIP_LIMITS.maxRatio} times its size`));
      }
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/** Checks a stored office document (its central directory only); throws a ServiceError when refused. */
export async function checkStoredZipDocument(store: Store, fileId: string, size: number): Promise<void> {
  if (size > ZIP_LIMITS.maxDocumentBytes) throw unsupported(`office documents larger than ${ZIP_LIMITS.maxDocumentBytes / MiB} MB are not accepted; save it as PDF or split it`, 413, 'document_too_large');
  await checkZip(await store.files.readAll(fileId, ZIP_LIMITS.maxDocumentBytes));
}
