/**
 * Checks an evidence bundle offline (ADR 0019, docs/evidence-bundles.md): no database, no
 * passphrase — the zip alone, and optionally the public key or fingerprint the organisation gave by
 * another channel. Every file the manifest lists must be there with the same SHA-256 and size; the
 * manifest must be signed by public-key.pem (and that key must be the one expected, when given).
 * Each file changed, added or removed is named.
 *
 * The zip may be hostile, so nothing is ever extracted and reading is bounded: at most 10,000
 * entries; an entry with an unsafe name (absolute, '..', backslash) is named and never read; an
 * entry not in the manifest is named and never decompressed; a listed file is read only up to the
 * size the manifest gives it (one byte more and it is 'changed', reading stops); manifest.json at
 * most 16 MiB; and a total across the bundle.
 *
 * Entry names are decoded here rather than by yauzl (decodeStrings off): yauzl would stop the
 * whole reading at the first unsafe name, and (unless strict) turn backslashes into slashes.
 */
import { createHash } from 'node:crypto';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import sjson from 'secure-json-parse';
import { fingerprint, verify } from '../../crypto/signing.js';
import {
  MANIFEST_PATH, PUBLIC_KEY_PATH, SIGNATURE_PATH, SIGNING_FILES, SUMS_PATH, bundleManifestSchema, isUnsafeEntryName, sha256sums, type BundleManifest,
} from '../../domain/evidence/bundle-manifest.js';
import { zodFieldProblems } from '../../domain/problems.js';
import { invalid } from '../errors.js';

export type BundleProblemKind = 'changed' | 'added' | 'removed' | 'signature' | 'manifest' | 'unsafe_path' | 'too_large' | 'key_mismatch';
export interface BundleProblem { path: string; problem: BundleProblemKind; message: string }

export interface BundleVerification {
  ok: boolean;
  /** fingerprint of the key in public-key.pem (null when there is none that reads) */
  fingerprint: string | null;
  /** how many items the manifest lists */
  items: number;
  problems: BundleProblem[];
  /** decompressed bytes read in all (the bound against zip bombs, reported for checking) */
  bytesRead: number;
}

export interface VerifyBundleOptions {
  /** the organisation's public key (PEM), obtained by another channel */
  publicKeyPem?: string;
  /** or its fingerprint (SHA-256 of the raw key, hex; colons and spaces ignored) */
  fingerprint?: string;
  maxEntries?: number;
  maxTotalBytes?: number;
}

export const VERIFY_LIMITS = {
  entries: 10_000,
  manifestBytes: 16 * 1024 * 1024,
  signatureBytes: 1024,
  publicKeyBytes: 16 * 1024,
  sumsBytes: 16 * 1024 * 1024,
  totalBytes: 256 * 1024 * 1024 * 1024,
};

/** Where a problem with the bundle as a whole is reported. */
export const WHOLE_BUNDLE = '(bundle)';

// eslint-disable-next-line no-control-regex
const printable = (name: string) => (/[\u0000-\u001f\u007f]/.test(name) ? JSON.stringify(name) : name);

/** The expected fingerprint in lowercase hex, or a 400 naming the option. */
function expectedFingerprint(opts: VerifyBundleOptions): string | undefined {
  if (opts.publicKeyPem !== undefined) {
    const fp = fingerprint(opts.publicKeyPem);
    if (!fp) throw invalid([{ path: 'publicKeyPem', message: 'is not an Ed25519 public key in PEM (-----BEGIN PUBLIC KEY-----)' }]);
    if (opts.fingerprint !== undefined && normalise(opts.fingerprint) !== fp) throw invalid([{ path: 'fingerprint', message: 'is not the fingerprint of the public key given' }]);
    return fp;
  }
  if (opts.fingerprint !== undefined) {
    const fp = normalise(opts.fingerprint);
    if (!/^[0-9a-f]{64}$/.test(fp)) throw invalid([{ path: 'fingerprint', message: 'must be 64 hexadecimal digits (a SHA-256)' }]);
    return fp;
  }
  return undefined;
}

const normalise = (fp: string) => fp.toLowerCase().replace(/[\s:]/g, '');

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

/** The central directory, up to `max` entries (the entries themselves are not read). */
function listEntries(zip: ZipFile, max: number): Promise<{ entries: Entry[]; tooMany: boolean; error?: Error }> {
  return new Promise((resolve) => {
    const entries: Entry[] = [];
    if (zip.entryCount > max) {
      resolve({ entries, tooMany: true });
      return;
    }
    zip.on('entry', (e: Entry) => {
      entries.push(e);
      if (entries.length > max) resolve({ entries, tooMany: true });
      else zip.readEntry();
    });
    zip.once('end', () => resolve({ entries, tooMany: false }));
    zip.once('error', (error: Error) => resolve({ entries, tooMany: false, error }));
    zip.readEntry();
  });
}

