/**
 * A verifiable evidence bundle (ADR 0019, docs/evidence-bundles.md): chosen items' originals, each
 * exactly as received and named by its reference, with SHA256SUMS, a manifest (workspace,
 * organisation, time, purpose, and per item its type, size, SHA-256, capture metadata and chain of
 * custody — account ids, never staff names), the manifest's Ed25519 signature and the public key.
 *
 * Only items whose consent for the bundle's purpose is *given* go in: any other refuses the whole
 * bundle (409, naming each item and why). A capture's screenshots go with it. The export is a
 * custody entry on every item, written before the manifest is made, so each item's custody log in
 * the bundle ends with this very export.
 *
 * The zip is streamed: each original is read chunk by chunk (each chunk verified by the store),
 * hashed again on the way and checked against the SHA-256 taken on arrival before its last chunk
 * goes out; a mismatch ends the stream, so no altered file is ever completed in a bundle.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';
import yazl from 'yazl';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import type { Store } from '../../store/store.js';
import type { StoredEvidence } from '../../store/repositories/evidence-repository.js';
import { parseInput } from '../validate.js';
import { ServiceError } from '../errors.js';
import { newId, wipe } from '../../crypto/random.js';
import { sign } from '../../crypto/signing.js';
import { allows } from '../../domain/evidence/evidence.js';
import {
  BUNDLE_CUSTODY_PURPOSE, BUNDLE_FORMAT, BUNDLE_PURPOSES, MANIFEST_PATH, PUBLIC_KEY_PATH, SIGNATURE_PATH, SUMS_PATH,
  bundleCapture, bundleManifestSchema, bundleMetadata, consentRefusal, manifestBytes, originalPath, sha256sums,
  type BundleFile, type BundleItem, type BundleManifest, type BundlePurpose,
} from '../../domain/evidence/bundle-manifest.js';
import { identifyingEvidence } from './evidence-access.js';
import { custodyEvent, custodyOf } from './custody.js';
import { getOrCreateSigningKey } from './signing-key.js';

export const MAX_BUNDLE_ITEMS = 200;

export const exportBundleSchema = z
  .object({
    itemIds: z
      .array(z.string().uuid({ message: 'must be an id' }))
      .min(1, { message: 'choose at least one item' })
      .max(MAX_BUNDLE_ITEMS, { message: `at most ${MAX_BUNDLE_ITEMS} items per bundle` })
      .refine((ids) => new Set(ids).size === ids.length, { message: 'must not name an item twice' }),
    purpose: z.enum(BUNDLE_PURPOSES, { message: `must be one of ${BUNDLE_PURPOSES.join(', ')}` }),
  })
  .strict();
export type ExportBundleInput = z.infer<typeof exportBundleSchema>;

export interface EvidenceBundle {
  bundleId: string;
  /** neutral: nothing about its contents */
  fileName: string;
  stream: Readable;
}

/** The chosen items, each followed by a capture's screenshots (each once), all with identifying access. */
async function gather(ctx: ServiceContext, store: Store, ids: string[]): Promise<StoredEvidence[]> {
  const out: StoredEvidence[] = [];
  const seen = new Set<string>();
  const lists = new Map<string, StoredEvidence[]>();
  const add = (item: StoredEvidence) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    out.push(item);
    return true;
  };
  for (const id of ids) {
    const item = await identifyingEvidence(ctx, id, store);
    if (!add(item)) continue;
    if (item.kind !== 'online_capture') continue;
    let siblings = lists.get(item.record);
    if (!siblings) {
      siblings = await store.evidence.list(item.incidentId ? { incidentId: item.incidentId } : { actorId: item.actorId! });
      lists.set(item.record, siblings);
    }
    for (const child of siblings.filter((s) => s.parentId === item.id)) add(await identifyingEvidence(ctx, child.id, store));
  }
  return out;
}

/** An original's bytes, hashed again on the way out; the last chunk is held back until the hash is checked. */
async function* verifiedOriginal(store: Store, item: StoredEvidence): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  let size = 0;
  let held: Buffer | undefined;
  for await (const chunk of store.files.read(item.fileId)) {
    if (held) yield held;
    hash.update(chunk);
    size += chunk.length;
    held = chunk;
  }
  if (size !== item.size || hash.digest('hex') !== item.sha256) throw new Error(`${item.ref}: the stored original does not match the SHA-256 taken on arrival; the bundle is incomplete`);
  if (held) yield held;
}

