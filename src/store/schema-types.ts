/** Table shapes for Kysely: the one query layer for SQLite (embedded) and PostgreSQL (server). */
import type { Generated } from 'kysely';

export interface WorkspaceTable { id: string; name: string; default_lang: string; created_at: string; settings: string }
export interface OrganisationTable { id: string; name: string; created_at: string }
export interface UserTable {
  id: string; email: string; display_name: string; role: string; org_id: string; password_hash: string;
  must_change_password: number; disabled: number; lang: string | null; created_at: string; updated_at: string;
  last_login_at: string | null; failed_logins: number; locked_until: string | null;
  /** 0004: TOTP secret (sealed), an unconfirmed enrolment's secret (sealed), when enrolled, last step used */
  totp_secret: string | null; totp_pending: string | null; totp_enrolled_at: string | null; totp_last_step: number | null;
}
/** `stage`: 'second_factor' while the password is right but the code not yet given; 'complete' after. */
export interface SessionTable {
  id: string; handle: string; user_id: string; csrf: string; stage: 'second_factor' | 'complete'; created_at: string; last_seen_at: string; expires_at: string;
  user_agent: string | null; second_factor_at: string | null; reauth_at: string | null;
}
export interface RecoveryCodeTable { user_id: string; digest: string; created_at: string; used_at: string | null }
export interface RolePolicyTable { role: string; require_totp: number; updated_at: string; updated_by: string | null }
export interface VocabSchemeTable { id: string; label_es: string; label_en: string; desc_es: string | null; desc_en: string | null }
export interface VocabTermTable {
  scheme: string; code: string; parent: string | null; label_es: string; label_en: string; sort: number;
  mapping: string | null; retired_at: string | null; builtin: number; created_at: string; created_by: string | null;
}
export interface MetaTable { key: string; value: string }
export interface ActorTable {
  id: string; org_id: string; kind: string; pseudonym: string; real_name: string | null; contact: string | null; private_address: string | null;
  role: string | null; gender_identity: string | null; lgbti: string | null; migration_status: string | null; age_group: string | null;
  nationality: string | null; org_type: string | null; country: string | null; state: string | null; locality: string | null; notes: string | null;
  created_at: string; created_by: string; updated_at: string; updated_by: string; version: number;
}
export interface ProtectionMeasureTable {
  id: string; actor_id: string; ordinal: number; kind: string; status: string; reference: string | null; granted: string | null; expires: string | null;
  includes: string | null; notes: string | null;
}
export interface IncidentTable {
  seq: Generated<number>; id: string; org_id: string; title: string; summary: string | null;
  date_start: string | null; date_end: string | null; date_approx: number; date_from: string | null; date_to: string | null;
  place_precision: string; country: string | null; state: string | null; locality: string | null; route_segment: string | null; crossing: string | null;
  private_lat: number | null; private_lon: number | null; private_address: string | null; private_sealed: string | null;
  status: string; follow_up: string; confidentiality: string;
  created_at: string; created_by: string; updated_at: string; updated_by: string; version: number; deleted_at: string | null;
  /** 0013: JSON of IncidentCounts, or null */
  counts: string | null; import_run_id: string | null;
  /** 0014: the incident this one was merged into (then it is also deleted) */
  merged_into: string | null;
}
export interface IncidentContextTable { incident_id: string; code: string }
export interface IncidentVictimTable { incident_id: string; actor_id: string; ordinal: number }
export interface ActTable {
  id: string; incident_id: string; ordinal: number; kind: string; kind_root: string; victim_actor_id: string | null;
  date_start: string | null; date_end: string | null; date_approx: number; methods: string; consequences: string; description: string | null;
}
export interface InvolvementTable {
  id: string; act_id: string; incident_id: string; ordinal: number; perpetrator: string; perpetrator_group: string; degree: string | null; country: string | null;
  identified_individuals: string | null; description: string | null;
}
export interface SourceTable {
  id: string; incident_id: string; ordinal: number; kind: string; method: string | null; received_on: string | null; reliability: string | null;
  pseudonym: string | null; testimony: string | null; consent: string;
}
export interface InterventionTable {
  id: string; incident_id: string; ordinal: number; kind: string; date: string | null; actor: string | null; addressee: string | null;
  outcome: string | null; follow_up: string | null; notes: string | null;
}
export interface RevisionTable { incident_id: string; version: number; at: string; user_id: string; changes: string }
export interface AuditTable { id: Generated<number>; at: string; user_id: string | null; action: string; target_type: string | null; target_id: string | null; detail: string | null; seq: number | null; prev_hash: string | null; hash: string | null }
export interface AuditChainHeadTable { id: number; seq: number; hash: string; legacy: number; started_at: string | null; mac: string | null }
export interface FieldKeyTable { id: string; wrapped: string; created_at: string }
export interface RecordKeyTable { record: string; key_id: string; kek_id: string; wrapped: string; created_at: string }
export interface UserGroupTable { id: string; name: string; created_at: string; created_by: string }
export interface GroupMemberTable { group_id: string; user_id: string }
export interface IncidentShareTable { incident_id: string; principal_type: 'user' | 'group'; principal_id: string; identifying: number; granted_by: string; granted_at: string }
/** 0010: one row per version of a person's or organisation's risk assessment; `body` sealed (ADR 0014). */
export interface RiskAssessmentTable { id: string; actor_id: string; version: number; assessed_at: string; assessed_by: string; level: string; score_x100: number; next_review: string | null; body: string }
/** 0011 (ADR 0018): urgent cases, their checklists, notes, appeals and campaigns; free text sealed under the incident's key. */
export interface UrgentCaseTable {
  id: string; incident_id: string; ref: string; kind: string; owner_id: string; status: 'open' | 'closed'; opened_at: string; opened_by: string;
  closed_at: string | null; outcome: string | null; closing_note: string | null; updated_at: string; version: number;
}
export interface UrgentStepTable { id: string; case_id: string; ordinal: number; code: string; label: string | null; due_at: string | null; done_at: string | null; done_by: string | null; note: string | null }
export interface UrgentNoteTable { id: string; case_id: string; at: string; user_id: string; body: string }
export interface AppealTable {
  id: string; case_id: string; body_code: string; lang: string; letter: string; created_at: string; created_by: string; updated_at: string; version: number;
  sent_at: string | null; sent_how: string | null; answered_at: string | null; answer_how: string | null; answer_note: string | null;
}
export interface CampaignTable {
  id: string; incident_id: string; case_id: string | null; title: string; started: string | null; ended: string | null; outcome: string | null;
  created_at: string; created_by: string; updated_at: string; version: number;
}
export interface CampaignActionTable { id: string; campaign_id: string; ordinal: number; date: string | null; kind: string; description: string | null }
/** 0011: check-in schedules (purpose sealed under the plan's key), each check-in, duress codes as keyed digests. */
export interface CheckinPlanTable {
  id: string; user_id: string; ref: string; purpose: string | null; first_due_at: string; every_minutes: number | null; ends_at: string | null;
  grace_minutes: number; next_due_at: string | null; escalated_due_at: string | null; status: 'active' | 'ended'; contacts: string;
  created_at: string; updated_at: string; version: number;
}
export interface CheckinEventTable { id: string; plan_id: string; at: string; due_at: string | null; duress: number }
export interface CheckinCodeTable { user_id: string; duress_digest: string; updated_at: string }
/** 0011: alerts (one per dedupe key, whatever the number of processes) and their deliveries with attempts. */
export interface AlertTable { id: string; dedupe_key: string; kind: string; ref: string; link: string; subject_type: string; subject_id: string; created_at: string }
export interface AlertDeliveryTable {
  id: string; alert_id: string; channel: 'app' | 'email' | 'webhook'; target: string; status: 'pending' | 'sent' | 'failed'; attempts: number;
  next_attempt_at: string | null; claimed_by: string | null; claimed_until: string | null; sent_at: string | null; last_error: string | null; read_at: string | null;
}
export interface DraftTable { id: string; user_id: string; incident_id: string | null; data: string; updated_at: string }

