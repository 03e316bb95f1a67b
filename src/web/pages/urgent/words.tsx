/**
 * The words the urgent pages share: kinds, steps, outcomes, campaign actions in the reader's
 * language; the status line with its day counter ("Sigue sin aparecer — día 23"); deadlines as
 * relative and absolute time; the "Vencido" mark (words and a sign, never colour alone).
 */
import { lang, t } from '../../i18n/i18n';
import { dateTime } from '../../lib/format';
import type { StepCode, UrgentKind, UrgentOutcome } from '../../../domain/urgent/checklist';
import type { CampaignActionKind, CampaignOutcome } from '../../../domain/urgent/campaign';
import type { UrgentCaseSummary, UrgentStepView } from '../../../domain/urgent/view';

const KIND = {
  disappearance: 'urgent.kind.disappearance',
  kidnapping: 'urgent.kind.kidnapping',
  detention: 'urgent.kind.detention',
  imminent_threat: 'urgent.kind.imminent_threat',
  attack: 'urgent.kind.attack',
} as const;
const KIND_HINT = {
  disappearance: 'urgent.kindHint.disappearance',
  kidnapping: 'urgent.kindHint.kidnapping',
  detention: 'urgent.kindHint.detention',
  imminent_threat: 'urgent.kindHint.imminent_threat',
  attack: 'urgent.kindHint.attack',
} as const;
const STEP = {
  alert_network: 'urgent.step.alert_network',
  family_contact: 'urgent.step.family_contact',
  locate_person: 'urgent.step.locate_person',
  search_report: 'urgent.step.search_report',
  habeas_corpus: 'urgent.step.habeas_corpus',
  security_plan: 'urgent.step.security_plan',
  medical_care: 'urgent.step.medical_care',
  mechanism_protection: 'urgent.step.mechanism_protection',
  iachr_precautionary: 'urgent.step.iachr_precautionary',
  un_special_procedures: 'urgent.step.un_special_procedures',
  consular_contact: 'urgent.step.consular_contact',
  legal_accompaniment: 'urgent.step.legal_accompaniment',
  press_statement: 'urgent.step.press_statement',
  custom: 'urgent.step.custom',
} as const;
const OUTCOME = {
  released: 'urgent.outcome.released',
  found_alive: 'urgent.outcome.found_alive',
  found_dead: 'urgent.outcome.found_dead',
  deported: 'urgent.outcome.deported',
  prosecuted: 'urgent.outcome.prosecuted',
  safe: 'urgent.outcome.safe',
  threat_ceased: 'urgent.outcome.threat_ceased',
  referred: 'urgent.outcome.referred',
  contact_lost: 'urgent.outcome.contact_lost',
  other: 'urgent.outcome.other',
} as const;
const ACTION = {
  statement: 'urgent.action.statement',
  public_letter: 'urgent.action.public_letter',
  petition: 'urgent.action.petition',
  social_media: 'urgent.action.social_media',
  press_conference: 'urgent.action.press_conference',
  demonstration: 'urgent.action.demonstration',
  meeting_authorities: 'urgent.action.meeting_authorities',
  diplomatic: 'urgent.action.diplomatic',
  international_body: 'urgent.action.international_body',
  other: 'urgent.action.other',
} as const;
const CAMPAIGN_OUTCOME = {
  achieved: 'urgent.campaignOutcome.achieved',
  partly_achieved: 'urgent.campaignOutcome.partly_achieved',
  not_achieved: 'urgent.campaignOutcome.not_achieved',
  abandoned: 'urgent.campaignOutcome.abandoned',
} as const;

/** every key named above, for the catalogue test */
export const URGENT_WORD_KEYS = { KIND, KIND_HINT, STEP, OUTCOME, ACTION, CAMPAIGN_OUTCOME };

export const kindName = (k: UrgentKind) => t(KIND[k]);
export const kindHint = (k: UrgentKind) => t(KIND_HINT[k]);
export const outcomeName = (o: UrgentOutcome) => t(OUTCOME[o]);
export const actionName = (k: CampaignActionKind) => t(ACTION[k]);
export const campaignOutcomeName = (o: CampaignOutcome) => t(CAMPAIGN_OUTCOME[o]);
export const codeName = (c: StepCode) => t(STEP[c]);
/** A step's name: its own words for a custom step. */
export const stepName = (s: Pick<UrgentStepView, 'code' | 'label'>) => (s.code === 'custom' && s.label ? s.label : codeName(s.code));

/** The status line: how long it has been, in the words of its kind; a closed case says how it ended. */
export function statusLine(c: Pick<UrgentCaseSummary, 'kind' | 'status' | 'dayCount' | 'outcome'>): string {
  if (c.status === 'closed') return t('urgent.status.closed', { outcome: c.outcome ? outcomeName(c.outcome) : '', day: c.dayCount });
  if (c.kind === 'disappearance' || c.kind === 'kidnapping') return t('urgent.status.missing', { day: c.dayCount });
  if (c.kind === 'detention') return t('urgent.status.detained', { day: c.dayCount });
  return t('urgent.status.open', { day: c.dayCount });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000]];

/** "en 3 horas", "hace 2 días": the largest whole unit. */
export function relativeTime(iso: string, now = Date.now()): string {
  const diff = Date.parse(iso) - now;
  const f = new Intl.RelativeTimeFormat(lang() === 'es' ? 'es-MX' : 'en-US', { numeric: 'auto' });
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return f.format(Math.trunc(diff / ms), unit);
  return f.format(0, 'minute');
}

/** A deadline, relative and absolute: "en 3 horas (5 mar 2026, 14:00)". */
export function deadlineText(iso: string): string {
  return t('urgent.case.due', { relative: relativeTime(iso), absolute: dateTime(iso) });
}

export function OverdueMark() {
  return (
    <span class="urgent-overdue">
      <span aria-hidden="true">⚠ </span>
      {t('urgent.case.overdue')}
    </span>
  );
}

/** A partial date typed as YYYY, YYYY-MM or YYYY-MM-DD, or empty. */
export const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
