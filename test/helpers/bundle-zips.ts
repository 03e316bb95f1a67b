/**
 * Evidence bundles for tests of the verifier (ADR 0019): read a (trusted) bundle's entries, write a
 * zip from entries with yazl (to change one byte, drop or add a file), a bundle signed with a test
 * key without a database, and hostile pieces yazl rightly refuses to write — built with the
 * hand-written zip writer of test/helpers/evidence-files.ts: entries named '../../x', a deflate
 * bomb that inflates to hundreds of MiB from a few hundred KiB.
 */
import { createHash } from 'node:crypto';
import { crc32, constants as zc, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { generateSigningKeyPair, fingerprint, sign } from '../../src/crypto/signing.js';
import {
  BUNDLE_FORMAT, MANIFEST_PATH, PUBLIC_KEY_PATH, SIGNATURE_PATH, SUMS_PATH, manifestBytes, originalPath, sha256sums, type BundleManifest,
} from '../../src/domain/evidence/bundle-manifest.js';
import type { RawEntry } from './evidence-files.js';

export interface ZipEntry { name: string; data: Buffer }

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every entry of a zip we made ourselves, in order, whole in memory (small test bundles only). */
export async function readZip(zip: Buffer): Promise<ZipEntry[]> {
  const z = await yauzl.fromBufferPromise(zip, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true });
  const out: ZipEntry[] = [];
  for await (const e of z.eachEntry()) {
    const parts: Buffer[] = [];
    for await (const p of await z.openReadStreamPromise(e)) parts.push(p as Buffer);
    out.push({ name: e.fileName, data: Buffer.concat(parts) });
  }
  z.close();
  return out;
}

/** A zip of these entries (yazl: safe names only). */
export async function writeZip(entries: ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime: new Date('2026-11-29T10:00:00Z') });
  zip.end();
  const parts: Buffer[] = [];
  for await (const p of zip.outputStream as AsyncIterable<Buffer>) parts.push(p);
  return Buffer.concat(parts);
}

/** A copy of the entry with one byte changed (the middle one, bit 0). */
export function flipOneByte(e: ZipEntry, at = Math.floor(e.data.length / 2)): ZipEntry {
  const data = Buffer.from(e.data);
  data[at]! ^= 0x01;
  return { name: e.name, data };
}

/** A stored entry for the hand-written zip writer (any name, even ones that escape the folder). */
export function rawStored(name: string, data: Buffer): RawEntry {
  return { name, method: 0, data, crc: crc32(data) >>> 0, size: data.length };
}

/** A deflated entry of `mib` MiB of zeros (about 1 KiB compressed per MiB), declaring its true size. */
export function rawBomb(name: string, mib: number): RawEntry {
  const one = Buffer.alloc(1024 * 1024);
  const block = deflateRawSync(one, { level: 9, finishFlush: zc.Z_SYNC_FLUSH });
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(one, crc);
  return { name, method: 8, data: Buffer.concat([...Array<Buffer>(mib).fill(block), deflateRawSync(Buffer.alloc(0))]), crc: crc >>> 0, size: mib * one.length };
}

export interface TestOriginal { ref: string; mediaType: string; data: Buffer }

/**
 * A bundle made as the exporter makes one, with a fresh key and no database: for verifier tests.
 * `tweak` may change the manifest before it is signed (to sign something inconsistent).
 */
export async function signedTestBundle(originals: TestOriginal[], tweak?: (m: BundleManifest, sums: { text: string }) => void): Promise<{ zip: Buffer; entries: ZipEntry[]; fingerprint: string; publicPem: string }> {
  const pair = generateSigningKeyPair();
  const fp = fingerprint(pair.publicPem)!;
  const files = originals.map((o) => ({ path: originalPath(o.ref, o.mediaType), sha256: sha256(o.data), size: o.data.length }));
  const sums = { text: sha256sums(files) };
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT, bundleId: '0b7e9a52-1c3d-4e5f-8a9b-0c1d2e3f4a5b', createdAt: '2026-11-29T10:00:00.000Z', purpose: 'legal_action',
    workspace: { name: 'Red de prueba' }, organisation: { name: 'Casa de prueba' }, signer: { algorithm: 'ed25519', fingerprint: fp },
    files: [...files, { path: SUMS_PATH, sha256: '', size: 0 }],
    items: originals.map((o, i) => ({
      ref: o.ref, kind: 'photo', mediaType: o.mediaType, size: files[i]!.size, sha256: files[i]!.sha256, path: files[i]!.path, receivedAt: '2026-11-28T09:00:00.000Z',
      captureMetadata: null, onlineCapture: null, parentRef: null, custody: [{ at: '2026-11-28T09:00:00.000Z', action: 'evidence.receive', user: '11111111-1111-4111-8111-111111111111' }],
    })),
  };
  tweak?.(manifest, sums);
  const sumsBytes = Buffer.from(sums.text, 'utf8');
  manifest.files[manifest.files.length - 1] = { path: SUMS_PATH, sha256: sha256(sumsBytes), size: sumsBytes.length };
  const m = manifestBytes(manifest);
  const entries: ZipEntry[] = [
    ...originals.map((o, i) => ({ name: files[i]!.path, data: o.data })),
    { name: SUMS_PATH, data: sumsBytes },
    { name: MANIFEST_PATH, data: m },
    { name: SIGNATURE_PATH, data: sign(pair.privateDer, m) },
    { name: PUBLIC_KEY_PATH, data: Buffer.from(pair.publicPem, 'utf8') },
  ];
  return { zip: await writeZip(entries), entries, fingerprint: fp, publicPem: pair.publicPem };
}
