/** Shapes of the API's answers, as the web app uses them (see src/domain/** on the server). */
import type { Lang } from './i18n/i18n';

export type Labels = Record<Lang, string>;

export interface Status {
  state: 'uninitialised' | 'sealed' | 'unsealed';
  version?: string;
  webSetup: boolean;
  workspace?: { name: string; defaultLang: string };
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: string;
  orgId: string;
  lang: string | null;
  mustChangePassword: boolean;
}

export interface Session {
  user: SessionUser;
  permissions: string[];
  csrf: string;
}

export interface Scheme {
  id: string;
  label: Labels;
  description: Labels | null;
}

export interface Term {
  scheme: string;
  code: string;
  parent: string | null;
  label: Labels;
  sort: number;
  retired: boolean;
  builtin: boolean;
}

export interface Vocabularies {
  schemes: Scheme[];
  terms: Term[];
}

export interface Country { code: string; name: Labels }
export interface State { code: string; country: string; name: Labels }
export interface Locality { name: string; state: string; country: string; lat: number; lon: number; shelterCity: boolean }
export interface Crossing { code: string; name: Labels; countries: string[]; states: string[]; kind: string }

export interface Places {
  countries: Country[];
  states: State[];
  localities: Locality[];
  crossings: Crossing[];
  world: Country[];
}

export interface FuzzyDate {
  start: string;
  end?: string;
  approximate?: boolean;
}

export interface PlaceView {
  precision: string;
  country?: string;
  state?: string;
  locality?: string;
  routeSegment?: string;
  crossing?: string;
  private?: { lat: number; lon: number; address?: string };
}

export interface ProtectionMeasure {
  id?: string;
  kind: string;
  status: string;
  reference?: string;
  granted?: string;
  expires?: string;
  includes?: string;
  notes?: string;
}

export interface ActorInput {
  kind: 'person' | 'organisation';
  pseudonym: string;
  realName?: string;
  contact?: string;
  privateAddress?: string;
  role?: string;
  genderIdentity?: string;
  lgbti?: string;
  migrationStatus?: string;
  ageGroup?: string;
  nationality?: string;
  orgType?: string;
  country?: string;
  state?: string;
  locality?: string;
  notes?: string;
  protectionMeasures: ProtectionMeasure[];
}

export interface ActorView extends ActorInput {
  id: string;
  version: number;
  orgId: string;
  createdAt: string;
  updatedAt: string;
  redacted?: string[];
}

export interface Involvement {
  id?: string;
  perpetrator: string;
  degree?: string;
  country?: string;
  identifiedIndividuals?: string;
  description?: string;
}

export interface Act {
  id?: string;
  kind: string;
  victimKey?: string;
  date?: FuzzyDate;
  methods: string[];
  consequences: string[];
  description?: string;
  perpetrators: Involvement[];
}

export const CONSENT_USES = ['internal_analysis', 'share_partners', 'anonymous_publication', 'named_publication', 'legal_action'] as const;
export type ConsentUse = (typeof CONSENT_USES)[number];

export interface Source {
  id?: string;
  kind: string;
  method?: string;
  receivedOn?: string;
  reliability?: string;
  pseudonym?: string;
  testimony?: string;
  consent: Record<ConsentUse, string>;
}

export interface Intervention {
  id?: string;
  kind: string;
  date?: string;
  actor?: string;
  addressee?: string;
  outcome?: string;
  followUp?: string;
  notes?: string;
}

export interface IncidentView {
  id: string;
  ref: string;
  version: number;
  orgId: string;
  title: string;
  summary?: string;
  date?: FuzzyDate;
  place: PlaceView;
  context: string[];
  status: string;
  followUp: string;
  confidentiality: string;
  victims: { key: string; actorId: string; actor: ActorView }[];
  acts: Act[];
  sources: Source[];
  interventions: Intervention[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  canEdit?: boolean;
  redacted?: string[];
}

export interface VictimEntry {
  key: string;
  actorId?: string;
  actor?: ActorInput;
}

export interface IncidentInput {
  title: string;
  summary?: string;
  date?: FuzzyDate;
  place: PlaceView;
  context: string[];
  status: string;
  followUp: string;
  confidentiality: string;
  victims: VictimEntry[];
  acts: Act[];
  sources: Source[];
  interventions: Intervention[];
  version?: number;
}

export const SEARCH_FACETS = ['country', 'state', 'act', 'perpetrator', 'role', 'gender', 'lgbti', 'migrationStatus', 'status', 'year'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export interface SearchQuery {
  q?: string;
  from?: string;
  to?: string;
  country?: string[];
  state?: string[];
  act?: string[];
  perpetrator?: string[];
  role?: string[];
  gender?: string[];
  lgbti?: string[];
  migrationStatus?: string[];
  status?: string[];
  year?: string[];
  sort: 'date_desc' | 'date_asc' | 'relevance' | 'updated_desc';
  page: number;
  pageSize: number;
}

export interface SearchHit {
  id: string;
  ref: string;
  title: string;
  excerpt?: string;
  date?: FuzzyDate;
  place: { precision: string; country?: string; state?: string; locality?: string };
  status: string;
  acts: string[];
}

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  facets: Partial<Record<SearchFacet, { value: string; count: number }[]>>;
}

export interface Revision {
  version: number;
  at: string;
  userId: string;
  userName: string | null;
  changes: { path: string; before?: unknown; after?: unknown; identifying?: boolean }[];
}

export interface ActorListItem {
  id: string;
  kind: 'person' | 'organisation';
  pseudonym: string;
  role: string | null;
  orgType: string | null;
  country: string | null;
  incidents: number;
}

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
  role: string;
  orgId: string;
  disabled: boolean;
  mustChangePassword: boolean;
  lang: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}
