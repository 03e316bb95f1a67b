/** An urgent case and its campaigns as the API returns them (the web app reads the same types). */
import type { StepCode, UrgentKind, UrgentOutcome } from './checklist.js';
import type { CampaignActionKind, CampaignOutcome } from './campaign.js';

export interface PersonRef { id: string; displayName: string }

export interface UrgentStepView {
  id: string;
  code: StepCode;
  /** a custom step's own words */
  label?: string;
  dueAt?: string;
  doneAt?: string;
  doneBy?: PersonRef;
  note?: string;
  /** not done and its deadline passed (at the time of reading) */
  overdue: boolean;
}

export interface UrgentNoteView { id: string; at: string; author: PersonRef; body: string }

export interface CampaignActionView { date?: string; kind: CampaignActionKind; description?: string }

export interface CampaignView {
  id: string;
  caseId: string | null;
  title: string;
  started?: string;
  ended?: string;
  outcome?: CampaignOutcome;
  actions: CampaignActionView[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What a case's page and a list line both show: no title, no names — the incident's reference only. */
interface UrgentCaseHeadView {
  id: string;
  ref: string;
  incidentId: string;
  incidentRef: string;
  kind: UrgentKind;
  status: 'open' | 'closed';
  owner: PersonRef;
  openedAt: string;
  /** day N, counted at reading time (or up to the closing day) */
  dayCount: number;
  closedAt?: string;
  outcome?: UrgentOutcome;
}

export interface UrgentCaseView extends UrgentCaseHeadView {
  closingNote?: string;
  /** in recorded order; `overdue` as of reading */
  steps: UrgentStepView[];
  /** newest first */
  notes: UrgentNoteView[];
  campaigns: CampaignView[];
  version: number;
  /** the reader may change it (response.write, and it is still open) */
  canWrite: boolean;
}

/** One case in a list, with its checklist counted. */
export interface UrgentCaseSummary extends UrgentCaseHeadView {
  steps: number;
  done: number;
  overdueCount: number;
  nextDueAt?: string;
}
