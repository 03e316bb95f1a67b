/**
 * Drift guards of the interchange format (docs/interchange.md, "Versioning"): every field of the
 * domain records the format carries has a place in it; every column of every table it carries is
 * listed with where it goes; every table of the database is either carried or named workspace-local
 * with the reason. A new field, column or table fails here until the format says where it goes.
 * Run on both backends (their catalogues differ; the tables must not).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { columnNames, tableNames } from '../../../test/helpers/db-tables.js';
import { incidentInputSchema, countsSchema, actSchema as domainAct, involvementSchema as domainInvolvement, sourceSchema as domainSource, interventionSchema as domainIntervention, placeSchema as domainPlace, privatePointSchema, consentSchema as domainConsent } from '../../domain/incident/schema.js';
import { actorInputSchema, protectionMeasureSchema as domainMeasure } from '../../domain/actor/schema.js';
import { riskFactorSchema } from '../../domain/risk/assessment.js';
import { campaignActionSchema as domainCampaignAction } from '../../domain/urgent/input.js';
import { identitySchema as domainIdentity } from '../../domain/accompaniment/person.js';
import {
  incidentSchema, actSchema, involvementSchema, sourceSchema, interventionSchema, placeSchema, consentSchema, actorSchema, protectionMeasureSchema,
  riskAssessmentSchema, campaignActionSchema, accompaniedIdentitySchema,
} from './interchange-format.js';

let ws: TestWorkspace;
beforeAll(async () => { ws = await newWorkspace(); }, 60_000);
afterAll(async () => { await ws?.close(); });

describe('interchange format drift guards', () => {
  it('covers every field of the domain records (drift guard)', () => {
    const keys = (s: { shape: object }) => Object.keys(s.shape).sort();
    const without = (k: string[], ...drop: string[]) => k.filter((x) => !drop.includes(x));
    expect(without(keys(incidentSchema), 'id', 'orgId', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt', 'importRunId', 'mergedInto')).toEqual(keys(incidentInputSchema));
    expect(keys(incidentSchema.shape.counts.unwrap())).toEqual(keys(countsSchema));
    expect(without(keys(actSchema), 'victimId')).toEqual(without(keys(domainAct), 'victimKey'));
    expect(keys(involvementSchema)).toEqual(keys(domainInvolvement));
    expect(keys(sourceSchema)).toEqual(keys(domainSource));
    expect(keys(interventionSchema)).toEqual(keys(domainIntervention));
    expect(keys(placeSchema)).toEqual(keys(domainPlace));
    expect(Object.keys((placeSchema.shape.private.unwrap() as unknown as { shape: object }).shape).sort()).toEqual(keys(privatePointSchema));
    expect(keys(consentSchema)).toEqual(keys(domainConsent));
    expect(without(keys(actorSchema), 'id', 'orgId', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy')).toEqual(keys(actorInputSchema));
    expect(keys(protectionMeasureSchema)).toEqual(keys(domainMeasure));
    expect(keys(riskAssessmentSchema.shape.threats.element)).toEqual(keys(riskFactorSchema));
    expect(keys(campaignActionSchema)).toEqual(keys(domainCampaignAction));
    expect(keys(accompaniedIdentitySchema)).toEqual(keys(domainIdentity));
  });

  /**
   * Every column of every table the format carries, and where it goes; a new column fails this
   * test until the format (and docs/interchange.md) says where it goes — or why it stays here.
   */
  const CARRIED: Record<string, string> = {
    vocab_schemes: 'desc_en desc_es id label_en label_es',
    vocab_terms: 'builtin code created_at created_by label_en label_es mapping parent retired_at scheme sort',
    organisations: 'created_at id name',
    actors: 'age_group contact country created_at created_by gender_identity id kind lgbti locality migration_status nationality notes org_id org_type private_address pseudonym real_name role state updated_at updated_by version',
    protection_measures: 'actor_id expires granted id includes kind notes ordinal reference status',
    // seq: the reference INC-… (per workspace); date_from/date_to: derived; private_lat/lon/address: before sealing (0005), always null; merged_into: mergedInto
    incidents: 'confidentiality country counts created_at created_by crossing date_approx date_end date_from date_start date_to deleted_at follow_up id import_run_id locality merged_into org_id place_precision private_address private_lat private_lon private_sealed route_segment seq state status summary title updated_at updated_by version',
    incident_context: 'code incident_id',
    incident_victims: 'actor_id incident_id ordinal',
    acts: 'consequences date_approx date_end date_start description id incident_id kind kind_root methods ordinal victim_actor_id',
    involvements: 'act_id country degree description id identified_individuals incident_id ordinal perpetrator perpetrator_group',
    sources: 'consent id incident_id kind method ordinal pseudonym received_on reliability testimony',
    interventions: 'actor addressee date follow_up id incident_id kind notes ordinal outcome',
    incident_revisions: 'at changes incident_id user_id version',
    // duplicateDismissals[]: incident_a → incidentA, incident_b → incidentB, dismissed_at → dismissedAt, dismissed_by → dismissedBy (a user reference)
    duplicate_dismissals: 'dismissed_at dismissed_by incident_a incident_b',
    // score_x100: riskAssessments[].score; body: threats, vulnerabilities, capacities, summary
    risk_assessments: 'actor_id assessed_at assessed_by body id level next_review score_x100 version',
    // ref: URG-… (per workspace, numbered on import)
    urgent_cases: 'closed_at closing_note id incident_id kind opened_at opened_by outcome owner_id ref status updated_at version',
    urgent_steps: 'case_id code done_at done_by due_at id label note ordinal',
    urgent_notes: 'at body case_id id user_id',
    // letter: letter, included, withheld; body_code: body
    appeals: 'answer_how answer_note answered_at body_code case_id created_at created_by id lang letter sent_at sent_how updated_at version',
    campaigns: 'case_id created_at created_by ended id incident_id outcome started title updated_at version',
    // id: made again whenever a campaign is saved (never shown); ordinal: the list's order
    campaign_actions: 'campaign_id date description id kind ordinal',
    // ref: EV-… (per workspace); file_id/view_file_id: this workspace's files, carried as original/viewCopy; size, sha256: original.size, original.sha256
    evidence_items: 'actor_id capture consent description file_id id incident_id kind media_type metadata original_name parent_id received_at received_by ref sha256 size source_id updated_at version view_file_id',
    // the bytes, as evidence[].original / viewCopy; the rest is how this workspace keeps them (its ids, keys, chunks, when stored)
    files: 'chunks created_at file_key id params record sha256 size state stored_at',
    file_chunks: 'data file_id idx',
    // body: importMappings[].mapping
    import_mappings: 'body created_at created_by id name org_id updated_at updated_by version',
    import_runs: 'at format id incidents mapping_id org_id rows user_id warnings',
    // accompaniment (ADR 0024). ref: ACP-…, FAM-…, HRG-…, RUN-… (per workspace, numbered on import)
    accompanied_families: 'created_at created_by id label org_id ref updated_at version',
    // identity: accompaniedPeople[].identity (the sealed JSON, opened); needs_note 🔒; staying_at: stayingAt (left out when that actor is not exported)
    accompanied_people: 'age_group created_at created_by family_id family_role id identity languages nationality needs needs_note org_id pseudonym ref reminder_lang status staying_at updated_at updated_by version',
    // representative, notes 🔒; next_hearing_id: nextHearingId (written once every hearing is)
    hearings: 'court created_at created_by documents id kind next_hearing_id notes org_id outcome outcome_at present_at present_place present_zone ref representative starts_at status updated_at updated_by version zone',
    // hearings[].people[]
    hearing_people: 'attendance hearing_id person_id',
    // coordinator_id: coordinatorId (a user reference that must match an account here: it links to users)
    transport_runs: 'arrive_at arrive_place arrive_zone coordinator_id created_at created_by day ended_at id label margin_minutes org_id ref status updated_at version',
    // transportRuns[].legs[]: from_place/to_place → from/to; escort_id: escortId (must match an account here); meeting_point 🔒
    transport_legs: 'arrive_at depart_at escort_id fixed_depart from_place from_zone handoff_org_id id mark_by meeting_point mode ordinal run_id seats to_place to_zone',
    // transportRuns[].passengers[]
    transport_passengers: 'hearing_id ordinal person_id run_id',
    // transportRuns[].legs[].marks[]; by_user: byUser (a user reference)
    leg_marks: 'at by_user leg_id person_id status version',
    // hearings[].reminders[]; by_user: byUser (a user reference)
    hearing_reminders: 'at by_user channel hearing_id id lang person_id status',
  };

  /** Tables the format leaves out, and why (docs/interchange.md, "Not in the file"). */
  const WORKSPACE_LOCAL: Record<string, string> = {
    workspace: 'its name, language and settings',
    users: 'accounts are managed apart: listed without secrets, never created by an import',
    sessions: 'sign-ins', recovery_codes: 'secrets', role_policies: 'settings',
    meta: 'the schema\'s own bookkeeping',
    audit_events: 'each workspace keeps its own log (an import is recorded in it)', audit_chain_head: 'the log\'s chain',
    drafts: 'they belong to the person typing them',
    field_keys: 'keys', record_keys: 'keys', signing_keys: 'the organisation\'s bundle signing key',
    user_groups: 'name this workspace\'s accounts', group_members: 'name this workspace\'s accounts', incident_shares: 'name this workspace\'s accounts and groups',
    cluster_state: 'processes', cluster_members: 'processes', rate_limits: 'counters',
    search_changes: 'the search index\'s bookkeeping', search_actor_changes: 'the search index\'s bookkeeping', share_changes: 'the search index\'s bookkeeping', member_changes: 'the search index\'s bookkeeping',
    checkin_plans: 'a person\'s own, seen by nobody else', checkin_events: 'a person\'s own, seen by nobody else', checkin_codes: 'a duress code\'s digest: never exported',
    alerts: 'operational: raised and sent here', alert_deliveries: 'operational: raised and sent here',
  };

  it('covers every column of the tables it carries (drift guard: a new column needs a place in the format)', async () => {
    const db = ws.vault.runtime().store.db;
    for (const [table, columns] of Object.entries(CARRIED)) {
      const cols = (await columnNames(db, table)).sort().join(' ');
      expect(cols, `columns of ${table}: update the interchange format (and this list) for the new column`).toBe(columns);
    }
  });

  it('says of every table whether it travels (drift guard: a new table needs a decision)', async () => {
    const derived = /^(incident_fts(_\w+)?|schema_migrations(_lock)?)$/; // the search index (computed again on import) and the migrator's own
    const tables = (await tableNames(ws.vault.runtime().store.db)).filter((t) => !derived.test(t));
    const undecided = tables.filter((t) => !(t in CARRIED) && !(t in WORKSPACE_LOCAL));
    expect(undecided, 'new tables: carry them in the interchange format, or list them as workspace-local (and say so in docs/interchange.md)').toEqual([]);
    expect([...Object.keys(CARRIED), ...Object.keys(WORKSPACE_LOCAL)].filter((t) => !tables.includes(t))).toEqual([]);
  });
});
