/**
 * What an original image says about itself (ADR 0019): when it was taken, the device, the software,
 * where (GPS) and its size, read with exifr from the file's first bytes (EXIF sits near the start of
 * JPEG, PNG, TIFF, HEIC and WebP files). Kept sealed with the item as evidence; never copied into the
 * viewing copy. Odd or hostile metadata never fails an upload: what cannot be read is left out.
 */
import exifr from 'exifr';
import type { CaptureMetadata } from '../../domain/evidence/evidence.js';
import { jpegSize, pngSize } from '../../domain/evidence/image-size.js';

const READABLE = new Set(['image/jpeg', 'image/png', 'image/tiff', 'image/heic', 'image/heif', 'image/webp']);

const OPTIONS = {
  tiff: true, exif: true, gps: true, ihdr: true,
  ifd1: false, interop: false, xmp: false, icc: false, iptc: false, jfif: false, makerNote: false, userComment: false,
  mergeOutput: true, sanitize: true, reviveValues: false, translateValues: false, translateKeys: true,
};

/** Device text, cleaned: no control characters, at most 120 characters; undefined when nothing is left. */
function text(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const t = v.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, 120);
  return t || undefined;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const dimension = (v: unknown): number | undefined => {
  const n = num(v);
  return n !== undefined && Number.isInteger(n) && n > 0 && n <= 1_000_000 ? n : undefined;
};

/** "2026:11:20 14:35:09" (+ "-06:00") → "2026-11-20T14:35:09-06:00"; undefined when it is not a real date and time. */
export function exifDateTime(value: unknown, offset?: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (y < 1900 || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  const tz = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${tz}`;
}

function gpsOf(raw: Record<string, unknown>): CaptureMetadata['gps'] {
  const lat = num(raw['latitude']);
  const lon = num(raw['longitude']);
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  let alt = num(raw['GPSAltitude']);
  const ref = raw['GPSAltitudeRef'];
  const below = ref instanceof Uint8Array ? ref[0] === 1 : ref === 1;
  if (alt !== undefined && below) alt = -alt;
  return { lat: Math.round(lat * 1e7) / 1e7, lon: Math.round(lon * 1e7) / 1e7, ...(alt !== undefined && Math.abs(alt) < 100_000 ? { alt: Math.round(alt * 100) / 100 } : {}) };
}

/** The capture metadata in `head` (the file's first bytes) of an image of type `mediaType`; {} when there is none. */
export async function readMetadata(head: Uint8Array, mediaType: string): Promise<CaptureMetadata> {
  if (!READABLE.has(mediaType)) return {};
  let raw: Record<string, unknown> = {};
  try {
    raw = ((await exifr.parse(Buffer.from(head.buffer, head.byteOffset, head.byteLength), OPTIONS)) as Record<string, unknown> | undefined) ?? {};
  } catch {
    raw = {};
  }
  const out: CaptureMetadata = {};
  const takenAt = exifDateTime(raw['DateTimeOriginal'], raw['OffsetTimeOriginal']) ?? exifDateTime(raw['CreateDate'], raw['OffsetTimeDigitized']);
  if (takenAt) out.takenAt = takenAt;
  const make = text(raw['Make']);
  if (make) out.make = make;
  const model = text(raw['Model']);
  if (model) out.model = model;
  const software = text(raw['Software']);
  if (software) out.software = software;
  try {
    const gps = gpsOf(raw);
    if (gps) out.gps = gps;
  } catch {
    // leave it out
  }
  const size = mediaType === 'image/jpeg' ? jpegSize(head) : mediaType === 'image/png' ? pngSize(head) : undefined;
  const width = size?.width ?? dimension(raw['ExifImageWidth']) ?? dimension(raw['ImageWidth']);
  const height = size?.height ?? dimension(raw['ExifImageHeight']) ?? dimension(raw['ImageHeight']);
  if (width && height) {
    out.width = width;
    out.height = height;
  }
  return out;
}

/** Whether there is anything in it worth keeping. */
export function hasMetadata(m: CaptureMetadata): boolean {
  return Object.keys(m).length > 0;
}
