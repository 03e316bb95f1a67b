/**
 * Viewing copies of photos and screenshots (ADR 0019): the original is decoded in full and its
 * pixels encoded afresh (jpeg-js at quality 90, pngjs), so the copy carries no EXIF, XMP, GPS,
 * comments or text chunks at all — nothing of the original but its pixels, turned upright by its
 * EXIF orientation. The original is never altered. Decoding in full is also the check that the image
 * is whole: one that is cut short or does not decode is refused (400 `damaged_image`).
 *
 * Only JPEG and PNG, and only up to VIEW_COPY_LIMITS (bytes and pixels): larger images are kept
 * without a copy. Decoding is synchronous and memory-hungry, so one image is decoded at a time, and
 * the server (built code) does it in a worker thread (view-copy-worker.ts) so that a 12-megapixel
 * photo's few seconds of decoding do not stop it answering others; run from source (tests), where
 * there is no compiled worker to start, it decodes in place.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import exifr from 'exifr';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Store } from '../../store/store.js';
import { hasViewCopy } from '../../domain/evidence/file-kinds.js';
import { jpegLooksComplete, jpegSize, pngSize, type ImageSize } from '../../domain/evidence/image-size.js';
import { unsupported } from './inspect-content.js';
import type { CopyAnswer, CopyRequest } from './view-copy-worker.js';

const MiB = 1024 * 1024;
export const VIEW_COPY_LIMITS = { maxBytes: 64 * MiB, maxPixels: 50_000_000 } as const;
export const JPEG_QUALITY = 90;

export const damagedImage = () => unsupported('the image is damaged or cut short', 400, 'damaged_image');

interface Pixels extends ImageSize { data: Uint8Array }

/** RGBA pixels turned as EXIF orientation 1–8 says the image is to be shown. */
export function orient(p: Pixels, orientation: number): Pixels {
  if (!Number.isInteger(orientation) || orientation < 2 || orientation > 8) return p;
  const { width: W, height: H } = p;
  const data = p.data.byteOffset % 4 === 0 ? p.data : p.data.slice();
  const swap = orientation >= 5;
  const w = swap ? H : W;
  const h = swap ? W : H;
  const out = new Uint8Array(data.length);
  const src = new Uint32Array(data.buffer, data.byteOffset, W * H);
  const dst = new Uint32Array(out.buffer, 0, W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let dx: number, dy: number;
      switch (orientation) {
        case 2: dx = W - 1 - x; dy = y; break;
        case 3: dx = W - 1 - x; dy = H - 1 - y; break;
        case 4: dx = x; dy = H - 1 - y; break;
        case 5: dx = y; dy = x; break;
        case 6: dx = H - 1 - y; dy = x; break;
        case 7: dx = H - 1 - y; dy = W - 1 - x; break;
        default: dx = y; dy = W - 1 - x; break; // 8
      }
      dst[dy * w + dx] = src[y * W + x]!;
    }
  return { width: w, height: h, data: out };
}

function decodeJpeg(bytes: Buffer): Pixels {
  if (!jpegLooksComplete(bytes)) throw damagedImage();
  try {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: false, maxResolutionInMP: VIEW_COPY_LIMITS.maxPixels / 1e6, maxMemoryUsageInMB: 1024 });
    if (!img.width || !img.height || img.data.length !== img.width * img.height * 4) throw new Error('no pixels');
    return { width: img.width, height: img.height, data: img.data };
  } catch {
    throw damagedImage();
  }
}

function decodePng(bytes: Buffer): Pixels {
  try {
    const img = PNG.sync.read(bytes, { checkCRC: true });
    if (!img.width || !img.height || img.data.length !== img.width * img.height * 4) throw new Error('no pixels');
    return { width: img.width, height: img.height, data: img.data };
  } catch {
    throw damagedImage();
  }
}

async function orientationOf(bytes: Buffer): Promise<number> {
  try {
    return (await exifr.orientation(bytes)) ?? 1;
  } catch {
    return 1;
  }
}

/**
 * The metadata-free copy of a whole JPEG or PNG held in memory; undefined when there is none for
 * this type or the image is larger than VIEW_COPY_LIMITS; throws `damaged_image` when it does not decode in full.
 */
export async function viewCopyOf(bytes: Buffer, mediaType: string): Promise<Buffer | undefined> {
  if (!hasViewCopy(mediaType) || bytes.length > VIEW_COPY_LIMITS.maxBytes) return undefined;
  const size = mediaType === 'image/jpeg' ? jpegSize(bytes) : pngSize(bytes);
  if (!size) throw damagedImage();
  if (size.width * size.height > VIEW_COPY_LIMITS.maxPixels) return undefined;
  if (mediaType === 'image/jpeg') {
    const turn = await orientationOf(bytes);
    const pixels = orient(await oneAtATime(() => decodeJpeg(bytes)), turn);
    return jpeg.encode({ width: pixels.width, height: pixels.height, data: pixels.data }, JPEG_QUALITY).data;
  }
  const pixels = await oneAtATime(() => decodePng(bytes));
  const png = new PNG({ width: pixels.width, height: pixels.height });
  png.data = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
  return PNG.sync.write(png, { colorType: 6, inputHasAlpha: true });
}

/** The compiled worker beside this file, when there is one (dist/); none when run from source. */
const WORKER = fileURLToPath(new URL('./view-copy-worker.js', import.meta.url));
const workerBuilt = existsSync(WORKER) && !import.meta.url.endsWith('.ts');

/** viewCopyOf in a worker thread (one at a time; the worker ends with its answer). */
export function viewCopyInWorker(bytes: Buffer, mediaType: string): Promise<Buffer | undefined> {
  if (!hasViewCopy(mediaType) || bytes.length > VIEW_COPY_LIMITS.maxBytes) return Promise.resolve(undefined);
  return oneAtATime(() => new Promise<Buffer | undefined>((resolve, reject) => {
    const worker = new Worker(WORKER);
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      f();
    };
    worker.once('message', (a: CopyAnswer) => done(() => {
      if ('copy' in a) resolve(a.copy ? Buffer.from(a.copy) : undefined);
      else if ('refused' in a && a.refused === 'damaged_image') reject(damagedImage());
      else reject(new Error('the viewing copy could not be made'));
    }));
    worker.once('error', (e) => done(() => reject(e)));
    worker.once('exit', () => done(() => reject(new Error('the viewing copy worker stopped'))));
    const copy = Uint8Array.from(bytes).buffer;
    worker.postMessage({ bytes: copy, mediaType } satisfies CopyRequest, [copy]);
  }));
}

/** The copy of a stored original (read whole: only images within VIEW_COPY_LIMITS are). */
export async function storedViewCopy(store: Store, fileId: string, mediaType: string, size: number): Promise<Buffer | undefined> {
  if (!hasViewCopy(mediaType) || size > VIEW_COPY_LIMITS.maxBytes) return undefined;
  const bytes = await store.files.readAll(fileId, VIEW_COPY_LIMITS.maxBytes);
  return workerBuilt ? viewCopyInWorker(bytes, mediaType) : viewCopyOf(bytes, mediaType);
}

let queue: Promise<unknown> = Promise.resolve();
/** Runs `fn` after every decode started before it has finished (one large image in memory at a time). */
function oneAtATime<T>(fn: () => T | Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}
