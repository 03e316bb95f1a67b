/** Pure pattern detectors over incidents: repeated targeting, escalation, cross-border chains, co-perpetrators. */
export type { PatternIncident, PatternAct, PatternPerpetrator } from './pattern-incident.js';
export type { PatternAnswer } from './answer.js';
export { repeatedTargeting, type RepeatedTargetingFlag } from './repeated-targeting.js';
export { escalation, type EscalationFlag, type EscalationStep } from './escalation.js';
export { crossBorder, type CrossBorderFlag } from './cross-border.js';
export { coPerpetrators, type CoPerpetratorsFlag } from './co-perpetrators.js';
export { perpetratorCountry, perpetratorAtLevel, type PerpetratorLevel } from './perpetrators.js';
export { previousPeriod, percentChange } from './period.js';
export {
  patternSettingsSchema,
  escalationStageSchema,
  DEFAULT_PATTERN_SETTINGS,
  DEFAULT_ESCALATION_STAGES,
  type PatternSettings,
  type EscalationStage,
  type RepeatedTargetingSettings,
  type EscalationSettings,
  type CrossBorderSettings,
  type CoPerpetratorsSettings,
} from './settings.js';

import type { RepeatedTargetingFlag } from './repeated-targeting.js';
import type { EscalationFlag } from './escalation.js';
import type { CrossBorderFlag } from './cross-border.js';
import type { CoPerpetratorsFlag } from './co-perpetrators.js';

/** Any flag a detector returns; `kind` tells which. */
export type PatternFlag = RepeatedTargetingFlag | EscalationFlag | CrossBorderFlag | CoPerpetratorsFlag;
