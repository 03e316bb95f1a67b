/**
 * An item's bytes for someone with identifying access: the metadata-free viewing copy (images), or
 * the original as it arrived, downloaded for a stated purpose. Each is a custody entry written
 * before the first byte leaves; the bytes come out chunk by chunk, each verified (a tampered
 * chunk ends the answer rather than deliver altered evidence).
 */
import type { ServiceContext } from '../context.js';
import { CUSTODY_PURPOSES, type CustodyPurpose } from '../../domain/evidence/evidence.js';
import { extensionFor } from '../../domain/evidence/media-extensions.js';
import { identifyingEvidence } from './evidence-access.js';
import { recordCustody } from './custody.js';
import { invalid, notFound } from '../errors.js';

export interface EvidenceBytes {
  mediaType: string;
  /** a neutral name: the reference and an extension, never the original name */
  fileName: string;
  size: number;
  body: AsyncIterable<Buffer>;
}

export async function openViewCopy(ctx: ServiceContext, id: string): Promise<EvidenceBytes> {
  const item = await identifyingEvidence(ctx, id);
  if (!item.viewFileId) throw notFound('viewing copy');
  const info = await ctx.store.files.info(item.viewFileId);
  if (!info) throw notFound('viewing copy');
  await ctx.store.transaction((tx) => recordCustody(tx, ctx.now(), ctx.user.id, 'evidence.view', id));
  return { mediaType: item.mediaType, fileName: `${item.ref}${extensionFor(item.mediaType)}`, size: info.size, body: ctx.store.files.read(item.viewFileId) };
}

export function parsePurpose(raw: unknown): CustodyPurpose {
  if (typeof raw === 'string' && (CUSTODY_PURPOSES as readonly string[]).includes(raw)) return raw as CustodyPurpose;
  throw invalid([{ path: 'purpose', message: `must be one of ${CUSTODY_PURPOSES.join(', ')}`, code: 'invalid_value' }]);
}

export async function openOriginal(ctx: ServiceContext, id: string, purpose: CustodyPurpose): Promise<EvidenceBytes> {
  const item = await identifyingEvidence(ctx, id);
  await ctx.store.transaction((tx) => recordCustody(tx, ctx.now(), ctx.user.id, 'evidence.download', id, { purpose }));
  return { mediaType: item.mediaType, fileName: `${item.ref}${extensionFor(item.mediaType)}`, size: item.size, body: ctx.store.files.read(item.fileId) };
}
