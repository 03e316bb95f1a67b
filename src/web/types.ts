/**
 * Shapes of the API's answers. Those the server defines (src/domain/**, the presenter) are
 * imported from there, type-only — erased from the bundle — so the two can never drift apart.
 * Declared here are only answers that routes and services assemble without a domain type.
 */
import type { Lang } from './i18n/i18n';
import type { IncidentView as StoredIncident } from '../domain/incident/view';
import type { ActorView as StoredActor } from '../domain/actor/view';
import type { ActorInput } from '../domain/actor/schema';
import type { IncidentInput } from '../domain/incident/schema';
import type { SearchQuery as FullSearchQuery } from '../domain/incident/search-query';
import type { Country, PlacesData } from '../domain/places/places';
import type { Scheme, Term } from '../domain/vocabulary/vocabulary';
import type { FieldChange } from '../domain/incident/history';
import type { Role, Permission } from '../domain/user/roles';
import type { Presented } from '../http/presenters/redact';
import type { BreakdownQuery } from '../domain/stats/breakdown';
import type { ComparisonQuery } from '../domain/stats/comparison';
import type { EvidenceSummary } from '../domain/evidence/evidence';

export type { FuzzyDate } from '../domain/dates';
export type { Place } from '../domain/incident/schema';
export type { SearchFacet, SearchHit, SearchResult } from '../domain/incident/search-query';
export type { FieldProblem } from '../domain/incident/check-codes';
export type { Country, Crossing, Locality, State } from '../domain/places/places';
export type { Scheme, Term, Labels } from '../domain/vocabulary/vocabulary';
export type { ActorInput, IncidentInput, Role, Permission, EvidenceSummary };
export type { Breakdown, BreakdownDimension, BreakdownSeries, Granularity } from '../domain/stats/breakdown';
export type { Comparison, ComparisonRow } from '../domain/stats/comparison';
export type { PatternAnswer } from '../domain/patterns/answer';
export type { CaptureMetadata, Consent, ConsentValue, CustodyAction, CustodyEntry, CustodyPurpose, EvidenceDetail, EvidenceKind, EvidenceUse, OnlineCapture, Platform } from '../domain/evidence/evidence';
export type { PatternFlag, PatternSettings, EscalationStage, RepeatedTargetingFlag, EscalationFlag, CrossBorderFlag, CoPerpetratorsFlag } from '../domain/patterns/index';

/**
 * An incident as GET/POST/PUT answer it: identifying values left out, their paths listed in
 * `masked` (revealed one by one, audited) or `redacted` (not for this role). `?for=edit` answers
 * carry the values and neither list.
 */
export type IncidentView = Presented<StoredIncident> & { canEdit?: boolean };
export type ActorView = Presented<StoredActor>;

export type ProtectionMeasure = ActorInput['protectionMeasures'][number];
export type ConsentUse = keyof IncidentInput['sources'][number]['consent'];
/** The consent questions in the order the form asks them (the Record makes the list complete). */
const CONSENT_ORDER: Record<ConsentUse, true> = { internal_analysis: true, share_partners: true, anonymous_publication: true, named_publication: true, legal_action: true };
export const CONSENT_USES = Object.keys(CONSENT_ORDER) as ConsentUse[];
export type CountField = keyof NonNullable<IncidentInput['counts']>;
/** How many people an incident touched, in the order the form asks (the Record makes the list complete). */
const COUNT_ORDER: Record<CountField, true> = { dead: true, missing: true, survivors: true, women: true, men: true, children: true };
export const COUNT_FIELDS = Object.keys(COUNT_ORDER) as CountField[];

/** The search the list page keeps in memory (`facets` is left to the server's default). */
export type SearchQuery = Omit<FullSearchQuery, 'facets'>;

/** A search's words and filters alone (what the dashboard's counts take). */
export type StatsFilters = Omit<SearchQuery, 'sort' | 'page' | 'pageSize'>;
/** POST /api/v1/stats/breakdown */
export type BreakdownRequest = StatsFilters & Pick<BreakdownQuery, 'dimension' | 'granularity'>;
/** POST /api/v1/stats/compare (the periods are its own: no from/to) */
export type ComparisonRequest = Omit<StatsFilters, 'from' | 'to'> & Pick<ComparisonQuery, 'dimension' | 'since' | 'until'>;

export interface Vocabularies {
  schemes: Scheme[];
  terms: Term[];
}

export type Places = PlacesData & { world: Country[] };

// ——— answers assembled by routes and services (no domain type to import) ———


export interface Status {
  state: 'uninitialised' | 'sealed' | 'unsealed';
  version?: string;
  webSetup: boolean;
  /** whether this browser's session cookie is a live session (so the app asks for it only then) */
  signedIn: boolean;
  workspace?: { name: string; defaultLang: string };
}

export interface Session {
  user: {
    id: string; email: string; displayName: string; role: Role; orgId: string; lang: Lang | null; mustChangePassword: boolean;
    /** enrolled: has an authenticator app; required: their role must have one (until enrolled, only enrolment is open) */
    secondFactor: { enrolled: boolean; required: boolean };
  };
  permissions: Permission[];
  /** free-text fields this workspace treats as identifying (see the admin page) */
  identifyingFields?: string[];
  csrf: string;
}

/** GET /api/v1/me/second-factor */
export interface SecondFactorStatus {
  enrolled: boolean;
  enrolledAt: string | null;
  required: boolean;
  recoveryCodesLeft: number;
}

/** One open session as GET /api/v1/me/sessions and /api/v1/users/:id/sessions list it. */
export interface SessionView {
  handle: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  device: string | null;
  secondFactor: boolean;
  current: boolean;
}

/** GET /api/v1/security/role-policies */
export interface RolePolicyView {
  role: Role;
  requireSecondFactor: boolean;
  accounts: number;
  enrolled: number;
}

export interface Revision {
  version: number;
  at: string;
  userId: string;
  userName: string | null;
  changes: FieldChange[];
}

export interface ActorListItem {
  id: string;
  kind: ActorInput['kind'];
  pseudonym: string;
  role: string | null;
  orgType: string | null;
  country: string | null;
  incidents: number;
}

/** One incident in a person's page (public place only). */
export interface ActorIncident {
  id: string;
  ref: string;
  title: string;
  dateStart: string | null;
  dateEnd: string | null;
  dateApprox: boolean;
  country: string | null;
  state: string | null;
  locality: string | null;
  crossing: string | null;
  routeSegment: string | null;
  status: string;
  acts: string[];
}

export interface DraftSummary {
  id: string;
  incidentId: string | null;
  updatedAt: string;
  title: string;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  orgId: string;
  disabled: boolean;
  mustChangePassword: boolean;
  lang: Lang | null;
  lastLoginAt: string | null;
  createdAt: string;
  /** has an authenticator app set up */
  secondFactor: boolean;
}

/** GET /api/v1/incidents/:id/evidence and /api/v1/actors/:id/evidence; mayOpen: the reader has identifying access there */
export interface EvidenceList {
  items: EvidenceSummary[];
  mayOpen: boolean;
}

/** GET /api/v1/evidence/signing-key: the organisation's bundle-signing key (its fingerprint is shared out of band) */
export interface SigningKeyView {
  algorithm: string;
  publicKeyPem: string;
  fingerprint: string;
  createdAt: string;
}
