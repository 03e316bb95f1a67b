/**
 * An image's size from its first bytes, without decoding it: the JPEG frame header (SOFn) or the
 * PNG IHDR chunk. Used to refuse decoding images too large for memory and to report the size of
 * photos whose EXIF does not say it. Pure byte reading; undefined when the bytes do not say.
 */
export interface ImageSize { width: number; height: number }

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** Frame headers: SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
const isFrameHeader = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** Walks a JPEG's segments up to its first scan: the frame size seen on the way and where the scan starts. */
function walkJpeg(bytes: Uint8Array): { size?: ImageSize; scanAt?: number } {
  const out: { size?: ImageSize; scanAt?: number } = {};
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return out;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return out;
    const at = i;
    while (i < bytes.length && bytes[i] === 0xff) i++; // fill bytes
    const marker = bytes[i];
    i++;
    if (marker === undefined || marker === 0xd9) return out;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    if (marker === 0xda) {
      out.scanAt = at;
      return out;
    }
    if (i + 2 > bytes.length) return out;
    const length = view.getUint16(i);
    if (length < 2) return out;
    if (isFrameHeader(marker) && !out.size && i + 7 <= bytes.length) {
      const height = view.getUint16(i + 3);
      const width = view.getUint16(i + 5);
      if (width > 0 && height > 0) out.size = { width, height };
    }
    i += length;
  }
  return out;
}

export function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  return walkJpeg(bytes).size;
}

/**
 * Whether a whole JPEG ends its image data: a frame header, a scan, and an end-of-image marker
 * after the scan starts (an EOI inside an EXIF thumbnail, before the scan, does not count; trailing
 * bytes some phones append after the EOI are allowed).
 */
export function jpegLooksComplete(bytes: Uint8Array): boolean {
  const { size, scanAt } = walkJpeg(bytes);
  if (!size || scanAt === undefined) return false;
  for (let i = bytes.length - 2; i > scanAt; i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  return false;
}