function entryName(e: Entry): string {
  // decodeStrings is off: fileName is the raw bytes; decoded as yauzl would (UTF-8 flag, Info-ZIP path field, CP437), backslashes kept
  return yauzl.getFileNameLowLevel(e.generalPurposeBitFlag, e.fileNameRaw, e.extraFields, true);
}

interface ReadResult { size: number; sha256: string; over: boolean; bytes?: Buffer; error?: string }

/** Reads an entry through SHA-256, stopping once it passes `limit` bytes; keeps the bytes when asked. */
async function readEntry(zip: ZipFile, entry: Entry, limit: number, counter: { bytes: number }, keep: boolean): Promise<ReadResult> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let size = 0;
  let stream: NodeJS.ReadableStream & { destroy(): void };
  try {
    stream = await new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
  } catch (e) {
    return { size, sha256: '', over: false, error: (e as Error).message };
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      counter.bytes += chunk.length;
      if (size > limit) {
        stream.destroy();
        return { size, sha256: '', over: true };
      }
      hash.update(chunk);
      if (keep) kept.push(chunk);
    }
  } catch (e) {
    stream.destroy();
    return { size, sha256: '', over: false, error: (e as Error).message };
  }
  return { size, sha256: hash.digest('hex'), over: false, ...(keep ? { bytes: Buffer.concat(kept) } : {}) };
}

