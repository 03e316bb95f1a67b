import { describe, it, expect } from 'vitest';
import {
  ALLOWED_MEDIA_TYPES, canonicalMediaType, checkFileName, classifyRefused, contentKindOf, contradicts, describeMediaType, evidenceKindFor,
  extensionOf, extensionsOf, hasViewCopy, isPlainText, isZipDocument, looksActive, OOXML_TYPES, ODF_TYPES,
} from './file-kinds.js';
import { extensionFor } from './media-extensions.js';

describe('allowed media types', () => {
  it('sorts every allowed type into its kind', () => {
    for (const t of ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'image/tiff']) expect(contentKindOf(t)).toBe('image');
    for (const t of ['audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/ogg', 'audio/opus', 'audio/wav', 'audio/x-wav', 'audio/webm', 'audio/amr', 'audio/flac']) expect(contentKindOf(t)).toBe('audio');
    for (const t of ['video/mp4', 'video/quicktime', 'video/webm', 'video/3gpp']) expect(contentKindOf(t)).toBe('video');
    expect(contentKindOf('application/pdf')).toBe('pdf');
    for (const t of [...Object.values(OOXML_TYPES), ...Object.values(ODF_TYPES), 'text/plain']) expect(contentKindOf(t)).toBe('document');
    for (const t of ['text/html', 'image/svg+xml', 'application/zip', 'application/x-msdownload', 'application/json', 'constructor', '__proto__']) expect(contentKindOf(t)).toBeUndefined();
    expect(ALLOWED_MEDIA_TYPES).toHaveLength(29);
  });

  it('gives each allowed type at least one extension, the first one the name Bitácora gives its files', () => {
    for (const t of ALLOWED_MEDIA_TYPES) {
      expect(extensionsOf(t).length).toBeGreaterThan(0);
      expect(extensionsOf(t)).toContain(extensionFor(t).slice(1));
    }
    expect(extensionsOf('text/html')).toEqual([]);
  });

  it('maps the names content sniffing uses to ours, and tells audio from video in a shared container by the extension', () => {
    expect(canonicalMediaType('audio/x-m4a', 'm4a')).toBe('audio/mp4');
    expect(canonicalMediaType('audio/ogg; codecs=opus', 'ogg')).toBe('audio/opus');
    expect(canonicalMediaType('audio/x-flac', undefined)).toBe('audio/flac');
    expect(canonicalMediaType('video/mp4', 'm4a')).toBe('audio/mp4');
    expect(canonicalMediaType('video/mp4', 'mp4')).toBe('video/mp4');
    expect(canonicalMediaType('video/mp4', undefined)).toBe('video/mp4');
    expect(canonicalMediaType('video/webm', 'weba')).toBe('audio/webm');
    expect(canonicalMediaType('video/webm', 'webm')).toBe('video/webm');
    // a PDF stays a PDF whatever the name says
    expect(canonicalMediaType('application/pdf', 'jpg')).toBe('application/pdf');
    expect(canonicalMediaType('application/zip', 'docx')).toBeUndefined();
    expect(canonicalMediaType('video/x-matroska', 'mkv')).toBeUndefined();
  });

  it('names archives and executables among refused types', () => {
    expect(classifyRefused('application/zip')).toBe('archive');
    expect(classifyRefused('application/x-7z-compressed')).toBe('archive');
    expect(classifyRefused('application/x-msdownload')).toBe('executable');
    expect(classifyRefused('application/x-elf')).toBe('executable');
    expect(classifyRefused('video/x-matroska')).toBe('other');
  });

  it('describes types for messages', () => {
    expect(describeMediaType('application/pdf')).toBe('a PDF');
    expect(describeMediaType('image/jpeg')).toBe('a JPEG image');
    expect(describeMediaType('video/x-matroska')).toBe('"video/x-matroska"');
  });

  it('knows which types are zips and which get a viewing copy', () => {
    expect(isZipDocument(OOXML_TYPES.docx)).toBe(true);
    expect(isZipDocument(ODF_TYPES.ods)).toBe(true);
    expect(isZipDocument('application/pdf')).toBe(false);
    expect(isZipDocument('application/zip')).toBe(false);
    expect(hasViewCopy('image/jpeg')).toBe(true);
    expect(hasViewCopy('image/png')).toBe(true);
    expect(hasViewCopy('image/webp')).toBe(false);
    expect(hasViewCopy('application/pdf')).toBe(false);
  });
});

