/**
 * The pattern flags in words: the kinds in the order the pages show them, their headings, the
 * one-sentence explanation with the workspace's current thresholds, and the escalation stages'
 * names (the default stages translated, custom ones as saved). No dashboard code here: the person
 * page imports this too.
 */
import { t } from '../../i18n/i18n';
import type { EscalationStage, PatternFlag, PatternSettings } from '../../types';

export type FlagKind = PatternFlag['kind'];

// (A Record keyed by the API's union: a kind added on the server is a type error here until worded.)
const KIND_ORDER: Record<FlagKind, true> = { repeated_targeting: true, escalation: true, cross_border: true, co_perpetrators: true };
export const FLAG_KINDS = Object.keys(KIND_ORDER) as FlagKind[];

export function kindHeading(k: FlagKind): string {
  switch (k) {
    case 'repeated_targeting': return t('patterns.kind.repeated');
    case 'escalation': return t('patterns.kind.escalation');
    case 'cross_border': return t('patterns.kind.crossBorder');
    case 'co_perpetrators': return t('patterns.kind.coPerpetrators');
  }
}

/** A stage's name: the three default stages in the reader's language, any other name as saved. */
export function stageName(stage: EscalationStage | undefined, index: number): string {
  if (!stage) return t('patterns.stage.numbered', { n: index + 1 });
  switch (stage.name) {
    case 'watching': return t('patterns.stage.watching');
    case 'threatening': return t('patterns.stage.threatening');
    case 'attacking': return t('patterns.stage.attacking');
    default: return stage.name;
  }
}

/** Stage numbers as a flag gives them (1-based) → "Vigilancia → Amenazas → Ataques". */
export function stagePath(stages: number[], s: PatternSettings): string {
  return stages.map((n) => stageName(s.escalation.stages[n - 1], n - 1)).join(' → ');
}

/** What a kind of flag means, with the thresholds in force. */
export function kindExplanation(k: FlagKind, s: PatternSettings): string {
  switch (k) {
    case 'repeated_targeting':
      return t('patterns.explain.repeated', { n: s.repeatedTargeting.minIncidents, days: s.repeatedTargeting.windowDays });
    case 'escalation':
      return t('patterns.explain.escalation', { n: s.escalation.minSteps, days: s.escalation.windowDays, stages: s.escalation.stages.map((x, i) => stageName(x, i)).join(' → ') });
    case 'cross_border':
      return t('patterns.explain.crossBorder', { days: s.crossBorder.windowDays });
    case 'co_perpetrators':
      return s.coPerpetrators.level === 'country'
        ? t('patterns.explain.coPerpetratorsCountry', { n: s.coPerpetrators.minIncidents })
        : t('patterns.explain.coPerpetrators', { n: s.coPerpetrators.minIncidents });
  }
}