export async function verifyBundle(zipPath: string, opts: VerifyBundleOptions = {}): Promise<BundleVerification> {
  const expected = expectedFingerprint(opts);
  const maxEntries = opts.maxEntries ?? VERIFY_LIMITS.entries;
  const maxTotal = opts.maxTotalBytes ?? VERIFY_LIMITS.totalBytes;
  const problems: BundleProblem[] = [];
  const counter = { bytes: 0 };
  let signer: string | null = null;
  let manifest: BundleManifest | undefined;
  const done = (): BundleVerification => ({ ok: problems.length === 0, fingerprint: signer, items: manifest?.items.length ?? 0, problems, bytesRead: counter.bytes });

  let zip: ZipFile;
  try {
    zip = await openZip(zipPath);
  } catch (e) {
    problems.push({ path: WHOLE_BUNDLE, problem: 'manifest', message: `is not a zip file that can be read (${(e as Error).message})` });
    return done();
  }
  try {
    const listing = await listEntries(zip, maxEntries);
    if (listing.tooMany) {
      problems.push({ path: WHOLE_BUNDLE, problem: 'too_large', message: `has more than ${maxEntries} entries: not read` });
      return done();
    }
    if (listing.error) problems.push({ path: WHOLE_BUNDLE, problem: 'changed', message: `its table of contents is damaged (${listing.error.message}); the entries after the damage were not read` });

    const byName = new Map<string, Entry>();
    for (const e of listing.entries) {
      const name = entryName(e);
      if (isUnsafeEntryName(name)) {
        problems.push({ path: printable(name), problem: 'unsafe_path', message: 'an unsafe name (absolute, with "..", a backslash or control characters): refused and not read' });
      } else if (byName.has(name)) {
        problems.push({ path: printable(name), problem: 'added', message: 'a second entry with the same name' });
      } else {
        byName.set(name, e);
      }
    }

    /** One of the three signing files, read whole within its bound. */
    const readSmall = async (path: string, cap: number): Promise<Buffer | undefined> => {
      const e = byName.get(path);
      if (!e) {
        problems.push({ path, problem: 'removed', message: 'is missing from the bundle' });
        return undefined;
      }
      const tooLarge = () => problems.push({ path, problem: 'too_large', message: `is larger than ${cap} bytes: not read` });
      if (e.uncompressedSize > cap) {
        tooLarge();
        return undefined;
      }
      const r = await readEntry(zip, e, cap, counter, true);
      if (r.over) tooLarge();
      else if (r.error) problems.push({ path, problem: 'changed', message: `could not be read (${r.error})` });
      else return r.bytes;
      return undefined;
    };
    const manifestBytes = await readSmall(MANIFEST_PATH, VERIFY_LIMITS.manifestBytes);
    const signature = await readSmall(SIGNATURE_PATH, VERIFY_LIMITS.signatureBytes);
    const pemBytes = await readSmall(PUBLIC_KEY_PATH, VERIFY_LIMITS.publicKeyBytes);

    // the manifest itself (read first: the signer it names tells a replaced key from a changed manifest)
    if (manifestBytes) {
      let json: unknown;
      try {
        json = sjson.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes), undefined, { protoAction: 'error', constructorAction: 'error' });
      } catch {
        problems.push({ path: MANIFEST_PATH, problem: 'manifest', message: 'is not UTF-8 JSON' });
      }
      if (json !== undefined) {
        const parsed = bundleManifestSchema.safeParse(json);
        if (parsed.success) manifest = parsed.data;
        else {
          const first = zodFieldProblems(parsed.error).slice(0, 5).map((p) => `${p.path || '(document)'}: ${p.message}`).join('; ');
          problems.push({ path: MANIFEST_PATH, problem: 'manifest', message: `is not a bundle manifest (${first})` });
        }
      }
    }

    // the signature over the manifest's exact bytes
    const pem = pemBytes?.toString('utf8');
    if (pem !== undefined) {
      signer = fingerprint(pem) ?? null;
      if (!signer) problems.push({ path: PUBLIC_KEY_PATH, problem: 'signature', message: 'is not an Ed25519 public key' });
    }
    const badSignature = manifestBytes !== undefined && signature !== undefined && pem !== undefined && signer !== null && !verify(pem, manifestBytes, signature);
    const named = manifest?.signer.fingerprint;
    if (signer && named && named !== signer) {
      problems.push({
        path: PUBLIC_KEY_PATH, problem: 'key_mismatch',
        message: badSignature ? `is not the key ${MANIFEST_PATH} names (${named}): it was replaced or changed, so the signature cannot be checked` : `${MANIFEST_PATH} names the signer ${named}, but this key is ${signer}`,
      });
    } else if (badSignature) {
      // which of the two changed cannot be told apart: both are named
      problems.push({ path: SIGNATURE_PATH, problem: 'signature', message: `does not verify over ${MANIFEST_PATH} with ${PUBLIC_KEY_PATH}: this signature or ${MANIFEST_PATH} was changed` });
      problems.push({ path: MANIFEST_PATH, problem: 'signature', message: `is not what ${SIGNATURE_PATH} signs (or the signature was changed): what it says cannot be trusted` });
    }
    if (signer && expected && signer !== expected) {
      problems.push({ path: PUBLIC_KEY_PATH, problem: 'key_mismatch', message: `the bundle is signed by key ${signer}, not by the expected ${expected}` });
    }
    if (!manifest) return done();

    // every listed file, exactly as listed
    for (const f of manifest.files) {
      const e = byName.get(f.path);
      if (!e) {
        problems.push({ path: f.path, problem: 'removed', message: `is listed in ${MANIFEST_PATH} but missing from the bundle` });
        continue;
      }
      if (counter.bytes + f.size > maxTotal) {
        problems.push({ path: f.path, problem: 'too_large', message: `reading it would pass the limit of ${maxTotal} bytes for one bundle: not read` });
        continue;
      }
      const isSums = f.path === SUMS_PATH;
      const r = await readEntry(zip, e, f.size, counter, isSums && f.size <= VERIFY_LIMITS.sumsBytes);
      if (r.error) problems.push({ path: f.path, problem: 'changed', message: `could not be read (${r.error})` });
      else if (r.over) problems.push({ path: f.path, problem: 'changed', message: `is larger than ${MANIFEST_PATH} says (${f.size} bytes); reading stopped there` });
      else if (r.size !== f.size) problems.push({ path: f.path, problem: 'changed', message: `has ${r.size} bytes; ${MANIFEST_PATH} says ${f.size}` });
      else if (r.sha256 !== f.sha256) problems.push({ path: f.path, problem: 'changed', message: `its SHA-256 is ${r.sha256}; ${MANIFEST_PATH} says ${f.sha256}` });
      else if (r.bytes && !r.bytes.equals(Buffer.from(sha256sums(manifest.items), 'utf8'))) {
        problems.push({ path: f.path, problem: 'manifest', message: `does not list the items of ${MANIFEST_PATH} with their hashes` });
      }
    }
    const listed = new Set<string>([...manifest.files.map((f) => f.path), ...SIGNING_FILES]);
    for (const name of byName.keys()) {
      if (!listed.has(name)) problems.push({ path: printable(name), problem: 'added', message: `is in the bundle but not in ${MANIFEST_PATH}` });
    }
    return done();
  } finally {
    zip.close();
  }
}
