/**
 * Real test files for evidence intake (ADR 0019), built byte by byte and deterministic (same bytes
 * on every call): a JPEG with EXIF (camera, dates, GPS), XMP and a comment; a PNG with tEXt, iTXt
 * (XMP) and eXIf chunks; the same images cut short; a small PDF; a small docx; hostile zips named
 * like office documents (a zip bomb, an entry escaping the archive); an HTML page. Every metadata
 * block carries a marker string (MARKERS, PNG_MARKERS) so tests can prove copies carry none of it.
 *
 * Images are encoded with jpeg-js and pngjs; metadata blocks and hostile zips are written here by
 * hand (a zip writer that allows what yazl rightly refuses); docxLike is made with yazl.
 */
import { crc32, constants as zc, deflateRawSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { ZipFile } from 'yazl';

/** Marker strings planted in the JPEG's metadata (EXIF text tags, XMP, comment). */
export const MARKERS = {
  make: 'MARKERMAKE',
  model: 'MARKERMODEL',
  software: 'MARKERSOFTWARE 1.0',
  xmp: 'MARKERXMPDESCRIPTION',
  comment: 'MARKERJPEGCOMMENT',
} as const;

/** Marker strings planted in the PNG's text and EXIF chunks. */
export const PNG_MARKERS = {
  text: 'MARKERPNGTEXT',
  xmp: 'MARKERPNGXMP',
  make: 'MARKERPNGMAKE',
} as const;

/** What the JPEG's EXIF says: as a reader should report it. */
export const JPEG_EXIF = {
  dateTime: '2026:11:20 14:35:10',
  dateTimeOriginal: '2026:11:20 14:35:09',
  /** 16°54'0" N */
  lat: 16.9,
  /** 92°6'0" W */
  lon: -92.1,
  /** metres above sea level */
  alt: 521,
  width: 64,
  height: 48,
} as const;

export const PNG_SIZE = { width: 40, height: 30 } as const;

/** A marker that appears in the PDF's text and the HTML page, to tell them apart. */
export const PDF_MARKER = 'MARKERPDFTEXT';
export const HTML_MARKER = 'MARKERHTMLBODY';
export const DOCX_MARKER = 'MARKERDOCXBODY';

/** Every marker string, for scanning bytes. */
export const ALL_METADATA_MARKERS: readonly string[] = [...Object.values(MARKERS), ...Object.values(PNG_MARKERS)];

// ---------- pixels ----------

/** RGBA pixels with a deterministic pattern (gradients plus a pseudo-random texture, so the scan is not trivial). */
function pixels(width: number, height: number, seed: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let s = seed >>> 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const i = (y * width + x) * 4;
      data[i] = (x * 255) / Math.max(1, width - 1);
      data[i + 1] = (y * 255) / Math.max(1, height - 1);
      data[i + 2] = s >>> 24;
      data[i + 3] = 255;
    }
  return data;
}

// ---------- EXIF (TIFF) ----------

const BYTE = 1, ASCII = 2, SHORT = 3, LONG = 4, RATIONAL = 5;
interface Entry { tag: number; type: number; count: number; value: Buffer }

const ascii = (tag: number, text: string): Entry => {
  const value = Buffer.from(`${text}\0`, 'latin1');
  return { tag, type: ASCII, count: value.length, value };
};
const long = (tag: number, n: number): Entry => {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(n);
  return { tag, type: LONG, count: 1, value };
};
const bytes = (tag: number, b: number[]): Entry => ({ tag, type: BYTE, count: b.length, value: Buffer.from(b) });
const rationals = (tag: number, pairs: [number, number][]): Entry => {
  const value = Buffer.alloc(pairs.length * 8);
  pairs.forEach(([n, d], i) => { value.writeUInt32BE(n, i * 8); value.writeUInt32BE(d, i * 8 + 4); });
  return { tag, type: RATIONAL, count: pairs.length, value };
};
const short = (tag: number, n: number): Entry => {
  const value = Buffer.alloc(2);
  value.writeUInt16BE(n);
  return { tag, type: SHORT, count: 1, value };
};

