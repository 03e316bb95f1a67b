/**
 * A case study: what a published report may show of one incident, built field by field from an
 * explicit allow-list — never "the incident minus its identifying fields" (ADR 0017):
 *  - the heading (the author's, or the incident's title) and the summary unless the workspace marks
 *    summaries identifying — either left out when it contains one of the incident's identifying
 *    values (a real name typed into a title);
 *  - the date coarsened to the month (or the year, by the open-data rules), the place coarsened to
 *    the state or a gazetteer municipality at most (never the private point or address);
 *  - kinds of act and perpetrator codes (kinds and institutions; never identified individuals);
 *  - victims: people by pseudonym with four profile codes; organisations by their type only;
 *  - testimony excerpts only from sources whose consent to anonymous publication is 'given', each
 *    a passage of that testimony, refused when it holds an identifying value of the incident.
 */
import type { IncidentView } from '../incident/view.js';
import { incidentIdentifying, type Marked } from '../incident/identifying.js';
import { coarsenPlace, type CoarsePlace } from '../publication/coarse-place.js';
import { coarsenDate, type CoarseDate } from '../publication/coarse-date.js';
import type { OpenDataSettings } from '../publication/settings.js';
import type { FieldProblem } from '../incident/check-codes.js';
import type { CaseStudySpec } from './spec.js';
import { publicationConsent } from './consent.js';

export interface CaseVictim {
  kind: 'person' | 'organisation';
  /** people only: the pseudonym recorded for them */
  pseudonym?: string;
  role?: string;
  genderIdentity?: string;
  lgbti?: string;
  migrationStatus?: string;
  /** organisations only: their type (shelter, legal aid …), never their name */
  orgType?: string;
}

export interface CaseExcerpt {
  /** the source's pseudonym, when recorded */
  source?: string;
  text: string;
  whole: boolean;
}

export interface CaseStudy {
  /** null: the title held an identifying value; the report numbers the case instead */
  heading: string | null;
  summary?: string;
  date: CoarseDate;
  place: CoarsePlace;
  acts: string[];
  perpetrators: string[];
  victims: CaseVictim[];
  excerpts: CaseExcerpt[];
}

export type CaseSettings = Pick<OpenDataSettings, 'placeLevel' | 'dateLevel' | 'yearForActs'>;

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The incident's identifying values as text (names, contacts, addresses, identified perpetrators, marked fields), testimonies aside. */
export function identifyingTexts(inc: IncidentView, marked: Marked): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) add(x);
  };
  for (const e of incidentIdentifying(inc, marked)) if (!/^sources\[\d+\]\.testimony$/.test(e.path)) add(e.value);
  return out.map(fold).filter((s) => s.length >= 3);
}

export function holdsIdentifying(text: string, identifying: readonly string[]): boolean {
  const t = fold(text);
  return identifying.some((v) => t.includes(v));
}

function victimOf(a: IncidentView['victims'][number]['actor']): CaseVictim {
  if (a.kind === 'organisation') return { kind: 'organisation', ...(a.orgType ? { orgType: a.orgType } : {}) };
  return {
    kind: 'person',
    pseudonym: a.pseudonym,
    ...(a.role ? { role: a.role } : {}),
    ...(a.genderIdentity ? { genderIdentity: a.genderIdentity } : {}),
    ...(a.lgbti ? { lgbti: a.lgbti } : {}),
    ...(a.migrationStatus ? { migrationStatus: a.migrationStatus } : {}),
  };
}

/**
 * The case study of `inc` as `spec` asks, or the problems that refuse it (paths under `at`, e.g.
 * "caseStudies[0]"). The caller has checked that the author may see the incident and that its
 * confidentiality may be published.
 */
export function projectCaseStudy(inc: IncidentView, spec: CaseStudySpec, marked: Marked, s: CaseSettings, at: string): { study?: CaseStudy; problems: FieldProblem[] } {
  const identifying = identifyingTexts(inc, marked);
  const problems: FieldProblem[] = [];
  const excerpts: CaseExcerpt[] = [];
  spec.excerpts.forEach((x, j) => {
    const path = `${at}.excerpts[${j}]`;
    const source = inc.sources.find((src) => src.id === x.sourceId);
    const consent = source ? publicationConsent(source) : null;
    if (!source || !consent) return problems.push({ path: `${path}.sourceId`, message: 'is not a source of this incident', code: 'not_a_source' });
    if (!consent.allowed) return problems.push({ path: `${path}.sourceId`, message: `this source's consent to anonymous publication is "${consent.value}": its testimony is never published`, code: 'no_publication_consent' });
    if (source.testimony === undefined) return problems.push({ path: `${path}.sourceId`, message: 'this source has no testimony', code: 'no_testimony' });
    const whole = x.text === undefined;
    const quoted = collapse(x.text ?? source.testimony);
    if (!whole && !collapse(source.testimony).includes(quoted)) return problems.push({ path: `${path}.text`, message: 'is not a passage of this testimony (copy it exactly)', code: 'not_in_testimony' });
    if (holdsIdentifying(quoted, identifying)) return problems.push({ path: `${path}.text`, message: 'holds an identifying value of this incident (a name, a contact, an address …): choose another passage', code: 'identifying_excerpt' });
    excerpts.push({ ...(source.pseudonym ? { source: source.pseudonym } : {}), text: quoted, whole });
  });
  if (problems.length) return { problems };
  const heading = spec.heading ?? inc.title;
  const summaryAllowed = spec.includeSummary && !marked.has('summary') && inc.summary !== undefined && !holdsIdentifying(inc.summary, identifying);
  const study: CaseStudy = {
    heading: holdsIdentifying(heading, identifying) ? null : heading,
    ...(summaryAllowed ? { summary: inc.summary! } : {}),
    date: coarsenDate({ date: { start: inc.date?.start ?? null, end: inc.date?.end ?? null, approximate: inc.date?.approximate ?? false }, acts: inc.acts.map((a) => ({ kind: a.kind, root: a.kind.split('.')[0]!, victim: null })) }, s),
    place: coarsenPlace({ precision: inc.place.precision, country: inc.place.country ?? null, state: inc.place.state ?? null, locality: inc.place.locality ?? null, crossing: inc.place.crossing ?? null }, s.placeLevel),
    acts: [...new Set(inc.acts.map((a) => a.kind))],
    perpetrators: [...new Set(inc.acts.flatMap((a) => a.perpetrators.map((p) => p.perpetrator)))],
    victims: inc.victims.map((v) => victimOf(v.actor)),
    excerpts,
  };
  return { study, problems };
}