export interface Database {
  workspace: WorkspaceTable;
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  recovery_codes: RecoveryCodeTable;
  role_policies: RolePolicyTable;
  vocab_schemes: VocabSchemeTable;
  vocab_terms: VocabTermTable;
  meta: MetaTable;
  actors: ActorTable;
  protection_measures: ProtectionMeasureTable;
  incidents: IncidentTable;
  incident_context: IncidentContextTable;
  incident_victims: IncidentVictimTable;
  acts: ActTable;
  involvements: InvolvementTable;
  sources: SourceTable;
  interventions: InterventionTable;
  incident_revisions: RevisionTable;
  audit_events: AuditTable;
  audit_chain_head: AuditChainHeadTable;
  drafts: DraftTable;
  field_keys: FieldKeyTable;
  record_keys: RecordKeyTable;
  user_groups: UserGroupTable;
  group_members: GroupMemberTable;
  incident_shares: IncidentShareTable;
  cluster_state: ClusterStateTable;
  cluster_members: ClusterMemberTable;
  rate_limits: RateLimitTable;
  risk_assessments: RiskAssessmentTable;
  urgent_cases: UrgentCaseTable;
  urgent_steps: UrgentStepTable;
  urgent_notes: UrgentNoteTable;
  appeals: AppealTable;
  campaigns: CampaignTable;
  campaign_actions: CampaignActionTable;
  checkin_plans: CheckinPlanTable;
  checkin_events: CheckinEventTable;
  checkin_codes: CheckinCodeTable;
  alerts: AlertTable;
  alert_deliveries: AlertDeliveryTable;
  files: FileTable;
  file_chunks: FileChunkTable;
  evidence_items: EvidenceItemTable;
  signing_keys: SigningKeyTable;
  import_mappings: ImportMappingTable;
  import_runs: ImportRunTable;
  duplicate_dismissals: DuplicateDismissalTable;
  accompanied_families: AccompaniedFamilyTable;
  accompanied_people: AccompaniedPersonTable;
  hearings: HearingTable;
  hearing_people: HearingPersonTable;
  transport_runs: TransportRunTable;
  transport_legs: TransportLegTable;
  transport_passengers: TransportPassengerTable;
  leg_marks: LegMarkTable;
  hearing_reminders: HearingReminderTable;
}

