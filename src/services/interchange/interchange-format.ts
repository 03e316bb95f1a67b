/**
 * The project's own JSON interchange format ("bitacora-interchange", version 2): one document
 * holding a whole workspace — vocabularies, organisations, accounts (without secrets), people and
 * organisations affected, incidents with every part and their history, pairs of incidents said not
 * to be duplicates, risk assessments, urgent cases with their appeals, campaigns, evidence with its
 * files, the record of imports, and accompaniment (people, hearings, transport runs). Every
 * field is documented in docs/interchange.md. The file is plaintext and holds identifying data:
 * handle it as sensitive.
 *
 * Conventions: ids are kept; a field that is not set is left out (never null); lists keep the
 * order the workspace shows them in. Values derived from others (references INC-…, URG-…, EV-…,
 * ACP-…, FAM-…, HRG-…, RUN-…,
 * the day span of a fuzzy date, the root of an act code, the group of a perpetrator code, the
 * search index) are not in the file: the importing workspace computes them again.
 *
 * Version 1 files are read too: checked against version 1's schema (format-v1.ts), converted, and
 * checked again as version 2.
 */
import { z } from 'zod';
import type { FieldProblem } from '../../domain/incident/check-codes.js';
import { instant } from './format-common.js';
import { vocabulariesSchema, organisationSchema, userSchema, actorSchema, incidentSchema, revisionSchema } from './format-records.js';
import { riskAssessmentSchema, urgentCaseSchema, campaignSchema } from './format-response.js';
import { evidenceItemSchema } from './format-evidence.js';
import { importMappingRecordSchema, importRunSchema } from './format-imports.js';
import { duplicateDismissalSchema } from './format-duplicates.js';
import { accompaniedFamilySchema, accompaniedPersonSchema, hearingSchema, transportRunSchema } from './format-accompaniment.js';
import { interchangeDocumentSchemaV1, upgradeV1 } from './format-v1.js';
import { checkEvidenceBytes } from './check-evidence-bytes.js';

export {
  schemeSchema, termSchema, organisationSchema, userSchema, protectionMeasureSchema, actorSchema, placeSchema, involvementSchema, actSchema,
  consentSchema, sourceSchema, interventionSchema, incidentSchema, fieldChangeSchema, revisionSchema,
} from './format-records.js';
export { riskAssessmentSchema, urgentCaseSchema, urgentStepSchema, urgentNoteSchema, appealSchema, campaignSchema, campaignActionSchema } from './format-response.js';
export { evidenceItemSchema, fileBytesSchema, MAX_INTERCHANGE_FILE_BYTES } from './format-evidence.js';
export { importMappingRecordSchema, importRunSchema } from './format-imports.js';
export { duplicateDismissalSchema } from './format-duplicates.js';
export {
  accompaniedFamilySchema, accompaniedIdentitySchema, accompaniedPersonSchema, hearingSchema, hearingPersonSchema, hearingReminderSchema,
  transportRunSchema, transportLegSchema, transportPassengerSchema, legMarkSchema,
} from './format-accompaniment.js';

export const INTERCHANGE_FORMAT = 'bitacora-interchange';
export const INTERCHANGE_VERSION = 2;

export const interchangeDocumentSchema = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.literal(INTERCHANGE_VERSION),
  exportedAt: instant,
  vocabularies: vocabulariesSchema,
  organisations: z.array(organisationSchema),
  users: z.array(userSchema),
  actors: z.array(actorSchema),
  incidents: z.array(incidentSchema),
  revisions: z.array(revisionSchema),
  duplicateDismissals: z.array(duplicateDismissalSchema),
  riskAssessments: z.array(riskAssessmentSchema),
  urgentCases: z.array(urgentCaseSchema),
  campaigns: z.array(campaignSchema),
  evidence: z.array(evidenceItemSchema),
  importMappings: z.array(importMappingRecordSchema),
  importRuns: z.array(importRunSchema),
  // accompaniment (added within version 2, before any release wrote version 2 without it): a file
  // without these sections reads as having none
  accompaniedFamilies: z.array(accompaniedFamilySchema).default([]),
  accompaniedPeople: z.array(accompaniedPersonSchema).default([]),
  hearings: z.array(hearingSchema).default([]),
  transportRuns: z.array(transportRunSchema).default([]),
});

