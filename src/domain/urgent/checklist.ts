/**
 * Urgent cases (issue 6, ADR 0018): the fixed lists — kinds of emergency, checklist steps, the
 * checklist each kind starts with (default deadlines in hours from opening), outcomes — and the
 * rules about deadlines: when a step is overdue, the order a checklist is shown in (overdue
 * first). No zod here, so the web app can import these lists without the schemas; labels live in
 * the web catalogues ("urgent.kind.detention" …).
 */

export const URGENT_KINDS = ['disappearance', 'kidnapping', 'detention', 'imminent_threat', 'attack'] as const;
export type UrgentKind = (typeof URGENT_KINDS)[number];

/** Steps of a response; 'custom' carries its own (sealed) label. */
export const STEP_CODES = [
  'alert_network',
  'family_contact',
  'locate_person',
  'search_report',
  'habeas_corpus',
  'security_plan',
  'medical_care',
  'mechanism_protection',
  'iachr_precautionary',
  'un_special_procedures',
  'consular_contact',
  'legal_accompaniment',
  'press_statement',
  'custom',
] as const;
export type StepCode = (typeof STEP_CODES)[number];

export interface PresetStep {
  code: Exclude<StepCode, 'custom'>;
  /** default deadline, in hours after the case is opened */
  dueInHours: number;
}

/**
 * The checklist each kind starts with, in the order it is worked, with default deadlines from
 * the protection networks' practice: the network within the hour, the family and the search
 * within hours, the national Mechanism within a day, the Inter-American Commission and the UN
 * special procedures (WGEID for disappearances, WGAD for detentions) within days. A press
 * statement comes later where it could endanger someone held by a criminal group.
 */
export const PRESETS: Readonly<Record<UrgentKind, readonly PresetStep[]>> = {
  disappearance: [
    { code: 'alert_network', dueInHours: 1 },
    { code: 'family_contact', dueInHours: 2 },
    { code: 'locate_person', dueInHours: 6 },
    { code: 'search_report', dueInHours: 12 },
    { code: 'legal_accompaniment', dueInHours: 24 },
    { code: 'mechanism_protection', dueInHours: 24 },
    { code: 'consular_contact', dueInHours: 24 },
    { code: 'press_statement', dueInHours: 48 },
    { code: 'iachr_precautionary', dueInHours: 72 },
    { code: 'un_special_procedures', dueInHours: 72 },
  ],
  kidnapping: [
    { code: 'alert_network', dueInHours: 1 },
    { code: 'family_contact', dueInHours: 2 },
    { code: 'search_report', dueInHours: 12 },
    { code: 'legal_accompaniment', dueInHours: 24 },
    { code: 'mechanism_protection', dueInHours: 24 },
    { code: 'consular_contact', dueInHours: 24 },
    { code: 'iachr_precautionary', dueInHours: 72 },
    { code: 'un_special_procedures', dueInHours: 96 },
    { code: 'press_statement', dueInHours: 96 },
  ],
  detention: [
    { code: 'alert_network', dueInHours: 1 },
    { code: 'locate_person', dueInHours: 4 },
    { code: 'legal_accompaniment', dueInHours: 6 },
    { code: 'family_contact', dueInHours: 6 },
    { code: 'habeas_corpus', dueInHours: 24 },
    { code: 'consular_contact', dueInHours: 24 },
    { code: 'mechanism_protection', dueInHours: 48 },
    { code: 'press_statement', dueInHours: 48 },
    { code: 'un_special_procedures', dueInHours: 72 },
    { code: 'iachr_precautionary', dueInHours: 96 },
  ],
  imminent_threat: [
    { code: 'alert_network', dueInHours: 1 },
    { code: 'security_plan', dueInHours: 6 },
    { code: 'family_contact', dueInHours: 12 },
    { code: 'mechanism_protection', dueInHours: 24 },
    { code: 'legal_accompaniment', dueInHours: 48 },
    { code: 'iachr_precautionary', dueInHours: 72 },
    { code: 'press_statement', dueInHours: 72 },
    { code: 'un_special_procedures', dueInHours: 96 },
  ],
  attack: [
    { code: 'alert_network', dueInHours: 1 },
    { code: 'medical_care', dueInHours: 1 },
    { code: 'security_plan', dueInHours: 2 },
    { code: 'family_contact', dueInHours: 4 },
    { code: 'mechanism_protection', dueInHours: 12 },
    { code: 'legal_accompaniment', dueInHours: 24 },
    { code: 'press_statement', dueInHours: 24 },
    { code: 'iachr_precautionary', dueInHours: 72 },
    { code: 'un_special_procedures', dueInHours: 96 },
  ],
};

/** How a case ended. */
export const URGENT_OUTCOMES = [
  'released',
  'found_alive',
  'found_dead',
  'deported',
  'prosecuted',
  'safe',
  'threat_ceased',
  'referred',
  'contact_lost',
  'other',
] as const;
export type UrgentOutcome = (typeof URGENT_OUTCOMES)[number];

/** The longest deadline a step may have, in hours (a year). */
export const MAX_DUE_HOURS = 8760;

/** A deadline `hours` after `from` (ISO instants). */
export function dueAfter(from: string, hours: number): string {
  return new Date(Date.parse(from) + hours * 3_600_000).toISOString();
}

export interface StepState {
  dueAt?: string | null | undefined;
  doneAt?: string | null | undefined;
}

/** A step is overdue when it is not done and its deadline is now or past. */
export function isOverdue(step: StepState, now: string): boolean {
  return !step.doneAt && !!step.dueAt && Date.parse(step.dueAt) <= Date.parse(now);
}

/** 0 overdue, 1 pending with a deadline, 2 pending without one, 3 done. */
function band(step: StepState, now: string): number {
  if (step.doneAt) return 3;
  if (!step.dueAt) return 2;
  return isOverdue(step, now) ? 0 : 1;
}

/**
 * The order a checklist is shown in: overdue steps first (the longest overdue first), then the
 * pending ones by deadline, then those without a deadline, then the done ones — each band in its
 * recorded order when the deadlines tie. Stable and total: the same steps always give the same list.
 */
export function checklistOrder<S extends StepState & { ordinal: number }>(steps: readonly S[], now: string): S[] {
  return [...steps].sort((a, b) => {
    const ba = band(a, now);
    const bb = band(b, now);
    if (ba !== bb) return ba - bb;
    if (ba <= 1) {
      const d = Date.parse(a.dueAt!) - Date.parse(b.dueAt!);
      if (d !== 0) return d;
    }
    return a.ordinal - b.ordinal;
  });
}

/** The overdue steps and the next deadline still ahead, for lists. */
export function deadlineSummary(steps: readonly StepState[], now: string): { overdue: number; nextDueAt: string | undefined } {
  let overdue = 0;
  let next: string | undefined;
  for (const s of steps) {
    if (s.doneAt || !s.dueAt) continue;
    if (isOverdue(s, now)) overdue++;
    else if (next === undefined || Date.parse(s.dueAt) < Date.parse(next)) next = s.dueAt;
  }
  return { overdue, nextDueAt: next };
}