/** 0007: one row binding the database to its keyring and counting seals (server mode, ADR 0012). */
export interface ClusterStateTable {
  id: number;
  keyring_id: string | null;
  seal_epoch: number;
}
export interface ClusterMemberTable {
  id: string;
  seal_epoch: number;
  /** milliseconds since the epoch */
  seen_at: number;
}
export interface RateLimitTable {
  /** a digest of the limit's key (never an address or e-mail) */
  key: string;
  hits: number;
  window_start: number;
}

/** 0012 (ADR 0019): encrypted file bytes in the database, evidence items, the bundle signing key. */
export interface FileTable {
  id: string; record: string; state: 'writing' | 'stored'; size: number | string; sha256: string | null; file_key: string; params: string; chunks: number;
  created_at: string; stored_at: string | null;
}
export interface FileChunkTable { file_id: string; idx: number; data: Buffer }
export interface EvidenceItemTable {
  id: string; ref: string; incident_id: string | null; actor_id: string | null; source_id: string | null; parent_id: string | null;
  kind: string; media_type: string; file_id: string; size: number | string; sha256: string; view_file_id: string | null;
  original_name: string | null; description: string | null; metadata: string | null; capture: string | null; consent: string;
  received_at: string; received_by: string; updated_at: string; version: number;
}
export interface SigningKeyTable { id: string; algorithm: 'ed25519'; public_key: string; private_key: string; created_at: string; retired_at: string | null }

/** 0013 (ADR 0020): saved import mappings (body: JSON of an ImportMapping) and committed imports. */
export interface ImportMappingTable { id: string; org_id: string; name: string; body: string; created_at: string; created_by: string; updated_at: string; updated_by: string; version: number }
export interface ImportRunTable { id: string; org_id: string; at: string; user_id: string; format: 'csv' | 'tsv' | 'xlsx' | 'json'; rows: number; incidents: number; warnings: number; mapping_id: string | null }
/** 0014 (ADR 0023): pairs of incidents someone said are not the same event (a < b). */
export interface DuplicateDismissalTable { incident_a: string; incident_b: string; dismissed_at: string; dismissed_by: string }

/**
 * 0015 (ADR 0024): accompaniment. Instants are UTC ISO strings, zones IANA names; `identity`,
 * `needs_note`, `representative`, `notes` and `meeting_point` are sealed; `languages`, `needs` and
 * `documents` are JSON arrays of codes.
 */
export interface AccompaniedFamilyTable { id: string; org_id: string; ref: string; label: string; created_at: string; created_by: string; updated_at: string; version: number }
export interface AccompaniedPersonTable {
  id: string; org_id: string; ref: string; pseudonym: string; family_id: string | null; family_role: string | null; nationality: string | null;
  languages: string; age_group: 'child' | 'adult' | 'unknown'; needs: string; needs_note: string | null; staying_at: string | null; reminder_lang: string;
  identity: string | null; status: 'active' | 'closed'; created_at: string; created_by: string; updated_at: string; updated_by: string; version: number;
}
export interface HearingTable {
  id: string; org_id: string; ref: string; court: string; zone: string; starts_at: string; kind: string; present_place: string | null; present_zone: string | null;
  present_at: string | null; representative: string | null; documents: string; notes: string | null; status: 'scheduled' | 'held' | 'cancelled';
  outcome: string | null; outcome_at: string | null; next_hearing_id: string | null;
  created_at: string; created_by: string; updated_at: string; updated_by: string; version: number;
}
export interface HearingPersonTable { hearing_id: string; person_id: string; attendance: 'expected' | 'presented' | 'missed' | 'excused' }
export interface TransportRunTable {
  id: string; org_id: string; ref: string; day: string; label: string | null; coordinator_id: string; arrive_place: string; arrive_zone: string; arrive_at: string; margin_minutes: number; status: 'planned' | 'underway' | 'ended' | 'cancelled';
  ended_at: string | null; created_at: string; created_by: string; updated_at: string; version: number;
}
export interface TransportLegTable {
  id: string; run_id: string; ordinal: number; from_place: string; from_zone: string; to_place: string; to_zone: string; mode: string;
  depart_at: string; fixed_depart: Generated<number>; arrive_at: string; seats: number | null; escort_id: string | null; handoff_org_id: string | null; mark_by: string; meeting_point: string | null;
}
export interface TransportPassengerTable { run_id: string; person_id: string; hearing_id: string | null; ordinal: number }
export interface LegMarkTable { leg_id: string; person_id: string; status: 'pending' | 'picked_up' | 'arrived' | 'presented' | 'returned' | 'missed'; at: string | null; by_user: string | null; version: number }
export interface HearingReminderTable { id: string; hearing_id: string; person_id: string; channel: 'webhook' | 'print'; lang: string; status: 'queued' | 'sent' | 'failed' | 'printed'; at: string; by_user: string }
