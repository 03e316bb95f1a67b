/**
 * The built server makes viewing copies in a worker thread (src/services/evidence/view-copy.ts): the
 * compiled worker gives the same copy as decoding in place, refuses a damaged image the same way,
 * and the main thread keeps running its event loop meanwhile. Needs the built server (dist/).
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jpeg from 'jpeg-js';
import { jpegWithGps, pngWithMetadata, truncatedJpeg } from '../helpers/evidence-files.js';
import { viewCopyOf } from '../../src/services/evidence/view-copy.js';

type Built = { viewCopyInWorker(bytes: Buffer, mediaType: string): Promise<Buffer | undefined> };
const built = () => import(pathToFileURL(join(process.cwd(), 'dist', 'services', 'evidence', 'view-copy.js')).href) as Promise<Built>;

describe('viewing copies in a worker thread', () => {
  it('give the same copy as in place, and refuse a damaged image the same way', async () => {
    const { viewCopyInWorker } = await built();
    for (const [bytes, type] of [[jpegWithGps(), 'image/jpeg'], [pngWithMetadata(), 'image/png']] as const) {
      const inWorker = await viewCopyInWorker(bytes, type);
      expect(inWorker?.equals((await viewCopyOf(bytes, type))!), type).toBe(true);
    }
    await expect(viewCopyInWorker(truncatedJpeg(), 'image/jpeg')).rejects.toMatchObject({ status: 400, code: 'damaged_image' });
    expect(await viewCopyInWorker(jpegWithGps(), 'application/pdf')).toBeUndefined();
  });

  it('leave the main thread free while a large photo is decoded', async () => {
    const { viewCopyInWorker } = await built();
    const w = 3000;
    const h = 2000;
    const data = Buffer.alloc(w * h * 4);
    for (let i = 0; i < data.length; i += 4) data[i] = data[i + 1] = (i >> 6) & 255;
    const photo = jpeg.encode({ data, width: w, height: h }, 90).data;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const copy = await viewCopyInWorker(photo, 'image/jpeg');
    clearInterval(timer);
    expect(copy!.length).toBeGreaterThan(1000);
    expect(ticks).toBeGreaterThan(0); // decoding in place would hold the event loop until it was done
  });
});
