/**
 * Campaigns for a detained or threatened defender (issue 6): a title, when it ran, its actions
 * (each a kind, a date as precise as known and what was done) and how it ended. Fixed lists; labels
 * in the web catalogues ("urgent.action.statement" …). No zod here (the web app imports these).
 */

export const CAMPAIGN_ACTION_KINDS = [
  'statement',
  'public_letter',
  'petition',
  'social_media',
  'press_conference',
  'demonstration',
  'meeting_authorities',
  'diplomatic',
  'international_body',
  'other',
] as const;
export type CampaignActionKind = (typeof CAMPAIGN_ACTION_KINDS)[number];

/** How a campaign ended (none while it runs). */
export const CAMPAIGN_OUTCOMES = ['achieved', 'partly_achieved', 'not_achieved', 'abandoned'] as const;
export type CampaignOutcome = (typeof CAMPAIGN_OUTCOMES)[number];

export const MAX_CAMPAIGN_ACTIONS = 100;
