/**
 * A risk assessment of a defender or an organisation, by the protection manuals' method
 * (Protection International, Front Line Defenders): risk = threats × vulnerabilities ÷ capacities.
 * Each factor is written down with the evidence behind it (what happened, which incidents), rated
 * 1–5, and the whole is kept as a numbered version: a new assessment never overwrites the last.
 */
import { z } from 'zod';
import { text, uuid } from '../text.js';

export const RISK_FACTOR_KINDS = ['threats', 'vulnerabilities', 'capacities'] as const;
export type RiskFactorKind = (typeof RISK_FACTOR_KINDS)[number];

export const riskFactorSchema = z
  .object({
    /** what the threat, vulnerability or capacity is ("photos of the director's house sent by WhatsApp") */
    description: text(1000, 1),
    /** 1 (slight) … 5 (very high) */
    level: z.number().int().min(1, { message: 'must be from 1 to 5' }).max(5, { message: 'must be from 1 to 5' }),
    /** how we know: what was seen or said, by whom, when */
    evidence: text(2000).optional(),
    /** incidents of this person or organisation that show it */
    incidents: z.array(uuid).max(20).default([]),
  })
  .strict();
export type RiskFactor = z.output<typeof riskFactorSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a day (YYYY-MM-DD)' });

export const riskAssessmentInputSchema = z
  .object({
    threats: z.array(riskFactorSchema).min(1, { message: 'name at least one threat' }).max(30),
    vulnerabilities: z.array(riskFactorSchema).min(1, { message: 'name at least one vulnerability' }).max(30),
    /** may be empty: then the capacity counts as the lowest (1), the worst case */
    capacities: z.array(riskFactorSchema).max(30).default([]),
    /** conclusions and the measures agreed */
    summary: text(5000).optional(),
    /** when to look again at the latest */
    nextReview: day.optional(),
    /** the version this one replaces, as the editor saw it (0 for the first): a stale one is refused */
    replaces: z.number().int().min(0),
  })
  .strict();
export type RiskAssessmentInput = z.input<typeof riskAssessmentInputSchema>;
export type RiskAssessmentDraft = z.output<typeof riskAssessmentInputSchema>;

/** The sealed part of a stored assessment: everything that describes the person's situation. */
export type RiskAssessmentBody = Pick<RiskAssessmentDraft, 'threats' | 'vulnerabilities' | 'capacities'> & { summary?: string };

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface RiskAssessmentSummary {
  version: number;
  assessedAt: string;
  assessedBy: string;
  level: RiskLevel;
  score: number;
  nextReview?: string;
}

export interface RiskAssessmentView extends RiskAssessmentSummary, RiskAssessmentBody {
  actorId: string;
  factors: { threat: number; vulnerability: number; capacity: number };
}
