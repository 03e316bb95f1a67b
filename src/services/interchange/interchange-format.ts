/**
 * The project's own JSON interchange format ("bitacora-interchange", version 1): one document
 * holding a whole workspace — vocabularies, organisations, accounts (without secrets), people and
 * organisations affected, incidents with every part, and their history. Every field is documented
 * in docs/interchange.md. The file is plaintext and holds identifying data: handle it as sensitive.
 *
 * Conventions: ids are kept; a field that is not set is left out (never null); lists keep the
 * order the workspace shows them in. Values derived from others (an incident's reference
 * INC-…, the day span of a fuzzy date, the root of an act code, the group of a perpetrator code,
 * the search index) are not in the file: the importing workspace computes them again.
 */
import { z } from 'zod';
import { fuzzyDateSchema } from '../../domain/dates.js';
import { text, line, uuid, vocabCode } from '../../domain/text.js';
import {
  PLACE_PRECISIONS, CONSENT_USES, placeSchema as domainPlace, involvementSchema as domainInvolvement, actSchema as domainAct,
  sourceSchema as domainSource, interventionSchema as domainIntervention,
} from '../../domain/incident/schema.js';
import { actorInputSchema, protectionMeasureSchema as domainMeasure } from '../../domain/actor/schema.js';
import { ROLES } from '../../domain/user/roles.js';
import type { FieldProblem } from '../../domain/incident/check-codes.js';

export const INTERCHANGE_FORMAT = 'bitacora-interchange';
export const INTERCHANGE_VERSION = 1;

/** An instant, as the store writes them (`new Date().toISOString()`). */
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time' });
/** A reference to an account: its id in the workspace the record comes from (see docs: "user references"). */
const userRef = line(100, 1);
const version = z.number().int().min(1);
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
  version,
  createdAt: instant,
  createdBy: userRef,
  updatedAt: instant,
  updatedBy: userRef,
};

// Records reuse the API's schemas, with ids on every part and no defaults: a file says everything.
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

export const incidentSchema = z.strictObject({
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

export const fieldChangeSchema = z.strictObject({
  path: z.string().min(1).max(1000),
  before: z.json().optional(),
  after: z.json().optional(),
  identifying: z.literal(true).optional(),
});

export const revisionSchema = z.strictObject({
  incidentId: uuid,
  version,
  at: instant,
  userId: userRef,
  changes: z.array(fieldChangeSchema),
});

export const interchangeDocumentSchema = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.literal(INTERCHANGE_VERSION),
  exportedAt: instant,
  vocabularies: z.strictObject({ schemes: z.array(schemeSchema), terms: z.array(termSchema) }),
  organisations: z.array(organisationSchema),
  users: z.array(userSchema),
  actors: z.array(actorSchema),
  incidents: z.array(incidentSchema),
  revisions: z.array(revisionSchema),
});

export type InterchangeDocument = z.infer<typeof interchangeDocumentSchema>;
export type InterchangeIncident = InterchangeDocument['incidents'][number];
export type InterchangeActor = InterchangeDocument['actors'][number];
export type InterchangeTerm = InterchangeDocument['vocabularies']['terms'][number];
export type InterchangeRevision = InterchangeDocument['revisions'][number];

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** "incidents[12].acts[0].kind" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/**
 * Validates a parsed JSON value as an interchange document. Returns the document, or the
 * problems, each naming the JSON path ("incidents[12].acts[0].kind") and what is wrong.
 */
export function parseInterchangeDocument(value: unknown): { ok: true; doc: InterchangeDocument } | { ok: false; problems: FieldProblem[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problems: [{ path: '', message: 'must be a JSON object (a Bitácora interchange document)' }] };
  const head = value as Record<string, unknown>;
  if (head['format'] !== INTERCHANGE_FORMAT) return { ok: false, problems: [{ path: 'format', message: `must be "${INTERCHANGE_FORMAT}": this is not a Bitácora interchange document` }] };
  if (typeof head['version'] === 'number' && head['version'] > INTERCHANGE_VERSION) {
    return { ok: false, problems: [{ path: 'version', message: `this file uses format version ${head['version']}, written by a newer Bitácora; this one reads version ${INTERCHANGE_VERSION}` }] };
  }
  // reportInput: to tell a missing field from a wrong type (zod 4 leaves `input` out otherwise)
  const r = interchangeDocumentSchema.safeParse(value, { reportInput: true });
  if (r.success) return { ok: true, doc: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => {
      let message = i.message;
      if (i.code === 'unrecognized_keys') message = `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
      else if (i.code === 'invalid_type') message = i.input === undefined ? 'is required' : `must be ${i.expected}, not ${kindOf(i.input)}`;
      else if (i.code === 'invalid_value') message = `must be ${i.values.map((v) => JSON.stringify(v)).join(' or ')}`;
      return { path: formatPath(i.path), message };
    }),
  };
}
