import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import exifr from 'exifr';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { orient, storedViewCopy, viewCopyOf, VIEW_COPY_LIMITS } from './view-copy.js';
import { ALL_METADATA_MARKERS, JPEG_EXIF, PNG_SIZE, containsMarker, jpegWithGps, minimalPdf, pngWithMetadata, truncatedJpeg, truncatedPng } from '../../../test/helpers/evidence-files.js';
import { newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';

/** The chunk types of a PNG, in order. */
function pngChunks(b: Buffer): string[] {
  const out: string[] = [];
  for (let i = 8; i + 8 <= b.length; ) {
    const len = b.readUInt32BE(i);
    out.push(b.toString('latin1', i + 4, i + 8));
    i += 12 + len;
  }
  return out;
}

/** The markers of a JPEG's segments before its scan. */
function jpegSegments(b: Buffer): number[] {
  const out: number[] = [];
  for (let i = 2; i + 4 <= b.length; ) {
    const m = b[i + 1]!;
    out.push(m);
    if (m === 0xda) break;
    i += 2 + b.readUInt16BE(i + 2);
  }
  return out;
}

async function expectNoMetadata(copy: Buffer): Promise<void> {
  for (const m of ALL_METADATA_MARKERS) expect(containsMarker(copy, m), m).toBe(false);
  for (const s of ['Exif', 'http://ns.adobe.com/xap', 'x:xmpmeta', 'MARKER']) expect(copy.includes(Buffer.from(s, 'latin1')), s).toBe(false);
  const parsed = (await exifr.parse(copy, { tiff: true, exif: true, gps: true, xmp: true, iptc: true, icc: true, jfif: false, ihdr: false })) as Record<string, unknown> | undefined;
  expect(parsed ?? {}).toEqual({});
  expect(await exifr.gps(copy).catch(() => undefined)).toBeUndefined();
}

describe('viewing copies', () => {
  it('re-encodes a JPEG with nothing but its pixels: no EXIF, XMP, GPS or comment', async () => {
    const original = jpegWithGps();
    const copy = (await viewCopyOf(original, 'image/jpeg'))!;
    expect(jpegSegments(original)).toContain(0xe1);
    expect(jpegSegments(original)).toContain(0xfe);
    expect(jpegSegments(copy).filter((m) => m === 0xe1 || m === 0xfe || (m >= 0xe2 && m <= 0xef))).toEqual([]);
    await expectNoMetadata(copy);
    // the same picture
    const a = jpeg.decode(original, { useTArray: true });
    const b = jpeg.decode(copy, { useTArray: true });
    expect([b.width, b.height]).toEqual([JPEG_EXIF.width, JPEG_EXIF.height]);
    let diff = 0;
    for (let i = 0; i < a.data.length; i++) diff += Math.abs(a.data[i]! - b.data[i]!);
    expect(diff / a.data.length).toBeLessThan(6);
    // the original is untouched
    expect(original.equals(jpegWithGps())).toBe(true);
  });

  it('re-encodes a PNG with only IHDR, IDAT and IEND, the same pixels exactly', async () => {
    const original = pngWithMetadata();
    const copy = (await viewCopyOf(original, 'image/png'))!;
    expect(pngChunks(original)).toEqual(expect.arrayContaining(['tEXt', 'iTXt', 'eXIf']));
    expect(new Set(pngChunks(copy))).toEqual(new Set(['IHDR', 'IDAT', 'IEND']));
    await expectNoMetadata(copy);
    const a = PNG.sync.read(original);
    const b = PNG.sync.read(copy);
    expect([b.width, b.height]).toEqual([PNG_SIZE.width, PNG_SIZE.height]);
    expect(Buffer.compare(a.data, b.data)).toBe(0);
  });

  it('refuses images cut short or damaged', async () => {
    await expect(viewCopyOf(truncatedJpeg(), 'image/jpeg')).rejects.toMatchObject({ status: 400, code: 'damaged_image', message: 'file: the image is damaged or cut short' });
    await expect(viewCopyOf(truncatedPng(), 'image/png')).rejects.toMatchObject({ status: 400, code: 'damaged_image' });
    const flipped = pngWithMetadata();
    const idat = flipped.indexOf(Buffer.from('IDAT'));
    flipped[idat + 10] = flipped[idat + 10]! ^ 0xff;
    await expect(viewCopyOf(flipped, 'image/png')).rejects.toMatchObject({ code: 'damaged_image' });
    // the end marker is there but the scan is garbage
    const garbled = jpegWithGps();
    const sos = garbled.lastIndexOf(Buffer.from([0xff, 0xda]));
    garbled.fill(0xff, sos + 20, garbled.length - 2);
    await expect(viewCopyOf(garbled, 'image/jpeg')).rejects.toMatchObject({ code: 'damaged_image' });
    await expect(viewCopyOf(minimalPdf(), 'image/jpeg')).rejects.toMatchObject({ code: 'damaged_image' });
  });

  it('makes no copy of other types, or of images over the pixel limit', async () => {
    expect(await viewCopyOf(minimalPdf(), 'application/pdf')).toBeUndefined();
    expect(await viewCopyOf(jpegWithGps(), 'image/webp')).toBeUndefined();
    // a frame header claiming 10000 × 6000 = 60 megapixels
    const huge = jpegWithGps();
    const sof = huge.indexOf(Buffer.from([0xff, 0xc0]));
    huge.writeUInt16BE(6000, sof + 5);
    huge.writeUInt16BE(10000, sof + 7);
    expect(10000 * 6000).toBeGreaterThan(VIEW_COPY_LIMITS.maxPixels);
    expect(await viewCopyOf(huge, 'image/jpeg')).toBeUndefined();
  });

  it('turns pixels upright by EXIF orientation', () => {
    // 3 × 2: pixels numbered 1..6 row by row
    const px = (ns: number[]) => new Uint8Array(new Uint32Array(ns).buffer);
    const read = (p: { width: number; height: number; data: Uint8Array }) => [p.width, p.height, [...new Uint32Array(p.data.buffer, p.data.byteOffset, p.width * p.height)]];
    const img = { width: 3, height: 2, data: px([1, 2, 3, 4, 5, 6]) };
    expect(read(orient(img, 1))).toEqual([3, 2, [1, 2, 3, 4, 5, 6]]);
    expect(read(orient(img, 2))).toEqual([3, 2, [3, 2, 1, 6, 5, 4]]);
    expect(read(orient(img, 3))).toEqual([3, 2, [6, 5, 4, 3, 2, 1]]);
    expect(read(orient(img, 4))).toEqual([3, 2, [4, 5, 6, 1, 2, 3]]);
    expect(read(orient(img, 5))).toEqual([2, 3, [1, 4, 2, 5, 3, 6]]);
    expect(read(orient(img, 6))).toEqual([2, 3, [4, 1, 5, 2, 6, 3]]);
    expect(read(orient(img, 7))).toEqual([2, 3, [6, 3, 5, 2, 4, 1]]);
    expect(read(orient(img, 8))).toEqual([2, 3, [3, 6, 2, 5, 1, 4]]);
    expect(read(orient(img, 99))).toEqual([3, 2, [1, 2, 3, 4, 5, 6]]);
  });
});

describe('viewing copies of stored originals', () => {
  let ws: TestWorkspace;
  beforeAll(async () => { ws = await newWorkspace(); }, 60_000);
  afterAll(async () => { await ws?.close(); });

  it('reads the stored original and copies it', async () => {
    const store = ws.vault.runtime().store;
    async function* once() { yield jpegWithGps(); }
    const f = await store.files.put('incident/00000000-0000-4000-8000-000000000002', once(), { maxBytes: 1024 * 1024 });
    const copy = (await storedViewCopy(store, f.id, 'image/jpeg', f.size))!;
    await expectNoMetadata(copy);
    expect(await storedViewCopy(store, f.id, 'image/jpeg', VIEW_COPY_LIMITS.maxBytes + 1)).toBeUndefined();
  });
});
