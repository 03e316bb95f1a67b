/** What the check-in API answers: the domain's own views (src/domain/checkin/plan.ts), as types only. */
import type { CheckinPlanView, CheckInAnswer } from '../../../domain/checkin/plan';

export type { CheckInAnswer };
export type CheckinPlan = CheckinPlanView;

export interface CheckinList {
  items: CheckinPlan[];
  hasDuressCode: boolean;
}
