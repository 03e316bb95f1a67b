/**
 * The interchange format's protection and response sections (version 2, docs/interchange.md):
 * risk assessments of people and organisations (ADR 0014), urgent cases with their checklist,
 * notes and appeals, and campaigns (ADR 0018). What the app seals (an assessment's body, a custom
 * step's label, notes, letters, a campaign's title and actions) is in the clear here.
 */
import { z } from 'zod';
import { uuid } from '../../domain/text.js';
import { partialDateSchema } from '../../domain/dates.js';
import { riskFactorSchema, RISK_LEVELS } from '../../domain/risk/assessment.js';
import { STEP_CODES, URGENT_KINDS, URGENT_OUTCOMES } from '../../domain/urgent/checklist.js';
import { STEP_LABEL_MAX, STEP_NOTE_MAX, NOTE_MAX, MAX_STEPS } from '../../domain/urgent/input.js';
import { CAMPAIGN_ACTION_KINDS, CAMPAIGN_OUTCOMES, MAX_CAMPAIGN_ACTIONS } from '../../domain/urgent/campaign.js';
import { ANSWER_CHANNELS, APPEAL_LANGS, MAX_ANSWER_NOTE, MAX_LETTER, PROTECTION_BODIES, SEND_CHANNELS } from '../../domain/appeal/bodies.js';
import { instant, userRef, recordVersion, dayOrInstant, verbatim, fixedCode } from './format-common.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a day (YYYY-MM-DD)' });

/** One version of a person's or organisation's risk assessment; the factors and summary are 🔒. */
export const riskAssessmentSchema = z.strictObject({
  id: uuid,
  actorId: uuid,
  version: recordVersion,
  assessedAt: instant,
  assessedBy: userRef,
  /** as concluded at the time (not computed again: the method's bands may change in later releases) */
  level: z.enum(RISK_LEVELS),
  score: z.number().min(0).max(1000),
  nextReview: day.optional(),
  threats: z.array(riskFactorSchema).max(30),
  vulnerabilities: z.array(riskFactorSchema).max(30),
  capacities: z.array(riskFactorSchema).max(30),
  summary: verbatim(5000).optional(),
});

export const urgentStepSchema = z.strictObject({
  id: uuid,
  code: z.enum(STEP_CODES),
  /** a custom step's own words 🔒 */
  label: verbatim(STEP_LABEL_MAX).optional(),
  dueAt: instant.optional(),
  doneAt: instant.optional(),
  doneBy: userRef.optional(),
  /** 🔒 */
  note: verbatim(STEP_NOTE_MAX).optional(),
});

export const urgentNoteSchema = z.strictObject({
  id: uuid,
  at: instant,
  userId: userRef,
  /** 🔒 */
  body: verbatim(NOTE_MAX, 1),
});

const includedSchema = z.strictObject({ what: fixedCode, subject: verbatim(300).optional(), n: z.number().int().min(1).optional() });
const withheldSchema = z.strictObject({ what: fixedCode, reason: fixedCode, subject: verbatim(300).optional(), n: z.number().int().min(1).optional(), consent: verbatim(120).optional() });

export const appealSchema = z.strictObject({
  id: uuid,
  body: z.enum(PROTECTION_BODIES),
  lang: z.enum(APPEAL_LANGS),
  /** the letter as last saved 🔒 */
  letter: verbatim(MAX_LETTER),
  /** what the draft was filled with, and what was left out and why (sealed with the letter) */
  included: z.array(includedSchema).max(1000),
  withheld: z.array(withheldSchema).max(1000),
  createdAt: instant,
  createdBy: userRef,
  updatedAt: instant,
  version: recordVersion,
  sentAt: dayOrInstant.optional(),
  sentHow: z.enum(SEND_CHANNELS).optional(),
  answeredAt: dayOrInstant.optional(),
  answerHow: z.enum(ANSWER_CHANNELS).optional(),
  /** 🔒 */
  answerNote: verbatim(MAX_ANSWER_NOTE).optional(),
});

export const urgentCaseSchema = z.strictObject({
  id: uuid,
  incidentId: uuid,
  kind: z.enum(URGENT_KINDS),
  ownerId: userRef,
  status: z.enum(['open', 'closed']),
  openedAt: instant,
  openedBy: userRef,
  closedAt: instant.optional(),
  outcome: z.enum(URGENT_OUTCOMES).optional(),
  /** 🔒 */
  closingNote: verbatim(NOTE_MAX).optional(),
  updatedAt: instant,
  version: recordVersion,
  /** the checklist, in its order */
  steps: z.array(urgentStepSchema).max(MAX_STEPS),
  /** oldest first */
  notes: z.array(urgentNoteSchema),
  /** oldest first */
  appeals: z.array(appealSchema),
});

export const campaignActionSchema = z.strictObject({
  date: partialDateSchema.optional(),
  kind: z.enum(CAMPAIGN_ACTION_KINDS),
  /** 🔒 */
  description: verbatim(STEP_NOTE_MAX).optional(),
});

export const campaignSchema = z.strictObject({
  id: uuid,
  incidentId: uuid,
  /** the urgent case it was started from (`urgentCases`), of the same incident */
  caseId: uuid.optional(),
  /** 🔒 */
  title: verbatim(STEP_LABEL_MAX, 1),
  started: partialDateSchema.optional(),
  ended: partialDateSchema.optional(),
  outcome: z.enum(CAMPAIGN_OUTCOMES).optional(),
  actions: z.array(campaignActionSchema).max(MAX_CAMPAIGN_ACTIONS),
  createdAt: instant,
  createdBy: userRef,
  updatedAt: instant,
  version: recordVersion,
});
