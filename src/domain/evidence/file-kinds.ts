/**
 * What files Bitácora accepts as evidence (ADR 0019), as pure rules: the allowed media types, the
 * kind each one is, the extensions a name may carry for it, and the checks on a file's name. The
 * content decides the type (src/services/evidence/inspect-content.ts sniffs it); the name may only
 * agree with it. No I/O here.
 */
import type { FieldProblem } from '../incident/check-codes.js';
import type { EvidenceKind } from './evidence.js';

/** What the content is, before the uploader's choice of photo or screenshot. */
export type ContentKind = 'image' | 'audio' | 'video' | 'pdf' | 'document';

interface AllowedType {
  kind: ContentKind;
  /** extensions a name may end in, lower case, without the dot; the first is the usual one */
  exts: readonly string[];
  /** how messages name it */
  label: string;
}

export const OOXML_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
} as const;
export const ODF_TYPES = {
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
} as const;

const ALLOWED: Readonly<Record<string, AllowedType>> = {
  'image/jpeg': { kind: 'image', exts: ['jpg', 'jpeg', 'jpe', 'jfif'], label: 'a JPEG image' },
  'image/png': { kind: 'image', exts: ['png'], label: 'a PNG image' },
  'image/webp': { kind: 'image', exts: ['webp'], label: 'a WebP image' },
  'image/gif': { kind: 'image', exts: ['gif'], label: 'a GIF image' },
  'image/heic': { kind: 'image', exts: ['heic', 'heif'], label: 'a HEIC image' },
  'image/heif': { kind: 'image', exts: ['heif', 'heic'], label: 'a HEIF image' },
  'image/tiff': { kind: 'image', exts: ['tif', 'tiff'], label: 'a TIFF image' },
  'audio/mpeg': { kind: 'audio', exts: ['mp3', 'mpga'], label: 'an MP3 recording' },
  'audio/mp4': { kind: 'audio', exts: ['m4a', 'mp4', 'm4b', 'aac'], label: 'an MP4 recording' },
  'audio/aac': { kind: 'audio', exts: ['aac'], label: 'an AAC recording' },
  'audio/ogg': { kind: 'audio', exts: ['ogg', 'oga'], label: 'an Ogg recording' },
  'audio/opus': { kind: 'audio', exts: ['opus', 'ogg', 'oga'], label: 'an Opus recording' },
  'audio/wav': { kind: 'audio', exts: ['wav', 'wave'], label: 'a WAV recording' },
  'audio/x-wav': { kind: 'audio', exts: ['wav', 'wave'], label: 'a WAV recording' },
  'audio/webm': { kind: 'audio', exts: ['weba', 'webm'], label: 'a WebM recording' },
  'audio/amr': { kind: 'audio', exts: ['amr'], label: 'an AMR recording' },
  'audio/flac': { kind: 'audio', exts: ['flac'], label: 'a FLAC recording' },
  'video/mp4': { kind: 'video', exts: ['mp4', 'm4v'], label: 'an MP4 video' },
  'video/quicktime': { kind: 'video', exts: ['mov', 'qt'], label: 'a QuickTime video' },
  'video/webm': { kind: 'video', exts: ['webm'], label: 'a WebM video' },
  'video/3gpp': { kind: 'video', exts: ['3gp', '3gpp'], label: 'a 3GP video' },
  'application/pdf': { kind: 'pdf', exts: ['pdf'], label: 'a PDF' },
  [OOXML_TYPES.docx]: { kind: 'document', exts: ['docx'], label: 'a Word document' },
  [OOXML_TYPES.xlsx]: { kind: 'document', exts: ['xlsx'], label: 'an Excel spreadsheet' },
  [OOXML_TYPES.pptx]: { kind: 'document', exts: ['pptx'], label: 'a PowerPoint presentation' },
  [ODF_TYPES.odt]: { kind: 'document', exts: ['odt'], label: 'an OpenDocument text' },
  [ODF_TYPES.ods]: { kind: 'document', exts: ['ods'], label: 'an OpenDocument spreadsheet' },
  [ODF_TYPES.odp]: { kind: 'document', exts: ['odp'], label: 'an OpenDocument presentation' },
  'text/plain': { kind: 'document', exts: ['txt'], label: 'a text file' },
};

/** Every media type accepted as evidence. */
export const ALLOWED_MEDIA_TYPES: readonly string[] = Object.keys(ALLOWED);

/**
 * The names content sniffing (file-type) gives some allowed types, mapped to ours; and types whose
 * container is the same for audio and video, where the name's extension says which one it is.
 */
const DETECTED_ALIASES: Readonly<Record<string, string>> = {
  'audio/x-m4a': 'audio/mp4',
  'audio/ogg; codecs=opus': 'audio/opus',
  'audio/x-flac': 'audio/flac',
  'audio/vnd.wave': 'audio/wav',
  'video/x-m4v': 'video/mp4',
};
const SAME_CONTAINER: Readonly<Record<string, string>> = { 'video/mp4': 'audio/mp4', 'video/webm': 'audio/webm', 'audio/mp4': 'video/mp4' };

/** Archives and executables content sniffing may find: named in the refusal. */
const ARCHIVES = new Set(['application/zip', 'application/gzip', 'application/x-bzip2', 'application/x-7z-compressed', 'application/x-rar-compressed', 'application/x-tar', 'application/x-xz', 'application/zstd', 'application/x-lzip', 'application/epub+zip', 'application/java-archive', 'application/vnd.android.package-archive']);
const EXECUTABLES = new Set(['application/x-msdownload', 'application/x-elf', 'application/x-mach-binary', 'application/wasm', 'application/x-sharedlib', 'application/x-executable', 'application/vnd.microsoft.portable-executable', 'application/x-shockwave-flash', 'application/x-apple-diskimage']);

