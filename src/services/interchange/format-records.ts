/**
 * The interchange format's record sections that version 1 already had: vocabularies,
 * organisations, accounts (without secrets), people and organisations affected, incidents with
 * every part, and their history (docs/interchange.md). Version 2 adds three fields to incidents:
 * `counts`, `importRunId` and `mergedInto`.
 *
 * Records reuse the API's schemas, with ids on every part and no defaults: a file says everything.
 */
import { z } from 'zod';
import { fuzzyDateSchema } from '../../domain/dates.js';
import { text, line, uuid, vocabCode } from '../../domain/text.js';
import {
  PLACE_PRECISIONS, CONSENT_USES, placeSchema as domainPlace, involvementSchema as domainInvolvement, actSchema as domainAct,
  sourceSchema as domainSource, interventionSchema as domainIntervention, countsSchema,
} from '../../domain/incident/schema.js';
import { actorInputSchema, protectionMeasureSchema as domainMeasure } from '../../domain/actor/schema.js';
import { ROLES } from '../../domain/user/roles.js';
import { instant, userRef, recordVersion } from './format-common.js';

const labels = z.strictObject({ es: line(200, 1), en: line(200, 1) });

export const schemeSchema = z.strictObject({
  id: z.string().regex(/^[a-z_]{1,40}$/, { message: 'must be a vocabulary id' }),
  label: labels,
  description: z.strictObject({ es: text(2000).optional(), en: text(2000).optional() }).optional(),
});

export const termSchema = z.strictObject({
  scheme: z.string().regex(/^[a-z_]{1,40}$/, { message: 'must be a vocabulary id' }),
  code: vocabCode,
  parent: vocabCode.optional(),
  label: labels,
  sort: z.number().int(),
  mapping: z.record(z.string(), z.string()).optional(),
  /** true: from the vocabulary file shipped with Bitácora; false: added by an admin */
  builtin: z.boolean(),
  /** set when the term was retired: kept readable on old records, refused on new ones */
  retiredAt: instant.optional(),
  createdAt: instant,
  createdBy: userRef.optional(),
});

export const vocabulariesSchema = z.strictObject({ schemes: z.array(schemeSchema), terms: z.array(termSchema) });

export const organisationSchema = z.strictObject({ id: uuid, name: line(120, 1), createdAt: instant });

export const userSchema = z.strictObject({
  id: userRef,
  email: z.string().max(254).regex(/^[^\s@A-Z]+@[^\s@A-Z]+\.[^\s@A-Z]+$/, { message: 'must be a lower-case e-mail address' }),
  displayName: line(120, 1),
  role: z.enum(ROLES),
  orgId: uuid,
  disabled: z.boolean(),
});

export const protectionMeasureSchema = domainMeasure.extend({ id: uuid }).strict();

const recordMeta = {
  version: recordVersion,
  createdAt: instant,
  createdBy: userRef,
  updatedAt: instant,
  updatedBy: userRef,
};

export const actorSchema = actorInputSchema
  .omit({ protectionMeasures: true })
  .extend({ id: uuid, orgId: uuid, protectionMeasures: z.array(protectionMeasureSchema).max(50), ...recordMeta })
  .strict();

export const placeSchema = domainPlace.extend({ precision: z.enum(PLACE_PRECISIONS) }).strict();

export const involvementSchema = domainInvolvement.extend({ id: uuid }).strict();

export const actSchema = domainAct
  .omit({ victimKey: true })
  .extend({
    id: uuid,
    /** the actor id of this act's victim: one of the incident's `victims` */
    victimId: uuid.optional(),
    methods: z.array(vocabCode).max(20),
    consequences: z.array(vocabCode).max(20),
    perpetrators: z.array(involvementSchema).max(30),
  })
  .strict();

export const consentSchema = z.strictObject(
  Object.fromEntries(CONSENT_USES.map((u) => [u, vocabCode])) as Record<(typeof CONSENT_USES)[number], typeof vocabCode>,
);

export const sourceSchema = domainSource.extend({ id: uuid, consent: consentSchema }).strict();

export const interventionSchema = domainIntervention.extend({ id: uuid }).strict();

/** An incident as version 1 wrote it. */
export const incidentSchemaV1 = z.strictObject({
  id: uuid,
  orgId: uuid,
  title: line(300, 1),
  summary: text(20000).optional(),
  date: fuzzyDateSchema.optional(),
  place: placeSchema,
  context: z.array(vocabCode).max(30),
  status: vocabCode,
  followUp: vocabCode,
  confidentiality: vocabCode,
  /** actor ids, in the order the incident lists its victims */
  victims: z.array(uuid).max(100),
  acts: z.array(actSchema).max(100),
  sources: z.array(sourceSchema).max(50),
  interventions: z.array(interventionSchema).max(100),
  ...recordMeta,
  /** set when the incident was removed: it stays in the file (and in history) so nothing is lost */
  deletedAt: instant.optional(),
});

/** Version 2: how many people it touched when they are not recorded one by one, the import that made it, and the incident it was merged into. */
export const incidentSchema = incidentSchemaV1
  .extend({
    counts: countsSchema.optional(),
    /** the committed import (`importRuns`) that made the incident */
    importRunId: uuid.optional(),
    /** the incident this one was merged into (ADR 0023): in the file or the importing workspace; a merged incident is removed (`deletedAt`) */
    mergedInto: uuid.optional(),
  })
  .strict();

export const fieldChangeSchema = z.strictObject({
  path: z.string().min(1).max(1000),
  before: z.json().optional(),
  after: z.json().optional(),
  identifying: z.literal(true).optional(),
});

export const revisionSchema = z.strictObject({
  incidentId: uuid,
  version: recordVersion,
  at: instant,
  userId: userRef,
  changes: z.array(fieldChangeSchema),
});
