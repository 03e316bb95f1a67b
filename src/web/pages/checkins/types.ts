/** What the check-in API answers (src/domain/checkin/plan.ts). */
export interface CheckinPlan {
  id: string;
  ref: string;
  purpose?: string;
  firstDueAt: string;
  everyMinutes?: number;
  endsAt?: string;
  graceMinutes: number;
  nextDueAt: string | null;
  status: 'active' | 'ended';
  escalated: boolean;
  contacts: { id: string; displayName: string }[];
  last: { at: string }[];
}

export interface CheckinList {
  items: CheckinPlan[];
  hasDuressCode: boolean;
}

export interface CheckInAnswer {
  at: string;
  nextDueAt: string | null;
  status: 'active' | 'ended';
}
