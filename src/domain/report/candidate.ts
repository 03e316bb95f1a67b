/**
 * What the report page shows an author about an incident they might use as a case study, before
 * choosing it: whether it may be published at all, whether its summary will appear, and each
 * source with whether its testimony may be quoted and why not. A testimony's text is given only
 * when its consent to anonymous publication is 'given' — that is the text a report may quote — and
 * only to a reader who may read this incident's identifying values (their role, or a share that
 * grants them): a testimony can name people nobody recorded as identifying, and analysts and
 * viewers never read testimonies otherwise.
 */
import type { IncidentView } from '../incident/view.js';
import type { Marked } from '../incident/identifying.js';
import { publicationConsent } from './consent.js';

export type CandidateRefusal = 'restricted' | 'not_publishable';

export interface CandidateSource {
  id: string;
  kind: string;
  pseudonym?: string;
  consent: string;
  allowed: boolean;
  /** why it cannot be quoted: 'consent' (not given), 'no_testimony', or 'identifying_access' (the reader may not read this incident's testimonies) */
  reason?: 'consent' | 'no_testimony' | 'identifying_access';
  /** only when allowed */
  testimony?: string;
}

export interface CaseCandidate {
  id: string;
  ref: string;
  title: string;
  confidentiality: string;
  /** null: may be used; otherwise why not */
  refusal: CandidateRefusal | null;
  summaryPublished: boolean;
  sources: CandidateSource[];
}

export function caseCandidate(inc: IncidentView, marked: Marked, publishable: readonly string[], mayReadIdentifying: boolean): CaseCandidate {
  const refusal: CandidateRefusal | null = inc.confidentiality === 'restricted' ? 'restricted' : publishable.includes(inc.confidentiality) ? null : 'not_publishable';
  return {
    id: inc.id,
    ref: inc.ref,
    title: inc.title,
    confidentiality: inc.confidentiality,
    refusal,
    summaryPublished: inc.summary !== undefined && !marked.has('summary'),
    sources: refusal ? [] : inc.sources.map((s) => {
      const c = publicationConsent(s);
      const base = { id: s.id, kind: s.kind, ...(s.pseudonym ? { pseudonym: s.pseudonym } : {}), consent: c.value };
      if (!c.allowed) return { ...base, allowed: false, reason: 'consent' as const };
      if (s.testimony === undefined) return { ...base, allowed: false, reason: 'no_testimony' as const };
      if (!mayReadIdentifying) return { ...base, allowed: false, reason: 'identifying_access' as const };
      return { ...base, allowed: true, testimony: s.testimony };
    }),
  };
}
