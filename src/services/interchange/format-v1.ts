/**
 * Version 1 of the interchange format, kept to read files written by earlier releases
 * (docs/interchange.md, "Versioning"): its document schema, and the conversion to version 2.
 *
 * Version 1 is version 2 without the sections and fields version 2 added: incidents had no
 * `counts`, `importRunId` nor `mergedInto`, and there were no dismissed duplicates, risk
 * assessments, urgent cases, campaigns, evidence, import mappings, import runs or accompaniment. A file of version 1 is checked against this schema —
 * so a field version 1 did not have is refused there, as it always was — then converted.
 * If a later version changes a part both versions share, freeze version 1's copy of it here.
 */
import { z } from 'zod';
import { vocabulariesSchema, organisationSchema, userSchema, actorSchema, incidentSchemaV1, revisionSchema } from './format-records.js';
import { instant } from './format-common.js';

export const interchangeDocumentSchemaV1 = z.strictObject({
  format: z.literal('bitacora-interchange'),
  version: z.literal(1),
  exportedAt: instant,
  vocabularies: vocabulariesSchema,
  organisations: z.array(organisationSchema),
  users: z.array(userSchema),
  actors: z.array(actorSchema),
  incidents: z.array(incidentSchemaV1),
  revisions: z.array(revisionSchema),
});

export type InterchangeDocumentV1 = z.infer<typeof interchangeDocumentSchemaV1>;

/** A version 1 document as version 2: the same records, and empty lists for what version 1 did not carry. */
export function upgradeV1(doc: InterchangeDocumentV1): Omit<InterchangeDocumentV1, 'version'> & {
  version: 2; duplicateDismissals: []; riskAssessments: []; urgentCases: []; campaigns: []; evidence: []; importMappings: []; importRuns: [];
  accompaniedFamilies: []; accompaniedPeople: []; hearings: []; transportRuns: [];
} {
  return {
    ...doc, version: 2, duplicateDismissals: [], riskAssessments: [], urgentCases: [], campaigns: [], evidence: [], importMappings: [], importRuns: [],
    accompaniedFamilies: [], accompaniedPeople: [], hearings: [], transportRuns: [],
  };
}