export type InterchangeDocument = z.infer<typeof interchangeDocumentSchema>;
export type InterchangeIncident = InterchangeDocument['incidents'][number];
export type InterchangeActor = InterchangeDocument['actors'][number];
export type InterchangeTerm = InterchangeDocument['vocabularies']['terms'][number];
export type InterchangeRevision = InterchangeDocument['revisions'][number];
export type InterchangeDuplicateDismissal = InterchangeDocument['duplicateDismissals'][number];
export type InterchangeRiskAssessment = InterchangeDocument['riskAssessments'][number];
export type InterchangeUrgentCase = InterchangeDocument['urgentCases'][number];
export type InterchangeCampaign = InterchangeDocument['campaigns'][number];
export type InterchangeEvidence = InterchangeDocument['evidence'][number];
export type InterchangeImportMapping = InterchangeDocument['importMappings'][number];
export type InterchangeImportRun = InterchangeDocument['importRuns'][number];
export type InterchangeAccompaniedFamily = InterchangeDocument['accompaniedFamilies'][number];
export type InterchangeAccompaniedPerson = InterchangeDocument['accompaniedPeople'][number];
export type InterchangeHearing = InterchangeDocument['hearings'][number];
export type InterchangeTransportRun = InterchangeDocument['transportRuns'][number];

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** "incidents[12].acts[0].kind" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** zod issues as field problems, each naming its JSON path and what is wrong. */
export function problemsOf(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((i) => {
    let message = i.message;
    if (i.code === 'unrecognized_keys') message = `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    else if (i.code === 'invalid_type') message = i.input === undefined ? 'is required' : `must be ${i.expected}, not ${kindOf(i.input)}`;
    else if (i.code === 'invalid_value') message = `must be ${i.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    const path = formatPath(i.path);
    return { path: prefix ? (path ? `${prefix}.${path}` : prefix) : path, message };
  });
}

type Parsed = { ok: true; doc: InterchangeDocument } | { ok: false; problems: FieldProblem[] };

function parseV2(value: unknown): Parsed {
  // reportInput: to tell a missing field from a wrong type (zod 4 leaves `input` out otherwise)
  const r = interchangeDocumentSchema.safeParse(value, { reportInput: true });
  return r.success ? { ok: true, doc: r.data } : { ok: false, problems: problemsOf(r.error) };
}

/**
 * Validates a parsed JSON value as an interchange document of any version this release reads
 * (an older one is converted to the current version), including every evidence file's size and
 * SHA-256. Returns the document, or the problems, each naming the JSON path
 * ("incidents[12].acts[0].kind") and what is wrong.
 */
export function parseInterchangeDocument(value: unknown): Parsed {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problems: [{ path: '', message: 'must be a JSON object (a Bitácora interchange document)' }] };
  const head = value as Record<string, unknown>;
  if (head['format'] !== INTERCHANGE_FORMAT) return { ok: false, problems: [{ path: 'format', message: `must be "${INTERCHANGE_FORMAT}": this is not a Bitácora interchange document` }] };
  const v = head['version'];
  if (typeof v === 'number' && v > INTERCHANGE_VERSION) {
    return { ok: false, problems: [{ path: 'version', message: `this file uses format version ${v}, written by a newer Bitácora; this one reads versions 1 to ${INTERCHANGE_VERSION}` }] };
  }
  let parsed: Parsed;
  if (v === 1) {
    const r = interchangeDocumentSchemaV1.safeParse(value, { reportInput: true });
    if (!r.success) return { ok: false, problems: problemsOf(r.error) };
    parsed = parseV2(upgradeV1(r.data));
  } else if (v === INTERCHANGE_VERSION) {
    parsed = parseV2(value);
  } else {
    return { ok: false, problems: [{ path: 'version', message: `must be a format version from 1 to ${INTERCHANGE_VERSION}` }] };
  }
  if (!parsed.ok) return parsed;
  const bytes = checkEvidenceBytes(parsed.doc.evidence);
  return bytes.length ? { ok: false, problems: bytes } : parsed;
}