export function isAllowedMediaType(mediaType: string): boolean {
  return Object.hasOwn(ALLOWED, mediaType);
}

export function contentKindOf(mediaType: string): ContentKind | undefined {
  return Object.hasOwn(ALLOWED, mediaType) ? ALLOWED[mediaType]!.kind : undefined;
}

/** How messages name a media type ("a PDF", "a JPEG image"); unknown ones by their media type. */
export function describeMediaType(mediaType: string): string {
  return Object.hasOwn(ALLOWED, mediaType) ? ALLOWED[mediaType]!.label : `"${mediaType}"`;
}

/** The extensions a name may end in for this media type (empty for types not allowed). */
export function extensionsOf(mediaType: string): readonly string[] {
  return Object.hasOwn(ALLOWED, mediaType) ? ALLOWED[mediaType]!.exts : [];
}

export type DetectedClass = 'archive' | 'executable' | 'other';
/** Why a sniffed type that is not allowed is refused: an archive, an executable, or just not a kind we keep. */
export function classifyRefused(detected: string): DetectedClass {
  if (ARCHIVES.has(detected)) return 'archive';
  if (EXECUTABLES.has(detected)) return 'executable';
  return 'other';
}

/**
 * Our media type for a sniffed one, using the name's extension only where one container holds both
 * audio and video (an .m4a in an MP4 box is audio). Undefined when the type is not allowed.
 */
export function canonicalMediaType(detected: string, ext: string | undefined): string | undefined {
  const base = DETECTED_ALIASES[detected] ?? detected;
  if (!isAllowedMediaType(base)) return undefined;
  const other = SAME_CONTAINER[base];
  if (other && ext && !extensionsOf(base).includes(ext) && extensionsOf(other).includes(ext)) return other;
  return base;
}

/**
 * The extension a name ends in, lower case without the dot: 1 to 5 letters and digits, at least
 * one a letter ("IMG 14.35.10" has none; "photo.jpg_large" has none). Undefined when there is none.
 */
export function extensionOf(name: string): string | undefined {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  if (!m || !/[A-Za-z]/.test(m[1]!)) return undefined;
  return m[1]!.toLowerCase();
}

/** Whether a name's extension contradicts the content's type (no extension contradicts nothing). */
export function contradicts(ext: string | undefined, mediaType: string): boolean {
  return ext !== undefined && !extensionsOf(mediaType).includes(ext);
}

/** The kind an item gets: the content decides, except that an image may be filed as a photo or a screenshot. */
export function evidenceKindFor(mediaType: string, requested?: EvidenceKind): EvidenceKind {
  const kind = contentKindOf(mediaType);
  if (!kind) throw new Error(`not an allowed media type: ${mediaType}`);
  if (kind === 'image') return requested === 'screenshot' ? 'screenshot' : 'photo';
  return kind;
}

/** Office documents that are zips (their central directory is checked before they are kept). */
export function isZipDocument(mediaType: string): boolean {
  return (Object.values(OOXML_TYPES) as string[]).includes(mediaType) || (Object.values(ODF_TYPES) as string[]).includes(mediaType);
}

/** Images of which a metadata-free viewing copy is made (decoded and re-encoded). */
export function hasViewCopy(mediaType: string): boolean {
  return mediaType === 'image/jpeg' || mediaType === 'image/png';
}

// ---------- names ----------

/** Longest name kept, in UTF-8 bytes (what most file systems allow). */
export const MAX_NAME_BYTES = 255;

// C0 and C1 controls, DEL, and the invisible direction marks that disguise an extension ("gpj.exe" shown as "exe.jpg")
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * A file's name as sent by the uploader, checked before anything is stored: not empty, at most 255
 * UTF-8 bytes, no control or direction characters, no folder parts. Undefined when it is fine.
 */
export function checkFileName(name: string): FieldProblem | undefined {
  const problem = (code: string, message: string): FieldProblem => ({ path: 'file', message, code });
  if (name.trim() === '') return problem('name_required', 'the file has no name');
  if (new TextEncoder().encode(name).length > MAX_NAME_BYTES) return problem('name_too_long', `the file name is longer than ${MAX_NAME_BYTES} bytes`);
  if (CONTROL.test(name)) return problem('name_control_character', 'the file name holds control or text-direction characters');
  if (name.split(/[/\\]/).some((segment) => segment === '..')) return problem('name_traversal', 'the file name may not point to another folder (..)');
  if (/[/\\]/.test(name)) return problem('name_separator', 'the file name may not hold / or \\');
  if (name === '.' || name === '..') return problem('name_dot', 'the file name may not be . or ..');
  return undefined;
}

// ---------- plain text ----------

/**
 * Whether bytes are plain text: valid UTF-8 with no NUL. `cut` says the bytes may stop inside a
 * character (the first part of a longer file): an unfinished character at the very end is allowed.
 */
export function isPlainText(bytes: Uint8Array, cut = false): boolean {
  if (bytes.includes(0)) return false;
  try {
    // a fresh decoder each time: in streaming mode it keeps an unfinished character for the next call
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether text is markup a browser would run or render (HTML, SVG, XML with scripts): refused even
 * when named .txt. Looks at how the text starts, after a byte-order mark and white space.
 */
export function looksActive(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  return /^<(!doctype|html|head|body|script|svg|iframe|\?xml|!--|meta|object|embed|xml|xsl)/.test(start) || /<script[\s>]/.test(start);
}