describe('extensions', () => {
  it('reads an extension of letters and digits, lower-cased', () => {
    expect(extensionOf('foto.JPG')).toBe('jpg');
    expect(extensionOf('a.b.tar.gz')).toBe('gz');
    expect(extensionOf('video.3gp')).toBe('3gp');
    expect(extensionOf('nota de voz.opus')).toBe('opus');
  });

  it('sees none in names without one, with only digits after the dot, or with other characters', () => {
    expect(extensionOf('IMG_2026')).toBeUndefined();
    expect(extensionOf('Captura 2026-11-20 a la(s) 14.35.10')).toBeUndefined();
    expect(extensionOf('photo.jpg_large')).toBeUndefined();
    expect(extensionOf('archivo.')).toBeUndefined();
    expect(extensionOf('x.toolongext')).toBeUndefined();
  });

  it('finds a contradiction only when an extension is there and is not one of the type\'s', () => {
    expect(contradicts('jpg', 'application/pdf')).toBe(true);
    expect(contradicts('pdf', 'application/pdf')).toBe(false);
    expect(contradicts('jpeg', 'image/jpeg')).toBe(false);
    expect(contradicts('png', 'image/jpeg')).toBe(true);
    expect(contradicts('exe', 'image/jpeg')).toBe(true);
    expect(contradicts(undefined, 'image/jpeg')).toBe(false);
    expect(contradicts('docx', 'application/zip')).toBe(true);
  });
});

describe('the kind an item gets', () => {
  it('lets an image be a photo or a screenshot, and nothing else choose', () => {
    expect(evidenceKindFor('image/png')).toBe('photo');
    expect(evidenceKindFor('image/png', 'screenshot')).toBe('screenshot');
    expect(evidenceKindFor('image/jpeg', 'photo')).toBe('photo');
    expect(evidenceKindFor('image/jpeg', 'video')).toBe('photo');
    expect(evidenceKindFor('application/pdf', 'screenshot')).toBe('pdf');
    expect(evidenceKindFor('audio/mpeg', 'video')).toBe('audio');
    expect(evidenceKindFor('text/plain')).toBe('document');
    expect(() => evidenceKindFor('text/html')).toThrow(/not an allowed media type/);
  });
});

describe('file names', () => {
  it('accepts ordinary names, with accents, spaces and several dots', () => {
    for (const n of ['foto.jpg', 'Captura de pantalla 2026-11-20 a la(s) 14.35.10.png', 'declaración final v2.docx', 'audio', '..hidden.txt', 'a..b.pdf', '名前.jpg']) expect(checkFileName(n)).toBeUndefined();
  });

  it('refuses each bad name with its code, naming the field', () => {
    const code = (n: string) => checkFileName(n)?.code;
    expect(code('')).toBe('name_required');
    expect(code('   ')).toBe('name_required');
    expect(code('a'.repeat(256))).toBe('name_too_long');
    expect(code('ñ'.repeat(128))).toBe('name_too_long'); // 256 bytes
    expect(code('ñ'.repeat(127) + 'a')).toBeUndefined(); // 255 bytes
    expect(code('foto\u0000.jpg')).toBe('name_control_character');
    expect(code('foto\n.jpg')).toBe('name_control_character');
    expect(code('foto\u007f.jpg')).toBe('name_control_character');
    expect(code('foto\u0085.jpg')).toBe('name_control_character');
    expect(code('factura\u202egpj.exe')).toBe('name_control_character');
    expect(code('../../x.jpg')).toBe('name_traversal');
    expect(code('..\\x.jpg')).toBe('name_traversal');
    expect(code('a/../b.jpg')).toBe('name_traversal');
    expect(code('dir/x.jpg')).toBe('name_separator');
    expect(code('/etc/passwd')).toBe('name_separator');
    expect(code('c:\\x.jpg')).toBe('name_separator');
    expect(code('.')).toBe('name_dot');
    expect(code('..')).toBe('name_traversal');
    expect(checkFileName('../../x.jpg')).toEqual({ path: 'file', code: 'name_traversal', message: 'the file name may not point to another folder (..)' });
  });
});

describe('plain text', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('accepts UTF-8 without NUL, and a first part cut inside a character', () => {
    expect(isPlainText(enc('Amenaza recibida el lunes: «te vamos a encontrar»'))).toBe(true);
    const cut = enc('año').subarray(0, 2); // "a" and the first byte of "ñ"
    expect(isPlainText(cut)).toBe(false);
    expect(isPlainText(cut, true)).toBe(true);
  });

  it('refuses NUL and invalid UTF-8', () => {
    expect(isPlainText(enc('a\u0000b'))).toBe(false);
    expect(isPlainText(new Uint8Array([0x61, 0xff, 0x62]))).toBe(false);
    expect(isPlainText(new Uint8Array([0x61, 0xff, 0x62]), true)).toBe(false);
  });

  it('sees markup a browser would run', () => {
    for (const t of ['<!DOCTYPE html><p>x', '\uFEFF  <html>', '<svg xmlns="http://www.w3.org/2000/svg"/>', '<?xml version="1.0"?><svg/>', 'hola <script>alert(1)</script>', '<!-- x --><p>']) expect(looksActive(t)).toBe(true);
    for (const t of ['Amenaza: <te encontraremos>', 'a < b y c > d', 'Notas del 20 de noviembre']) expect(looksActive(t)).toBe(false);
  });
});