const padEven = (n: number) => n + (n % 2);
const ifdSize = (entries: Entry[]) => 2 + entries.length * 12 + 4 + entries.reduce((a, e) => a + (e.value.length > 4 ? padEven(e.value.length) : 0), 0);

/** One IFD (entries sorted by tag) starting at TIFF offset `start`, its out-of-line values after it. */
function ifdBytes(entries: Entry[], start: number): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const out = Buffer.alloc(ifdSize(sorted));
  out.writeUInt16BE(sorted.length, 0);
  let data = 2 + sorted.length * 12 + 4;
  sorted.forEach((e, i) => {
    const at = 2 + i * 12;
    out.writeUInt16BE(e.tag, at);
    out.writeUInt16BE(e.type, at + 2);
    out.writeUInt32BE(e.count, at + 4);
    if (e.value.length <= 4) e.value.copy(out, at + 8);
    else {
      out.writeUInt32BE(start + data, at + 8);
      e.value.copy(out, data);
      data += padEven(e.value.length);
    }
  });
  out.writeUInt32BE(0, 2 + sorted.length * 12); // no next IFD
  return out;
}

/** A big-endian TIFF structure: IFD0 (camera, software, time), an Exif IFD (time taken) and a GPS IFD. */
function tiff(make: string, model: string, withGps: boolean): Buffer {
  const exif = [ascii(0x9003, JPEG_EXIF.dateTimeOriginal), ascii(0x9004, JPEG_EXIF.dateTimeOriginal)];
  const gps = [
    bytes(0x0000, [2, 3, 0, 0]),
    ascii(0x0001, 'N'),
    rationals(0x0002, [[16, 1], [54, 1], [0, 1]]),
    ascii(0x0003, 'W'),
    rationals(0x0004, [[92, 1], [6, 1], [0, 1]]),
    bytes(0x0005, [0]),
    rationals(0x0006, [[JPEG_EXIF.alt, 1]]),
  ];
  const ifd0 = (exifAt: number, gpsAt: number) => [
    ascii(0x010f, make), ascii(0x0110, model), short(0x0112, 1), ascii(0x0131, MARKERS.software), ascii(0x0132, JPEG_EXIF.dateTime),
    long(0x8769, exifAt), ...(withGps ? [long(0x8825, gpsAt)] : []),
  ];
  const ifd0At = 8;
  const exifAt = ifd0At + ifdSize(ifd0(0, 0));
  const gpsAt = exifAt + ifdSize(exif);
  const head = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, ifd0At]);
  return Buffer.concat([head, ifdBytes(ifd0(exifAt, gpsAt), ifd0At), ifdBytes(exif, exifAt), ...(withGps ? [ifdBytes(gps, gpsAt)] : [])]);
}

const xmpPacket = (description: string) =>
  `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
  `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${description}</rdf:li></rdf:Alt></dc:description></rdf:Description>` +
  `</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

// ---------- JPEG ----------

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

let jpegCache: Buffer | undefined;

/**
 * A real 64×48 baseline JPEG (jpeg-js, quality 90) with, after its JFIF APP0: an EXIF APP1 (Make
 * MARKERMAKE, Model MARKERMODEL, Software, DateTime, Exif IFD with DateTimeOriginal, GPS IFD at
 * 16°54'N 92°6'W, 521 m), an XMP APP1 holding MARKERS.xmp and a COM segment holding MARKERS.comment.
 */
export function jpegWithGps(): Buffer {
  if (!jpegCache) {
    const { width, height } = JPEG_EXIF;
    const plain = jpeg.encode({ data: pixels(width, height, 7), width, height }, 90).data;
    if (plain[2] !== 0xff || plain[3] !== 0xe0) throw new Error('jpeg-js did not start with APP0');
    const afterApp0 = 4 + plain.readUInt16BE(4);
    const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff(MARKERS.make, MARKERS.model, true)]));
    const xmp = segment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmpPacket(MARKERS.xmp), 'utf8')]));
    const com = segment(0xfe, Buffer.from(MARKERS.comment, 'latin1'));
    jpegCache = Buffer.concat([plain.subarray(0, afterApp0), exif, xmp, com, plain.subarray(afterApp0)]);
  }
  return Buffer.from(jpegCache);
}

