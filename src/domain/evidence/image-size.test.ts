import { describe, it, expect } from 'vitest';
import { jpegLooksComplete, jpegSize, pngSize } from './image-size.js';
import { JPEG_EXIF, PNG_SIZE, jpegWithGps, pngWithMetadata, minimalPdf, truncatedJpeg } from '../../../test/helpers/evidence-files.js';

describe('image sizes from headers', () => {
  it('reads a JPEG\'s frame header past its EXIF, XMP and comment segments', () => {
    expect(jpegSize(jpegWithGps())).toEqual({ width: JPEG_EXIF.width, height: JPEG_EXIF.height });
    expect(jpegSize(truncatedJpeg())).toEqual({ width: JPEG_EXIF.width, height: JPEG_EXIF.height });
  });

  it('reads a PNG\'s IHDR', () => {
    expect(pngSize(pngWithMetadata())).toEqual(PNG_SIZE);
  });

  it('says nothing for other bytes or headers cut too short', () => {
    expect(jpegSize(minimalPdf())).toBeUndefined();
    expect(pngSize(minimalPdf())).toBeUndefined();
    expect(jpegSize(jpegWithGps().subarray(0, 30))).toBeUndefined();
    expect(pngSize(pngWithMetadata().subarray(0, 20))).toBeUndefined();
    expect(jpegSize(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeUndefined();
  });

  it('tells a whole JPEG from one cut short, even when an EOI sits before the scan', () => {
    expect(jpegLooksComplete(jpegWithGps())).toBe(true);
    expect(jpegLooksComplete(Buffer.concat([jpegWithGps(), Buffer.from('trailer bytes')]))).toBe(true);
    expect(jpegLooksComplete(truncatedJpeg())).toBe(false);
    // an EXIF thumbnail's end marker inside APP1, then the main image cut short
    const full = truncatedJpeg();
    const fake = Buffer.from([0xff, 0xe1, 0, 6, 0xff, 0xd9, 0, 0]);
    expect(jpegLooksComplete(Buffer.concat([full.subarray(0, 2), fake, full.subarray(2)]))).toBe(false);
    expect(jpegLooksComplete(minimalPdf())).toBe(false);
  });
});
