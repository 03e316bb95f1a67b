/** What the risk-assessment API answers (src/services/risk/read-risk.ts, risk-due.ts). */
export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';
export interface RiskFactor { description: string; level: number; evidence?: string; incidents: string[] }
export interface RiskSummary { version: number; assessedAt: string; assessedBy: string; level: RiskLevel; score: number; nextReview?: string }
export interface Reassessment { due: boolean; reasons: ('never_assessed' | 'serious_incident' | 'review_date')[]; incidents: string[] }
export type IncidentLabels = Record<string, { ref: string; day: string | null }>;
export interface RiskOverview { history: RiskSummary[]; reassessment: Reassessment; incidentLabels: IncidentLabels }
export interface RiskAssessment extends RiskSummary {
  actorId: string;
  threats: RiskFactor[];
  vulnerabilities: RiskFactor[];
  capacities: RiskFactor[];
  summary?: string;
  factors: { threat: number; vulnerability: number; capacity: number };
}
export interface RiskAssessmentAnswer { assessment: RiskAssessment; incidentLabels: IncidentLabels }
export interface DueAssessment { actorId: string; kind: 'person' | 'organisation'; pseudonym: string; latest: RiskSummary; reassessment: Reassessment }
export const FACTOR_KINDS = ['threats', 'vulnerabilities', 'capacities'] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];