/** The JPEG above cut in the middle of its compressed image data (no end-of-image marker). */
export function truncatedJpeg(): Buffer {
  const full = jpegWithGps();
  const sos = full.indexOf(Buffer.from([0xff, 0xda]));
  if (sos < 0) throw new Error('no start of scan');
  return full.subarray(0, sos + Math.floor((full.length - sos) / 2));
}

// ---------- PNG ----------

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([len, typeAndData, crc]);
}

let pngCache: Buffer | undefined;

/**
 * A real 40×30 RGBA PNG (pngjs) with, right after IHDR: a tEXt chunk (Comment: PNG_MARKERS.text),
 * an iTXt chunk with an XMP packet (PNG_MARKERS.xmp) and an eXIf chunk (Make PNG_MARKERS.make, GPS).
 */
export function pngWithMetadata(): Buffer {
  if (!pngCache) {
    const { width, height } = PNG_SIZE;
    const png = new PNG({ width, height });
    pixels(width, height, 11).copy(png.data);
    const plain = PNG.sync.write(png);
    const afterIhdr = 8 + 8 + 13 + 4;
    if (plain.toString('latin1', 12, 16) !== 'IHDR') throw new Error('pngjs did not start with IHDR');
    const text = pngChunk('tEXt', Buffer.from(`Comment\0${PNG_MARKERS.text}`, 'latin1'));
    const itxt = pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(xmpPacket(PNG_MARKERS.xmp), 'utf8')]));
    const exif = pngChunk('eXIf', tiff(PNG_MARKERS.make, MARKERS.model, true));
    pngCache = Buffer.concat([plain.subarray(0, afterIhdr), text, itxt, exif, plain.subarray(afterIhdr)]);
  }
  return Buffer.from(pngCache);
}

/** The PNG above cut in the middle of its IDAT chunk (no IEND). */
export function truncatedPng(): Buffer {
  const full = pngWithMetadata();
  const idat = full.indexOf(Buffer.from('IDAT', 'latin1'));
  if (idat < 0) throw new Error('no IDAT');
  const len = full.readUInt32BE(idat - 4);
  return full.subarray(0, idat + 4 + Math.floor(len / 2));
}

// ---------- PDF ----------

