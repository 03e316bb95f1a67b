/**
 * What an uploader sends beside a file (multipart text fields), and the online-capture record's
 * canonical form. Pure: the schema and the bytes that are stored and hashed.
 */
import { z } from 'zod';
import { consentInputSchema, type OnlineCapture, type OnlineCaptureInput } from './evidence.js';
import { sortedKeys } from './sorted-keys.js';

/** The kinds an uploader may name; the content decides in the end (file-kinds.ts: evidenceKindFor). */
export const UPLOAD_KINDS = ['photo', 'screenshot', 'audio', 'video', 'pdf', 'document'] as const;

export const evidenceUploadInputSchema = z
  .object({
    kind: z.enum(UPLOAD_KINDS).optional(),
    description: z.string().max(5000).optional(),
    sourceId: z.string().uuid({ message: 'must be an id' }).optional(),
    consent: consentInputSchema.optional(),
  })
  .strict();
export type EvidenceUploadInput = z.infer<typeof evidenceUploadInputSchema>;

/** Screenshots one online capture may hold. */
export const MAX_CAPTURE_SCREENSHOTS = 10;

/** The capture record as kept: what was typed (trimmed, empty parts left out) and when Bitácora recorded it. */
export function captureRecord(input: OnlineCaptureInput, capturedAt: string): OnlineCapture {
  return {
    platform: input.platform,
    ...(input.account ? { account: input.account } : {}),
    ...(input.url ? { url: input.url } : {}),
    ...(input.text !== undefined && input.text.trim() !== '' ? { text: input.text } : {}),
    seenAt: input.seenAt,
    capturedAt,
  };
}

/** Canonical JSON: keys in code-point order at every level, no undefined, no spaces; UTF-8 bytes. */
export function canonicalJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(sortedKeys(value)));
}
