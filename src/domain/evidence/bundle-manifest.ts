/**
 * The manifest of an evidence bundle (ADR 0019, docs/evidence-bundles.md): what a bundle holds,
 * signed by the organisation so a prosecutor, a commission or a rapporteur can check offline that
 * nothing was changed, added or removed. Pure rules: the schema, the canonical bytes that are
 * signed, the `sha256sum` listing, how files are named, and which names are safe. No I/O.
 *
 * A bundle (a zip) holds:
 *   originals/EV-0001.jpg …  each original exactly as received, named by reference (never by its original name)
 *   SHA256SUMS              the originals' hashes, in the format `sha256sum -c` reads
 *   manifest.json           this manifest (canonical JSON)
 *   manifest.sig            the Ed25519 signature of manifest.json's exact bytes (64 raw bytes)
 *   public-key.pem          the organisation's public key (SPKI PEM)
 * `files` lists every file but the last three, with its SHA-256 and size.
 */
import { z } from 'zod';
import {
  CONSENT_VALUES, CUSTODY_ACTIONS, CUSTODY_PURPOSES, EVIDENCE_KINDS, EVIDENCE_USES, PLATFORMS,
  type CaptureMetadata, type ConsentValue, type CustodyPurpose, type EvidenceUse, type OnlineCapture,
} from './evidence.js';
import { extensionFor } from './media-extensions.js';
import { sortedKeys } from './sorted-keys.js';

export const BUNDLE_FORMAT = 'bitacora-evidence-bundle/1';
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
export const PUBLIC_KEY_PATH = 'public-key.pem';
export const SUMS_PATH = 'SHA256SUMS';
/** The files the manifest cannot list (it is one of them; the other two check it). */
export const SIGNING_FILES = [MANIFEST_PATH, SIGNATURE_PATH, PUBLIC_KEY_PATH] as const;

/** What a bundle is for: one of the consent uses, and only items whose consent for it is given go in. */
export const BUNDLE_PURPOSES = ['legal_action', 'share_partners'] as const satisfies readonly EvidenceUse[];
export type BundlePurpose = (typeof BUNDLE_PURPOSES)[number];

/** The custody purpose code an export for this bundle purpose is recorded with. */
export const BUNDLE_CUSTODY_PURPOSE: Record<BundlePurpose, CustodyPurpose> = { legal_action: 'legal_case', share_partners: 'partner_sharing' };

const PURPOSE_WORDS: Record<BundlePurpose, string> = { legal_action: 'legal action', share_partners: 'sharing with partners' };
const VALUE_WORDS: Record<ConsentValue, string> = { given: 'is given', refused: 'is refused', not_asked: 'was never asked', withdrawn: 'is withdrawn' };

/** Why an item may not go in a bundle: "EV-0003: consent for legal action is withdrawn". */
export function consentRefusal(ref: string, purpose: BundlePurpose, value: ConsentValue): string {
  return `${ref}: consent for ${PURPOSE_WORDS[purpose]} ${VALUE_WORDS[value] ?? 'is not given'}`;
}

const SAFE_CHARS = /^[A-Za-z0-9._/-]+$/;

/** A name Bitácora writes in a bundle: relative, plain ASCII letters, digits, '.', '_', '-', '/' between parts; no '.' or '..' part. */
export function isSafeBundlePath(p: string): boolean {
  if (p.length === 0 || p.length > 255 || !SAFE_CHARS.test(p)) return false;
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/**
 * A zip entry name that must never be extracted or even read: absolute (/x, C:x), climbing out
 * ('..' as a part), with a backslash (a separator on Windows), or with control characters.
 */
export function isUnsafeEntryName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name.length === 0 || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\') || /[\u0000-\u001f\u007f]/.test(name) || name.split('/').includes('..');
}

const REF = /^EV-\d{4,9}$/;

/** Where an original goes in the bundle: `originals/<reference><extension of its type>`. */
export function originalPath(ref: string, mediaType: string): string {
  if (!REF.test(ref)) throw new Error('an evidence reference is EV- and digits');
  return `originals/${ref}${extensionFor(mediaType)}`;
}

export interface BundleFile { path: string; sha256: string; size: number }