/** A valid one-page PDF 1.4 (correct xref offsets) that shows PDF_MARKER. */
export function minimalPdf(): Buffer {
  const stream = `BT /F1 18 Tf 40 100 Td (${PDF_MARKER}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---------- zips ----------

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOCUMENT = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  `<w:body><w:p><w:r><w:t>${DOCX_MARKER}</w:t></w:r></w:p></w:body></w:document>`;
const FIXED_TIME = new Date('2026-11-20T12:00:00Z');

/** A small valid Word document (yazl, deflated): [Content_Types].xml, _rels/.rels, word/document.xml. */
export async function docxLike(): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(CONTENT_TYPES, 'utf8'), '[Content_Types].xml', { mtime: FIXED_TIME, compress: true });
  zip.addBuffer(Buffer.from(RELS, 'utf8'), '_rels/.rels', { mtime: FIXED_TIME, compress: true });
  zip.addBuffer(Buffer.from(DOCUMENT, 'utf8'), 'word/document.xml', { mtime: FIXED_TIME, compress: true });
  zip.end();
  const parts: Buffer[] = [];
  for await (const p of zip.outputStream as AsyncIterable<Buffer>) parts.push(p);
  return Buffer.concat(parts);
}

/** One entry of a hand-written zip: its sizes as declared may lie (`declaredCompressed`), as a hostile zip's do. */
export interface RawEntry { name: string; method: 0 | 8; data: Buffer; crc: number; size: number; declaredCompressed?: number }

/** A stored (uncompressed) entry holding `text`. */
export const stored = (name: string, text: string): RawEntry => {
  const data = Buffer.from(text, 'utf8');
  return { name, method: 0, data, crc: crc32(data) >>> 0, size: data.length };
};

/** A zip written by hand: local headers, data, central directory, end record (no checks on names or sizes). */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const DOS_TIME = 0x6000, DOS_DATE = 0x5d74; // 2026-11-20 12:00
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(0x0800, 6); lh.writeUInt16LE(e.method, 8);
    lh.writeUInt16LE(DOS_TIME, 10); lh.writeUInt16LE(DOS_DATE, 12); lh.writeUInt32LE(e.crc, 14);
    lh.writeUInt32LE(e.declaredCompressed ?? e.data.length, 18); lh.writeUInt32LE(e.size, 22); lh.writeUInt16LE(name.length, 26); lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(0x0800, 8); ch.writeUInt16LE(e.method, 10);
    ch.writeUInt16LE(DOS_TIME, 12); ch.writeUInt16LE(DOS_DATE, 14); ch.writeUInt32LE(e.crc, 16);
    ch.writeUInt32LE(e.declaredCompressed ?? e.data.length, 20); ch.writeUInt32LE(e.size, 24); ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, e.data);
    centrals.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Uncompressed size of the bomb's document entry: 200 MiB of zeros. */
export const ZIP_BOMB_UNCOMPRESSED = 200 * 1024 * 1024;

let bombCache: Buffer | undefined;

/**
 * A "docx" whose word/document.xml inflates to 200 MiB of zeros from about 200 KiB (ratio ≈ 1000:1).
 * The deflate stream is one fresh-state block of 1 MiB of zeros (sync-flushed, so it stands alone)
 * repeated 200 times, then an empty final block: a real, valid stream built in milliseconds.
 */
export function zipBombDocx(): Buffer {
  if (!bombCache) {
    const mib = Buffer.alloc(1024 * 1024);
    const block = deflateRawSync(mib, { level: 9, finishFlush: zc.Z_SYNC_FLUSH });
    const n = ZIP_BOMB_UNCOMPRESSED / mib.length;
    let crc = 0;
    for (let i = 0; i < n; i++) crc = crc32(mib, crc);
    const data = Buffer.concat([...Array<Buffer>(n).fill(block), deflateRawSync(Buffer.alloc(0))]);
    bombCache = rawZip([
      stored('[Content_Types].xml', CONTENT_TYPES),
      { name: 'word/document.xml', method: 8, data, crc: crc >>> 0, size: ZIP_BOMB_UNCOMPRESSED },
      stored('_rels/.rels', RELS),
    ]);
  }
  return Buffer.from(bombCache);
}

/** The name of the entry in zipWithTraversal that escapes the archive. */
export const TRAVERSAL_ENTRY = '../../x';

/** An OOXML-looking zip (content types, word/document.xml) that also holds an entry named ../../x. */
export function zipWithTraversal(): Buffer {
  return rawZip([stored('[Content_Types].xml', CONTENT_TYPES), stored('word/document.xml', DOCUMENT), stored(TRAVERSAL_ENTRY, 'escaped')]);
}

// ---------- active content ----------

/** An HTML page with a script: active content that must never be accepted as evidence. */
export function htmlFile(): Buffer {
  return Buffer.from(`<!DOCTYPE html>\n<html><head><meta charset="utf-8"><script>alert(document.cookie)</script></head><body>${HTML_MARKER}</body></html>\n`, 'utf8');
}

/** Whether `bytes` contains `marker` (as latin1/UTF-8 bytes, or as UTF-16LE as some XMP writers use). */
export function containsMarker(bytes: Buffer, marker: string): boolean {
  return bytes.includes(Buffer.from(marker, 'latin1')) || bytes.includes(Buffer.from(marker, 'utf16le'));
}
