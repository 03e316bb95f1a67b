/**
 * The encoding of a text file from its first bytes: a byte order mark first (UTF-8, UTF-16 LE or
 * BE); else UTF-8 if those bytes are valid UTF-8 (a multi-byte character cut at the end of the head
 * is not held against it); else Windows-1252, which every byte sequence decodes in — the usual
 * encoding of CSV files saved by Excel on Windows in Spanish or English. UTF-16 without a byte
 * order mark is not guessed (it shows as NUL bytes, refused as binary): it must be asked for.
 */
import type { TableEncoding } from './table.js';

export interface DetectedEncoding {
  encoding: TableEncoding;
  /** in plain English, for the person importing ("byte order mark EF BB BF") */
  reason: string;
}

export interface DetectOptions {
  /** `head` is the whole file (so a multi-byte character cut at its end is an error, not a cut) */
  whole?: boolean;
}

/** The iconv-lite name of each encoding. */
export const ICONV_NAMES: Record<TableEncoding, string> = {
  utf8: 'utf8',
  'utf8-bom': 'utf8',
  utf16le: 'utf16le',
  utf16be: 'utf16be',
  'windows-1252': 'windows1252',
};

export function detectEncoding(head: Uint8Array, opts: DetectOptions = {}): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8-bom', reason: 'UTF-8: the file starts with the byte order mark EF BB BF' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', reason: 'UTF-16 little-endian: the file starts with the byte order mark FF FE' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', reason: 'UTF-16 big-endian: the file starts with the byte order mark FE FF' };
  try {
    // `stream: true` keeps an incomplete sequence at the end back instead of failing on it
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !opts.whole });
    const ascii = head.every((b) => b < 0x80);
    return { encoding: 'utf8', reason: ascii ? 'UTF-8: the text is plain ASCII' : 'UTF-8: the text is valid UTF-8' };
  } catch {
    return { encoding: 'windows-1252', reason: 'Windows-1252: the text is not valid UTF-8' };
  }
}
