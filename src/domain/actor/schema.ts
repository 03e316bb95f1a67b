/** People and organisations that incidents affect (victims), with their protection measures. */
import { z } from 'zod';
import { partialDateSchema } from '../dates.js';
import { text, line, countryCode, vocabCode } from '../text.js';

export const ACTOR_KINDS = ['person', 'organisation'] as const;

export const protectionMeasureSchema = z
  .object({
    id: z.string().uuid().optional(),
    kind: vocabCode,
    status: vocabCode,
    reference: line(120).optional(),
    granted: partialDateSchema.optional(),
    expires: partialDateSchema.optional(),
    includes: text(2000).optional(),
    notes: text(2000).optional(),
  })
  .strict();

export const actorInputSchema = z
  .object({
    kind: z.enum(ACTOR_KINDS),
    /** persons: the pseudonym shown everywhere; organisations: their public name */
    pseudonym: line(120, 1),
    /** identifying */
    realName: line(200).optional(),
    /** identifying */
    contact: text(500).optional(),
    /** identifying */
    privateAddress: text(500).optional(),
    role: vocabCode.optional(),
    genderIdentity: vocabCode.optional(),
    lgbti: vocabCode.optional(),
    migrationStatus: vocabCode.optional(),
    ageGroup: vocabCode.optional(),
    nationality: countryCode.optional(),
    orgType: vocabCode.optional(),
    country: countryCode.optional(),
    state: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'must be an ISO 3166-2 code' }).optional(),
    locality: line(120).optional(),
    notes: text(5000).optional(),
    protectionMeasures: z.array(protectionMeasureSchema).max(50).default([]),
  })
  .strict();
export type ActorInput = z.infer<typeof actorInputSchema>;

export const actorUpdateSchema = actorInputSchema.extend({ version: z.number().int().min(1) }).strict();

/** Fields that identify a person: sealed, redacted for analysts and viewers, never indexed. */
export const ACTOR_IDENTIFYING_FIELDS = ['realName', 'contact', 'privateAddress'] as const;
