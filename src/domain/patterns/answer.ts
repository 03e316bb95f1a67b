/** What the API answers for pattern flags (over a search, or one person's page), with labels for what the flags name. */
import type { PatternFlag } from './index.js';
import type { PatternSettings } from './settings.js';

export interface PatternAnswer {
  flags: PatternFlag[];
  /** the people and organisations the flags name: kind and pseudonym (never a real name) */
  actors: Record<string, { kind: string; pseudonym: string }>;
  /** the incidents the flags cite: their reference (INC-000123) and earliest day */
  incidentLabels: Record<string, { ref: string; day: string | null }>;
  /** incidents looked at */
  incidents: number;
  /** more incidents matched than were looked at: narrow the search */
  truncated: boolean;
  settings: PatternSettings;
}
