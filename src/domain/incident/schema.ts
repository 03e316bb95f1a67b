/**
 * What a client sends to record or change an incident (design.md §3, HURIDOCS "who did what to whom").
 * Vocabulary codes are checked against the live vocabularies by `checkIncidentCodes`.
 */
import { z } from 'zod';
import { fuzzyDateSchema, partialDateSchema } from '../dates.js';
import { text, line, uuid, countryCode, vocabCode } from '../text.js';
import { actorInputSchema } from '../actor/schema.js';

export const PLACE_PRECISIONS = ['unknown', 'country', 'state', 'municipality', 'locality', 'crossing', 'route'] as const;

/** The private place: an exact point, an address, or both (a shelter's address often has no coordinates). */
export const privatePointSchema = z
  .object({
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    address: text(500).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.lat === undefined) !== (p.lon === undefined)) ctx.addIssue({ code: 'custom', path: [p.lat === undefined ? 'lat' : 'lon'], message: 'give both latitude and longitude', params: { code: 'lat_lon_pair' } });
    if (p.lat === undefined && p.lon === undefined && !p.address) ctx.addIssue({ code: 'custom', message: 'give an address or a point', params: { code: 'address_or_point' } });
  });

export const placeSchema = z
  .object({
    precision: z.enum(PLACE_PRECISIONS).default('unknown'),
    country: countryCode.optional(),
    state: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'must be an ISO 3166-2 code' }).optional(),
    locality: line(120).optional(),
    routeSegment: vocabCode.optional(),
    crossing: vocabCode.optional(),
    /** identifying: the precise point (a shelter's address, a defender's home). */
    private: privatePointSchema.optional(),
  })
  .strict();
export type Place = z.infer<typeof placeSchema>;

export const involvementSchema = z
  .object({
    id: uuid.optional(),
    perpetrator: vocabCode,
    degree: vocabCode.optional(),
    country: countryCode.optional(),
    /** identifying: named officers, account handles of identified people */
    identifiedIndividuals: text(1000).optional(),
    description: text(2000).optional(),
  })
  .strict();

export const actSchema = z
  .object({
    id: uuid.optional(),
    kind: vocabCode,
    victimKey: line(64).optional(),
    date: fuzzyDateSchema.optional(),
    methods: z.array(vocabCode).max(20).default([]),
    consequences: z.array(vocabCode).max(20).default([]),
    description: text(5000).optional(),
    perpetrators: z.array(involvementSchema).max(30).default([]),
  })
  .strict();

export const victimEntrySchema = z
  .object({
    key: line(64, 1),
    actorId: uuid.optional(),
    actor: actorInputSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.actorId === undefined) === (v.actor === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give either actorId (someone already recorded) or actor (someone new)', params: { code: 'actor_or_actor_id' } });
    }
  });

export const CONSENT_USES = ['internal_analysis', 'share_partners', 'anonymous_publication', 'named_publication', 'legal_action'] as const;
export const consentSchema = z
  .object(Object.fromEntries(CONSENT_USES.map((u) => [u, vocabCode.default('not_asked')])) as Record<(typeof CONSENT_USES)[number], z.ZodDefault<typeof vocabCode>>)
  .strict();

export const sourceSchema = z
  .object({
    id: uuid.optional(),
    kind: vocabCode,
    method: vocabCode.optional(),
    receivedOn: partialDateSchema.optional(),
    reliability: vocabCode.optional(),
    /** how we refer to the source without naming them */
    pseudonym: line(120).optional(),
    /** identifying: the testimony in the source's own words */
    testimony: text(50000).optional(),
    consent: consentSchema.default(Object.fromEntries(CONSENT_USES.map((u) => [u, 'not_asked'])) as Record<(typeof CONSENT_USES)[number], string>),
  })
  .strict();

export const interventionSchema = z
  .object({
    id: uuid.optional(),
    kind: vocabCode,
    date: partialDateSchema.optional(),
    actor: line(200).optional(),
    addressee: line(200).optional(),
    outcome: vocabCode.optional(),
    followUp: vocabCode.optional(),
    notes: text(5000).optional(),
  })
  .strict();

/**
 * How many people an incident touched when they are not recorded one by one (a shipwreck's dead and
 * missing, a group of survivors): non-negative whole numbers, each optional. Not identifying.
 */
export const COUNT_FIELDS = ['dead', 'missing', 'survivors', 'women', 'men', 'children'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export const countsSchema = z
  .object(Object.fromEntries(COUNT_FIELDS.map((f) => [f, z.number().int().min(0).max(1_000_000).optional()])) as Record<CountField, z.ZodOptional<z.ZodNumber>>)
  .strict();
export type IncidentCounts = z.infer<typeof countsSchema>;

export const incidentInputSchema = z
  .object({
    title: line(300, 1),
    summary: text(20000).optional(),
    date: fuzzyDateSchema.optional(),
    place: placeSchema.default({ precision: 'unknown' }),
    counts: countsSchema.optional(),
    context: z.array(vocabCode).max(30).default([]),
    status: vocabCode.default('reported'),
    followUp: vocabCode.default('open'),
    confidentiality: vocabCode.default('organisation'),
    victims: z.array(victimEntrySchema).max(100).default([]),
    acts: z.array(actSchema).max(100).default([]),
    sources: z.array(sourceSchema).max(50).default([]),
    interventions: z.array(interventionSchema).max(100).default([]),
  })
  .strict();
export type IncidentInput = z.infer<typeof incidentInputSchema>;

export const incidentUpdateSchema = incidentInputSchema.extend({ version: z.number().int().min(1) }).strict();
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;
