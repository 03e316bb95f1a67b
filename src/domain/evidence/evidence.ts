/**
 * Evidence items (issue 7, ADR 0019): what kinds there are, consent per use, why someone opened
 * one (the chain of custody's "why"), what the original's metadata and an online capture hold, and
 * the views the API returns. Pure types and rules: no I/O.
 */
import { z } from 'zod';
import { CONSENT_USES } from '../incident/schema.js';

export const EVIDENCE_KINDS = ['photo', 'screenshot', 'audio', 'video', 'pdf', 'document', 'online_capture'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The uses a source consents to, one answer each (vocabulary consent_value: given, refused, not_asked, withdrawn). */
export const EVIDENCE_USES = CONSENT_USES;
export type EvidenceUse = (typeof EVIDENCE_USES)[number];
export const CONSENT_VALUES = ['given', 'refused', 'not_asked', 'withdrawn'] as const;
export type ConsentValue = (typeof CONSENT_VALUES)[number];
export type Consent = Record<EvidenceUse, ConsentValue>;
export const NO_CONSENT: Consent = Object.fromEntries(EVIDENCE_USES.map((u) => [u, 'not_asked'])) as Consent;
export const consentInputSchema = z.object(Object.fromEntries(EVIDENCE_USES.map((u) => [u, z.enum(CONSENT_VALUES).optional()])) as Record<EvidenceUse, z.ZodOptional<z.ZodEnum<{ [K in ConsentValue]: K }>>>).strict();

/** A use is allowed only when consent for it was given (and not since withdrawn). */
export function allows(consent: Consent, use: EvidenceUse): boolean {
  return consent[use] === 'given';
}

/** Why someone opened, downloaded or exported an item: a code, never typed text (the audit log keeps no values people type). */
export const CUSTODY_PURPOSES = ['review', 'verification', 'legal_case', 'partner_sharing', 'report', 'other'] as const;
export type CustodyPurpose = (typeof CUSTODY_PURPOSES)[number];

/** The audit actions that make up an item's chain of custody (target type 'evidence'). */
export const CUSTODY_ACTIONS = [
  'evidence.receive', 'evidence.capture', 'evidence.view', 'evidence.view_metadata', 'evidence.download', 'evidence.export', 'evidence.change', 'evidence.consent', 'evidence.remove',
  // brought in with the rest of a workspace (the JSON interchange): the item's custody starts again here, with its SHA-256
  'evidence.import',
] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** Platforms an online threat is captured from. */
export const PLATFORMS = ['facebook', 'instagram', 'x', 'tiktok', 'youtube', 'whatsapp', 'telegram', 'signal', 'sms', 'email', 'website', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What was read from the original file when present (EXIF/XMP/GPS): shown only to who may see identifying data. */
export interface CaptureMetadata {
  /** when the device says it was taken (ISO, as written by the device; no time zone when it gave none) */
  takenAt?: string;
  make?: string;
  model?: string;
  software?: string;
  gps?: { lat: number; lon: number; alt?: number };
  width?: number;
  height?: number;
}

/** An online threat preserved with the capture form; hashed and timestamped at capture. */
export interface OnlineCapture {
  platform: Platform;
  account?: string;
  url?: string;
  text?: string;
  /** when the person saw it (ISO date or instant as typed) */
  seenAt: string;
  /** when Bitácora recorded it (server clock) */
  capturedAt: string;
}

export const onlineCaptureInputSchema = z
  .object({
    platform: z.enum(PLATFORMS),
    account: z.string().trim().min(1).max(300).optional(),
    url: z.string().trim().max(2000).url().refine((u) => /^https?:\/\//i.test(u), 'must be an http or https link').optional(),
    text: z.string().max(20000).optional(),
    seenAt: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'a date (2026-11-28) or a date and time'),
    description: z.string().max(5000).optional(),
  })
  .strict();
export type OnlineCaptureInput = z.infer<typeof onlineCaptureInputSchema>;

export interface PersonRef { id: string; name: string }

/** What everyone who may read the incident (or person) sees of an item. */
export interface EvidenceSummary {
  id: string;
  ref: string;
  kind: EvidenceKind;
  mediaType: string;
  size: number;
  sha256: string;
  incidentId: string | null;
  actorId: string | null;
  sourceId: string | null;
  parentId: string | null;
  receivedAt: string;
  receivedBy: PersonRef;
  consent: Consent;
  /** a metadata-free copy for viewing exists (images) */
  hasViewCopy: boolean;
  version: number;
}

/** The sealed parts, only for who holds identifying.read (absent otherwise, with `restricted: true`). */
export interface EvidenceDetail extends EvidenceSummary {
  restricted: boolean;
  originalName?: string;
  description?: string;
  metadata?: CaptureMetadata;
  capture?: OnlineCapture;
}

/** One entry of an item's chain of custody, from the audit log. */
export interface CustodyEntry {
  seq: number;
  at: string;
  action: CustodyAction;
  user: PersonRef | null;
  purpose?: CustodyPurpose;
  /** for exports: the bundle's id */
  bundleId?: string;
  /** for consent changes: the use and its new value */
  use?: EvidenceUse;
  value?: ConsentValue;
}
