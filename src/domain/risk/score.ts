/**
 * The score of an assessment: T × V ÷ C on 1–5 ratings, so from 0.2 to 25 (ADR 0014).
 *  - T is the HIGHEST threat: one death threat is not made lighter by three minor ones;
 *  - V is the mean of the vulnerabilities and C the mean of the capacities (1 when none is named:
 *    no capacity recorded is read as the worst case, never as "no risk").
 * Levels: below 2 low, below 4 medium, below 8 high, from 8 critical — with every factor at the
 * same rating r the score is r, so "all 4s" is high and "a 5 threat, 4 vulnerability, 2 capacity"
 * (10) critical. The number orients; the factors and their evidence are what a coordinator reads.
 */
import type { RiskAssessmentBody, RiskLevel } from './assessment.js';

export interface RiskScore { threat: number; vulnerability: number; capacity: number; score: number; level: RiskLevel }

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** two decimals, so the stored and the recomputed score agree exactly */
const round2 = (x: number) => Math.round(x * 100) / 100;

export function riskLevel(score: number): RiskLevel {
  if (score < 2) return 'low';
  if (score < 4) return 'medium';
  if (score < 8) return 'high';
  return 'critical';
}

export function riskScore(a: Pick<RiskAssessmentBody, 'threats' | 'vulnerabilities' | 'capacities'>): RiskScore {
  if (!a.threats.length || !a.vulnerabilities.length) throw new Error('an assessment needs at least one threat and one vulnerability');
  const threat = Math.max(...a.threats.map((f) => f.level));
  const vulnerability = round2(mean(a.vulnerabilities.map((f) => f.level)));
  const capacity = a.capacities.length ? round2(mean(a.capacities.map((f) => f.level))) : 1;
  const score = round2((threat * vulnerability) / capacity);
  return { threat, vulnerability, capacity, score, level: riskLevel(score) };
}
