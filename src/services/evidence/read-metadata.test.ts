import { describe, it, expect } from 'vitest';
import jpeg from 'jpeg-js';
import { readMetadata, exifDateTime, hasMetadata } from './read-metadata.js';
import { JPEG_EXIF, MARKERS, PNG_MARKERS, PNG_SIZE, jpegWithGps, minimalPdf, pngWithMetadata, truncatedJpeg } from '../../../test/helpers/evidence-files.js';

/** A plain JPEG with `app1` spliced in after its APP0: for hostile EXIF. */
function jpegWithApp1(payload: Buffer): Buffer {
  const plain = jpeg.encode({ data: Buffer.alloc(8 * 8 * 4, 200), width: 8, height: 8 }, 80).data;
  const after = 4 + plain.readUInt16BE(4);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([plain.subarray(0, after), seg, payload, plain.subarray(after)]);
}

describe('capture metadata', () => {
  it('reads time taken, device, software, GPS and size from a JPEG', async () => {
    expect(await readMetadata(jpegWithGps(), 'image/jpeg')).toEqual({
      takenAt: '2026-11-20T14:35:09', make: MARKERS.make, model: MARKERS.model, software: MARKERS.software,
      gps: { lat: JPEG_EXIF.lat, lon: JPEG_EXIF.lon, alt: JPEG_EXIF.alt }, width: JPEG_EXIF.width, height: JPEG_EXIF.height,
    });
  });

  it('reads a PNG\'s eXIf chunk and its size', async () => {
    expect(await readMetadata(pngWithMetadata(), 'image/png')).toMatchObject({ takenAt: '2026-11-20T14:35:09', make: PNG_MARKERS.make, gps: { lat: 16.9, lon: -92.1 }, ...PNG_SIZE });
  });

  it('reads what it can from an image cut short', async () => {
    expect(await readMetadata(truncatedJpeg(), 'image/jpeg')).toMatchObject({ make: MARKERS.make, gps: { lat: 16.9 } });
  });

  it('reads nothing from other kinds', async () => {
    expect(await readMetadata(minimalPdf(), 'application/pdf')).toEqual({});
    expect(await readMetadata(jpegWithGps(), 'application/pdf')).toEqual({});
    expect(hasMetadata({})).toBe(false);
  });

  it('never fails on hostile or broken EXIF, and keeps what it can', async () => {
    const tiffHead = Buffer.from('Exif\0\0MM\0\x2a\0\0\0\x08', 'latin1');
    const cases = [
      Buffer.concat([tiffHead, Buffer.from([0xff, 0xff])]), // 65535 entries in a few bytes
      Buffer.concat([tiffHead, Buffer.from([0, 1, 0x01, 0x0f, 0, 2, 0x7f, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 0])]), // Make pointing far outside
      Buffer.concat([Buffer.from('Exif\0\0II\x2a\0\x08\0\0\0', 'latin1'), Buffer.alloc(40, 0xee)]),
      Buffer.from('Exif\0\0garbage', 'latin1'),
      Buffer.from('Exif\0\0', 'latin1'),
    ];
    for (const c of cases) {
      const m = await readMetadata(jpegWithApp1(c), 'image/jpeg');
      expect(m).toMatchObject({ width: 8, height: 8 });
      expect(m.gps).toBeUndefined();
    }
    expect(await readMetadata(Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg')).toEqual({});
    expect(await readMetadata(Buffer.alloc(0), 'image/heic')).toEqual({});
  });

  it('keeps device text short and free of control characters', async () => {
    // Make = "A\u0007B" + 300 × "x"
    const make = Buffer.from(`A\u0007B${'x'.repeat(300)}\0`, 'latin1');
    const ifd = Buffer.alloc(2 + 12 + 4);
    ifd.writeUInt16BE(1, 0);
    ifd.writeUInt16BE(0x010f, 2); ifd.writeUInt16BE(2, 4); ifd.writeUInt32BE(make.length, 6); ifd.writeUInt32BE(8 + ifd.length, 10);
    const m = await readMetadata(jpegWithApp1(Buffer.concat([Buffer.from('Exif\0\0MM\0\x2a\0\0\0\x08', 'latin1'), ifd, make])), 'image/jpeg');
    expect(m.make).toBe(`AB${'x'.repeat(118)}`);
  });
});

describe('EXIF dates', () => {
  it('turns them into ISO, with the offset when the device gave one', () => {
    expect(exifDateTime('2026:11:20 14:35:09')).toBe('2026-11-20T14:35:09');
    expect(exifDateTime('2026:11:20 14:35:09', '-06:00')).toBe('2026-11-20T14:35:09-06:00');
    expect(exifDateTime('2026:11:20 14:35:09', 'junk')).toBe('2026-11-20T14:35:09');
  });

  it('drops dates that are not real', () => {
    for (const v of ['0000:00:00 00:00:00', '2026:02:30 10:00:00', '2026:11:20 25:00:00', '    :  :     :  :  ', '', 42, undefined]) expect(exifDateTime(v)).toBeUndefined();
  });
});
