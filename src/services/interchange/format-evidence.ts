/**
 * The interchange format's evidence section (version 2, docs/interchange.md; ADR 0019): each item
 * with what the app seals in the clear (original name, description, the original's metadata, an
 * online capture) and the bytes of its original and of its metadata-free viewing copy, in base64,
 * each with its size and SHA-256 — checked on import, where one changed byte refuses the whole file.
 */
import { z } from 'zod';
import { uuid } from '../../domain/text.js';
import { CONSENT_VALUES, EVIDENCE_KINDS, EVIDENCE_USES, PLATFORMS } from '../../domain/evidence/evidence.js';
import { isAllowedMediaType, MAX_NAME_BYTES } from '../../domain/evidence/file-kinds.js';
import { instant, userRef, recordVersion, verbatim } from './format-common.js';

/**
 * The most file bytes (originals and viewing copies together) one document carries: 256 MiB, about
 * 342 MiB of base64 — a document a reader can still hold as one string (V8 stops at 512 MiB) and
 * parse. A workspace with more evidence moves whole with a backup and restore (docs/backup.md).
 */
export const MAX_INTERCHANGE_FILE_BYTES = 256 * 1024 * 1024;

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 in lower-case hex' });

export const fileBytesSchema = z.strictObject({
  size: z.number().int().min(0).max(MAX_INTERCHANGE_FILE_BYTES),
  sha256: sha256Hex,
  /** the bytes, standard base64 with padding */
  base64: z.string(),
});

const metadataSchema = z.strictObject({
  takenAt: verbatim(100).optional(),
  make: verbatim(500).optional(),
  model: verbatim(500).optional(),
  software: verbatim(500).optional(),
  gps: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), alt: z.number().optional() }).optional(),
  width: z.number().int().min(0).optional(),
  height: z.number().int().min(0).optional(),
});

const captureSchema = z.strictObject({
  platform: z.enum(PLATFORMS),
  account: verbatim(300).optional(),
  url: verbatim(2000).optional(),
  text: verbatim(20000).optional(),
  seenAt: verbatim(40, 1),
  capturedAt: instant,
});

const evidenceConsentSchema = z.strictObject(
  Object.fromEntries(EVIDENCE_USES.map((u) => [u, z.enum(CONSENT_VALUES)])) as Record<(typeof EVIDENCE_USES)[number], z.ZodEnum<{ [K in (typeof CONSENT_VALUES)[number]]: K }>>,
);

export const evidenceItemSchema = z
  .strictObject({
    id: uuid,
    /** the incident it is evidence of; or `actorId`, a person's or organisation's own evidence */
    incidentId: uuid.optional(),
    actorId: uuid.optional(),
    /** the testimony (a source of the incident) it belongs to */
    sourceId: uuid.optional(),
    /** a capture's screenshots name their capture, an item earlier in the file */
    parentId: uuid.optional(),
    kind: z.enum(EVIDENCE_KINDS),
    /** the type read from the content on arrival */
    mediaType: z.string().max(200).refine((t) => isAllowedMediaType(t) || t === 'application/json', { message: 'is not a type Bitácora keeps as evidence' }),
    /** 🔒 */
    originalName: verbatim(MAX_NAME_BYTES, 1).optional(),
    /** 🔒 */
    description: verbatim(5000).optional(),
    /** 🔒 what the original's EXIF/XMP/GPS said */
    metadata: metadataSchema.optional(),
    /** 🔒 an online capture's record */
    capture: captureSchema.optional(),
    consent: evidenceConsentSchema,
    receivedAt: instant,
    receivedBy: userRef,
    updatedAt: instant,
    version: recordVersion,
    /** the file as it arrived: its SHA-256 is the one taken on arrival */
    original: fileBytesSchema,
    /** the copy made for viewing, with no metadata (images) */
    viewCopy: fileBytesSchema.optional(),
  })
  .refine((e) => e.incidentId !== undefined || e.actorId !== undefined, { message: 'must name its incident (incidentId) or its person or organisation (actorId)', path: ['incidentId'] });
