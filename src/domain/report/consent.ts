/**
 * Whether a source's testimony may be quoted in a published report: only when its consent to
 * 'anonymous_publication' is exactly 'given'. Refused, withdrawn, not asked, an unknown value or no
 * consent recorded at all: never.
 */
import type { IncidentView } from '../incident/view.js';

export interface PublicationConsent {
  /** the recorded value ('given', 'refused', 'not_asked', 'withdrawn' …; 'not_asked' when absent) */
  value: string;
  allowed: boolean;
}

export function publicationConsent(source: Pick<IncidentView['sources'][number], 'consent'>): PublicationConsent {
  const raw = (source.consent as Record<string, unknown> | undefined)?.['anonymous_publication'];
  const value = typeof raw === 'string' ? raw : 'not_asked';
  return { value, allowed: value === 'given' };
}
