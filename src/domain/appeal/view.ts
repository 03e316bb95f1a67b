/** An urgent appeal as the API returns it: its metadata in lists, the letter and the answer's note when one is read. */
import type { AnswerChannel, AppealLang, ProtectionBody, SendChannel } from './bodies.js';
import type { IncludedItem, WithheldItem } from './facts.js';

export interface AppealSummary {
  id: string;
  caseId: string;
  body: ProtectionBody;
  lang: AppealLang;
  version: number;
  createdAt: string;
  /** the drafter's display name */
  createdBy: string;
  updatedAt: string;
  sentAt?: string;
  sentHow?: SendChannel;
  answeredAt?: string;
  answerHow?: AnswerChannel;
}

export interface AppealView extends AppealSummary {
  letter: string;
  answerNote?: string;
  /** what the draft was filled with, and what was left out and why (as drafted; the letter may have been edited since) */
  included: IncludedItem[];
  withheld: WithheldItem[];
}
