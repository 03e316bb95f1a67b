/**
 * Which stored columns hold sealed identifying values. The legacy upgrade, the decrypt-and-scan
 * search and the at-rest tests read this list; the repositories seal exactly these.
 */
export const ACTOR_SEALED_COLUMNS = ['real_name', 'contact', 'private_address'] as const;

export const SEALED_COLUMNS = [
  { table: 'actors', column: 'real_name' },
  { table: 'actors', column: 'contact' },
  { table: 'actors', column: 'private_address' },
  { table: 'incidents', column: 'private_sealed' },
  { table: 'involvements', column: 'identified_individuals' },
  { table: 'sources', column: 'testimony' },
  { table: 'drafts', column: 'data' },
  { table: 'risk_assessments', column: 'body' },
  { table: 'appeals', column: 'letter' },
  { table: 'appeals', column: 'answer_note' },
  { table: 'urgent_cases', column: 'closing_note' },
  { table: 'urgent_steps', column: 'label' },
  { table: 'urgent_steps', column: 'note' },
  { table: 'urgent_notes', column: 'body' },
  { table: 'campaigns', column: 'title' },
  { table: 'campaign_actions', column: 'description' },
  { table: 'checkin_plans', column: 'purpose' },
] as const;
