/**
 * What a file is, from its content (ADR 0019): its first bytes (HEAD_BYTES, before more is stored)
 * are sniffed with file-type and the name may only agree. Refused with 415 `unsupported_type`,
 * naming the field `file`: a type we do not keep (archives, programs, web pages, unknown content),
 * and content that contradicts the name's extension ("the content is a PDF but the name ends in
 * .jpg"). Plain text is accepted only as .txt, valid UTF-8 without NUL, and not markup a browser
 * would run; the rest of such a file is checked once stored (`verifyPlainText`).
 */
import { fileTypeFromBuffer } from 'file-type';
import { ServiceError } from '../errors.js';
import { HEAD_BYTES } from '../../store/files/file-repository.js';
import {
  canonicalMediaType, classifyRefused, contentKindOf, contradicts, describeMediaType, extensionOf, extensionsOf, isPlainText, looksActive, type ContentKind,
} from '../../domain/evidence/file-kinds.js';

export interface InspectedContent {
  /** one of ALLOWED_MEDIA_TYPES */
  mediaType: string;
  kind: ContentKind;
  /** the usual extension of that type (lower case, no dot) */
  ext: string;
}

const ACCEPTED = 'accepted are images, audio, video, PDF, office documents and .txt text';

export function unsupported(message: string, status = 415, code = 'unsupported_type'): ServiceError {
  return new ServiceError(status, code, `file: ${message}`, [{ path: 'file', message, code }]);
}

const ACTIVE_TYPES = new Set(['application/xml', 'image/svg+xml', 'text/html', 'application/xhtml+xml', 'application/javascript', 'text/javascript']);

/** Sniffs `head` (the first HEAD_BYTES of the file, or all of it when shorter) named `name`; throws when refused. */
export async function inspectContent(head: Uint8Array, name: string): Promise<InspectedContent> {
  if (head.length === 0) throw unsupported('is empty', 400, 'empty_file');
  const ext = extensionOf(name);
  const found = await fileTypeFromBuffer(head).catch(() => undefined);
  if (!found) {
    const cut = head.length >= HEAD_BYTES;
    if (isPlainText(head, cut)) {
      const text = new TextDecoder('utf-8').decode(head);
      if (looksActive(text)) throw unsupported('web pages, SVG and other markup that a browser would run are not accepted');
      if (ext === 'txt') return { mediaType: 'text/plain', kind: 'document', ext: 'txt' };
      throw unsupported(`text is accepted only in a .txt file; ${ACCEPTED}`);
    }
    throw unsupported(`the type of this file could not be recognised; ${ACCEPTED}`);
  }
  if (ACTIVE_TYPES.has(found.mime)) throw unsupported('web pages, SVG and other markup that a browser would run are not accepted');
  const mediaType = canonicalMediaType(found.mime, ext);
  if (!mediaType) {
    const why = classifyRefused(found.mime);
    if (why === 'archive') throw unsupported('archives (zip and others) are not accepted; send each file on its own');
    if (why === 'executable') throw unsupported('programs are not accepted as evidence');
    throw unsupported(`${found.mime} files are not accepted; ${ACCEPTED}`);
  }
  if (contradicts(ext, mediaType)) throw unsupported(`the content is ${describeMediaType(mediaType)} but the name ends in .${ext}`);
  return { mediaType, kind: contentKindOf(mediaType)!, ext: extensionsOf(mediaType)[0]! };
}

/** Checks a whole stored .txt file: valid UTF-8 throughout, no NUL (its head was checked on arrival). */
export async function verifyPlainText(chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const valid = (c?: Uint8Array) => {
    if (c?.includes(0)) return false;
    try {
      if (c) decoder.decode(c, { stream: true });
      else decoder.decode();
      return true;
    } catch {
      return false;
    }
  };
  for await (const c of chunks) if (!valid(c)) throw unsupported('the file is named .txt but is not plain UTF-8 text');
  if (!valid()) throw unsupported('the file is named .txt but is not plain UTF-8 text');
}
