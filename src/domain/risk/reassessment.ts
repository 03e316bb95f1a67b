/**
 * When an assessment is out of date: a serious incident against the person or organisation was
 * recorded after it (or there is a serious incident and no assessment yet), or its review date has
 * passed. "Serious" is a fixed list of kinds of act (below, ADR 0014): attacks on life, liberty and
 * physical integrity, raids, criminalisation, and the threats manuals treat as a step before them.
 */
export const SERIOUS_ACTS: readonly string[] = [
  'shelter_entry.forced', 'shelter_entry.raid', 'surveillance.home', 'threat.death', 'threat.home_photos', 'threat.family',
  'criminal_pressure', 'detention', 'criminalisation', 'physical_assault', 'shooting', 'killing', 'kidnapping', 'disappearance', 'sexual_violence',
];

/** Whether a kind of act is serious: listed itself, or below a listed code ("killing.attempted" under "killing"). */
export function isSeriousAct(code: string): boolean {
  return SERIOUS_ACTS.some((s) => code === s || code.startsWith(`${s}.`));
}

export interface RecordedIncident { id: string; createdAt: string; acts: string[] }

export type ReassessmentReason = 'never_assessed' | 'serious_incident' | 'review_date';

export interface Reassessment {
  due: boolean;
  reasons: ReassessmentReason[];
  /** serious incidents recorded since the last assessment (all of them when there is none) */
  incidents: string[];
}

/**
 * `last`: the latest assessment (when it was made, its review day); `today`: YYYY-MM-DD.
 * Without any assessment and without a serious incident nothing is due: most people recorded are
 * never assessed, and asking for all of them would drown the ones that matter.
 */
export function reassessment(last: { assessedAt: string; nextReview?: string | undefined } | undefined, incidents: RecordedIncident[], today: string): Reassessment {
  const serious = incidents.filter((i) => i.acts.some(isSeriousAct) && (!last || i.createdAt > last.assessedAt)).map((i) => i.id);
  const reasons: ReassessmentReason[] = [];
  if (serious.length) reasons.push(last ? 'serious_incident' : 'never_assessed');
  if (last?.nextReview && last.nextReview <= today) reasons.push('review_date');
  return { due: reasons.length > 0, reasons, incidents: serious };
}