/** The listing `sha256sum` writes and `sha256sum -c` reads: `<hex>  <path>` per line (two spaces: binary-safe text mode). */
export function sha256sums(files: readonly { path: string; sha256: string }[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
}

/** The exact bytes that are signed and written as manifest.json: canonical JSON, 2-space indent, a final newline, UTF-8. */
export function manifestBytes(m: BundleManifest): Buffer {
  return Buffer.from(`${JSON.stringify(sortedKeys(m), null, 2)}\n`, 'utf8');
}

/** Only the known parts of an original's metadata, with the right types (nothing else travels). */
export function bundleMetadata(m: CaptureMetadata | undefined): CaptureMetadata | null {
  if (!m) return null;
  const str = (v: unknown) => (typeof v === 'string' && v.length <= 500 ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const int = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);
  const lat = num(m.gps?.lat);
  const lon = num(m.gps?.lon);
  const alt = num(m.gps?.alt);
  const out: CaptureMetadata = {
    ...(str(m.takenAt) !== undefined ? { takenAt: str(m.takenAt)! } : {}),
    ...(str(m.make) !== undefined ? { make: str(m.make)! } : {}),
    ...(str(m.model) !== undefined ? { model: str(m.model)! } : {}),
    ...(str(m.software) !== undefined ? { software: str(m.software)! } : {}),
    ...(lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { gps: { lat, lon, ...(alt !== undefined ? { alt } : {}) } } : {}),
    ...(int(m.width) !== undefined ? { width: int(m.width)! } : {}),
    ...(int(m.height) !== undefined ? { height: int(m.height)! } : {}),
  };
  return Object.keys(out).length ? out : null;
}

/** Only the known parts of an online capture. */
export function bundleCapture(c: OnlineCapture | undefined): OnlineCapture | null {
  if (!c) return null;
  return {
    platform: c.platform, seenAt: c.seenAt, capturedAt: c.capturedAt,
    ...(c.account !== undefined ? { account: c.account } : {}),
    ...(c.url !== undefined ? { url: c.url } : {}),
    ...(c.text !== undefined ? { text: c.text } : {}),
  };
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex');
const size = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().max(max);
const instant = z.string().min(1).max(40);
const safePath = z.string().refine(isSafeBundlePath, 'is not a safe path in a bundle');
const ref = z.string().regex(REF, 'must be an evidence reference (EV-0001)');

const captureMetadataSchema = z
  .object({
    takenAt: text(500).optional(), make: text(500).optional(), model: text(500).optional(), software: text(500).optional(),
    gps: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), alt: z.number().optional() }).strict().optional(),
    width: z.number().int().min(0).optional(), height: z.number().int().min(0).optional(),
  })
  .strict();

const onlineCaptureSchema = z
  .object({ platform: z.enum(PLATFORMS), account: text(300).optional(), url: text(2000).optional(), text: text(20000).optional(), seenAt: text(40), capturedAt: instant })
  .strict();

/** One custody entry as a bundle carries it: the account id only, never a name (staff may be at risk). */
const custodySchema = z
  .object({
    at: instant, action: z.enum(CUSTODY_ACTIONS), user: text(64).nullable(),
    purpose: z.enum(CUSTODY_PURPOSES).optional(), bundleId: text(64).optional(), use: z.enum(EVIDENCE_USES).optional(), value: z.enum(CONSENT_VALUES).optional(),
  })
  .strict();

const itemSchema = z
  .object({
    ref, kind: z.enum(EVIDENCE_KINDS), mediaType: text(200), size, sha256: sha256Hex, path: safePath, receivedAt: instant,
    captureMetadata: captureMetadataSchema.nullable(), onlineCapture: onlineCaptureSchema.nullable(), parentRef: ref.nullable(),
    custody: z.array(custodySchema).max(100_000),
  })
  .strict();

const fileSchema = z.object({ path: safePath, sha256: sha256Hex, size }).strict();

export const MAX_BUNDLE_FILES = 10_000;

export const bundleManifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    bundleId: z.string().uuid(),
    createdAt: instant,
    purpose: z.enum(BUNDLE_PURPOSES),
    workspace: z.object({ name: text(500) }).strict(),
    organisation: z.object({ name: text(500) }).strict(),
    signer: z.object({ algorithm: z.literal('ed25519'), fingerprint: sha256Hex }).strict(),
    files: z.array(fileSchema).min(1).max(MAX_BUNDLE_FILES),
    items: z.array(itemSchema).min(1).max(MAX_BUNDLE_FILES),
  })
  .strict()
  .superRefine((m, ctx) => {
    const byPath = new Map<string, { sha256: string; size: number }>();
    m.files.forEach((f, i) => {
      if (byPath.has(f.path)) ctx.addIssue({ code: 'custom', path: ['files', i, 'path'], message: `${f.path} is listed twice` });
      if ((SIGNING_FILES as readonly string[]).includes(f.path)) ctx.addIssue({ code: 'custom', path: ['files', i, 'path'], message: `${f.path} cannot be listed (it is part of the signature)` });
      byPath.set(f.path, f);
    });
    if (!byPath.has(SUMS_PATH)) ctx.addIssue({ code: 'custom', path: ['files'], message: `${SUMS_PATH} is not listed` });
    const refs = new Set<string>();
    m.items.forEach((it, i) => {
      if (refs.has(it.ref)) ctx.addIssue({ code: 'custom', path: ['items', i, 'ref'], message: `${it.ref} is listed twice` });
      refs.add(it.ref);
      const f = byPath.get(it.path);
      if (!f || f.sha256 !== it.sha256 || f.size !== it.size) ctx.addIssue({ code: 'custom', path: ['items', i, 'path'], message: `${it.ref}: ${it.path} is not in files with the same SHA-256 and size` });
    });
  });

export type BundleManifest = z.infer<typeof bundleManifestSchema>;
export type BundleItem = BundleManifest['items'][number];
export type BundleCustodyEntry = BundleItem['custody'][number];