export async function exportBundle(ctx: ServiceContext, input: unknown): Promise<EvidenceBundle> {
  requirePermission(ctx, 'evidence.export');
  const { itemIds, purpose } = parseInput(exportBundleSchema, input);
  const key = await getOrCreateSigningKey(ctx.store, ctx.now(), ctx.user.id);
  const bundleId = newId();
  const at = ctx.now();

  // who may, what goes in, whether consent allows it, and the custody entries: one transaction
  const items = await ctx.store.transaction(async (tx) => {
    const items = await gather(ctx, tx, itemIds);
    const refused = items.filter((it) => !allows(it.consent, purpose));
    if (refused.length) {
      const problems = refused.map((it) => ({ path: 'itemIds', message: consentRefusal(it.ref, purpose, it.consent[purpose]), code: 'consent' }));
      throw new ServiceError(409, 'conflict', `consent does not allow this bundle: ${problems.map((p) => p.message).join('; ')}`, problems);
    }
    await tx.audit.addMany(items.map((it) => custodyEvent(at, ctx.user.id, 'evidence.export', it.id, { purpose: BUNDLE_CUSTODY_PURPOSE[purpose], bundleId, use: purpose })));
    return items;
  });

  const { manifest, sums } = await buildManifest(ctx, items, { bundleId, at, purpose, fingerprint: key.fingerprint });
  const manifestData = manifestBytes(manifest);
  const privateKey = await ctx.store.signingKeys.privateKey(key.id);
  let signature: Buffer;
  try {
    signature = sign(privateKey, manifestData);
  } finally {
    wipe(privateKey);
  }
  return {
    bundleId,
    fileName: `evidence-bundle-${bundleId.slice(0, 8)}.zip`,
    stream: zipStream(ctx.store, items, { at, sums, manifest: manifestData, signature, publicKeyPem: key.publicKeyPem }),
  };
}

function originalFiles(items: StoredEvidence[]): BundleFile[] {
  return items.map((it) => ({ path: originalPath(it.ref, it.mediaType), sha256: it.sha256, size: it.size }));
}

async function buildManifest(ctx: ServiceContext, items: StoredEvidence[], b: { bundleId: string; at: string; purpose: BundlePurpose; fingerprint: string }): Promise<{ manifest: BundleManifest; sums: Buffer }> {
  const store = ctx.store;
  const refs = new Map(items.map((it) => [it.id, it.ref]));
  const parentRef = async (id: string | null) => {
    if (!id) return null;
    const known = refs.get(id);
    if (known) return known;
    return (await store.evidence.get(id, { open: false }))?.ref ?? null;
  };
  const bundleItems: BundleItem[] = [];
  for (const it of items) {
    const custody = await custodyOf(store, it.id);
    bundleItems.push({
      ref: it.ref, kind: it.kind, mediaType: it.mediaType, size: it.size, sha256: it.sha256, path: originalPath(it.ref, it.mediaType), receivedAt: it.receivedAt,
      captureMetadata: bundleMetadata(it.metadata), onlineCapture: bundleCapture(it.capture), parentRef: await parentRef(it.parentId),
      custody: custody.map((c) => ({
        at: c.at, action: c.action, user: c.user?.id ?? null,
        ...(c.purpose ? { purpose: c.purpose } : {}), ...(c.bundleId ? { bundleId: c.bundleId } : {}), ...(c.use ? { use: c.use } : {}), ...(c.value ? { value: c.value } : {}),
      })),
    });
  }
  const originals = originalFiles(items);
  const sums = Buffer.from(sha256sums(originals), 'utf8');
  const workspace = (await store.users.workspace())?.name ?? '';
  const organisation = (await store.users.organisations()).find((o) => o.id === ctx.user.orgId)?.name ?? '';
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT, bundleId: b.bundleId, createdAt: b.at, purpose: b.purpose,
    workspace: { name: workspace }, organisation: { name: organisation },
    signer: { algorithm: 'ed25519', fingerprint: b.fingerprint },
    files: [...originals, { path: SUMS_PATH, sha256: createHash('sha256').update(sums).digest('hex'), size: sums.length }],
    items: bundleItems,
  };
  // what the verifier will check, checked before it is signed
  return { manifest: bundleManifestSchema.parse(manifest), sums };
}

function zipStream(store: Store, items: StoredEvidence[], parts: { at: string; sums: Buffer; manifest: Buffer; signature: Buffer; publicKeyPem: string }): Readable {
  const zip = new yazl.ZipFile();
  const out = zip.outputStream as unknown as Readable;
  const sources = new Set<Readable>();
  const fail = (e: Error) => out.destroy(e);
  zip.on('error', fail);
  // the reader went away (or the stream failed): stop reading originals
  out.once('close', () => { for (const s of sources) s.destroy(); });
  const mtime = new Date(parts.at);
  for (const it of items) {
    zip.addReadStreamLazy(originalPath(it.ref, it.mediaType), { mtime, compress: false, size: it.size }, (cb) => {
      const source = Readable.from(verifiedOriginal(store, it), { objectMode: false });
      sources.add(source);
      source.once('error', fail);
      source.once('close', () => sources.delete(source));
      cb(null, source);
    });
  }
  zip.addBuffer(parts.sums, SUMS_PATH, { mtime });
  zip.addBuffer(parts.manifest, MANIFEST_PATH, { mtime });
  zip.addBuffer(parts.signature, SIGNATURE_PATH, { mtime, compress: false });
  zip.addBuffer(Buffer.from(parts.publicKeyPem, 'utf8'), PUBLIC_KEY_PATH, { mtime });
  zip.end();
  return out;
}
