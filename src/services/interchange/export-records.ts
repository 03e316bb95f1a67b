/**
 * Reading the record sections of an export (docs/interchange.md): vocabularies, people and
 * organisations with their protection measures, incidents with every part (sealed values opened),
 * in the order the workspace shows them.
 */
import type { Selectable } from 'kysely';
import type { Store } from '../../store/store.js';
import type {
  ActTable, InvolvementTable, SourceTable, InterventionTable, IncidentTable, ProtectionMeasureTable,
} from '../../store/schema-types.js';
import type { IncidentCounts } from '../../domain/incident/schema.js';
import type { InterchangeDocument, InterchangeIncident, InterchangeActor } from './interchange-format.js';
import { set } from './format-common.js';
import { groupBy } from '../../domain/group-by.js';

const fuzzy = (start: string | null, end: string | null, approx: number) =>
  start === null ? undefined : set({ start, end, approximate: approx ? (true as const) : null });

export async function readVocabularies(tx: Store): Promise<InterchangeDocument['vocabularies']> {
  const [schemes, terms] = await Promise.all([
    tx.db.selectFrom('vocab_schemes').selectAll().orderBy('id').execute(),
    tx.db.selectFrom('vocab_terms').selectAll().orderBy('scheme').orderBy('sort').orderBy('code').execute(),
  ]);
  return {
    schemes: schemes.map((s) =>
      set({
        id: s.id,
        label: { es: s.label_es, en: s.label_en },
        description: s.desc_es === null && s.desc_en === null ? null : set({ es: s.desc_es, en: s.desc_en }),
      }),
    ),
    terms: terms.map((t) =>
      set({
        scheme: t.scheme, code: t.code, parent: t.parent, label: { es: t.label_es, en: t.label_en }, sort: t.sort,
        mapping: t.mapping === null ? null : (JSON.parse(t.mapping) as Record<string, string>),
        builtin: t.builtin === 1, retiredAt: t.retired_at, createdAt: t.created_at, createdBy: t.created_by,
      }),
    ),
  };
}

function measureOut(m: Selectable<ProtectionMeasureTable>): InterchangeActor['protectionMeasures'][number] {
  return set({ id: m.id, kind: m.kind, status: m.status, reference: m.reference, granted: m.granted, expires: m.expires, includes: m.includes, notes: m.notes });
}

export async function readActors(tx: Store): Promise<InterchangeActor[]> {
  const [sealed, measures] = await Promise.all([
    tx.db.selectFrom('actors').selectAll().orderBy('created_at').orderBy('id').execute(),
    tx.db.selectFrom('protection_measures').selectAll().orderBy('actor_id').orderBy('ordinal').execute(),
  ]);
  const rows = await tx.actors.openSealed(sealed);
  const byActor = groupBy(measures, (m) => m.actor_id);
  return rows.map((r) =>
    set({
      id: r.id, orgId: r.org_id, kind: r.kind as InterchangeActor['kind'], pseudonym: r.pseudonym,
      realName: r.real_name, contact: r.contact, privateAddress: r.private_address,
      role: r.role, genderIdentity: r.gender_identity, lgbti: r.lgbti, migrationStatus: r.migration_status, ageGroup: r.age_group,
      nationality: r.nationality, orgType: r.org_type, country: r.country, state: r.state, locality: r.locality, notes: r.notes,
      protectionMeasures: (byActor.get(r.id) ?? []).map(measureOut),
      version: r.version, createdAt: r.created_at, createdBy: r.created_by, updatedAt: r.updated_at, updatedBy: r.updated_by,
    }),
  );
}

export interface Parts {
  context: Map<string, { code: string }[]>;
  victims: Map<string, { actor_id: string }[]>;
  acts: Map<string, Selectable<ActTable>[]>;
  involvements: Map<string, Selectable<InvolvementTable>[]>;
  sources: Map<string, Selectable<SourceTable>[]>;
  interventions: Map<string, Selectable<InterventionTable>[]>;
}

export async function readParts(tx: Store): Promise<Parts> {
  const [context, victims, sealedActs, sealedInvolvements, sealedSources, sealedInterventions] = await Promise.all([
    tx.db.selectFrom('incident_context').select(['incident_id', 'code']).orderBy('incident_id').orderBy('code').execute(),
    tx.db.selectFrom('incident_victims').select(['incident_id', 'actor_id']).orderBy('incident_id').orderBy('ordinal').execute(),
    tx.db.selectFrom('acts').selectAll().orderBy('incident_id').orderBy('ordinal').execute(),
    tx.db.selectFrom('involvements').selectAll().orderBy('act_id').orderBy('ordinal').execute(),
    tx.db.selectFrom('sources').selectAll().orderBy('incident_id').orderBy('ordinal').execute(),
    tx.db.selectFrom('interventions').selectAll().orderBy('incident_id').orderBy('ordinal').execute(),
  ]);
  const { acts, involvements, sources, interventions } = await tx.incidents.openSealed({ acts: sealedActs, involvements: sealedInvolvements, sources: sealedSources, interventions: sealedInterventions });
  return {
    context: groupBy(context, (r) => r.incident_id),
    victims: groupBy(victims, (r) => r.incident_id),
    acts: groupBy(acts, (r) => r.incident_id),
    involvements: groupBy(involvements, (r) => r.act_id),
    sources: groupBy(sources, (r) => r.incident_id),
    interventions: groupBy(interventions, (r) => r.incident_id),
  };
}

/**
 * An incident as the format writes it. `exported`: whether an incident is in the document — a
 * merged incident names the incident it went into only when that one is (one left out by
 * need-to-know is neither carried nor named).
 */
export function incidentOut(r: Selectable<IncidentTable>, p: Parts, exported: (id: string) => boolean): InterchangeIncident {
  const id = r.id;
  return set({
    id, orgId: r.org_id, title: r.title, summary: r.summary,
    date: fuzzy(r.date_start, r.date_end, r.date_approx),
    place: set({
      precision: r.place_precision as InterchangeIncident['place']['precision'],
      country: r.country, state: r.state, locality: r.locality, routeSegment: r.route_segment, crossing: r.crossing,
      private: r.private_sealed !== null ? (JSON.parse(r.private_sealed) as InterchangeIncident['place']['private']) : null,
    }),
    counts: r.counts === null ? null : (JSON.parse(r.counts) as IncidentCounts),
    context: (p.context.get(id) ?? []).map((c) => c.code),
    status: r.status, followUp: r.follow_up, confidentiality: r.confidentiality,
    victims: (p.victims.get(id) ?? []).map((v) => v.actor_id),
    acts: (p.acts.get(id) ?? []).map((a) =>
      set({
        id: a.id, kind: a.kind, victimId: a.victim_actor_id, date: fuzzy(a.date_start, a.date_end, a.date_approx),
        methods: JSON.parse(a.methods) as string[], consequences: JSON.parse(a.consequences) as string[], description: a.description,
        perpetrators: (p.involvements.get(a.id) ?? []).map((v) =>
          set({ id: v.id, perpetrator: v.perpetrator, degree: v.degree, country: v.country, identifiedIndividuals: v.identified_individuals, description: v.description }),
        ),
      }),
    ),
    sources: (p.sources.get(id) ?? []).map((s) =>
      set({
        id: s.id, kind: s.kind, method: s.method, receivedOn: s.received_on, reliability: s.reliability, pseudonym: s.pseudonym, testimony: s.testimony,
        consent: JSON.parse(s.consent) as InterchangeIncident['sources'][number]['consent'],
      }),
    ),
    interventions: (p.interventions.get(id) ?? []).map((v) =>
      set({ id: v.id, kind: v.kind, date: v.date, actor: v.actor, addressee: v.addressee, outcome: v.outcome, followUp: v.follow_up, notes: v.notes }),
    ),
    version: r.version, createdAt: r.created_at, createdBy: r.created_by, updatedAt: r.updated_at, updatedBy: r.updated_by, deletedAt: r.deleted_at,
    importRunId: r.import_run_id,
    mergedInto: r.merged_into !== null && exported(r.merged_into) ? r.merged_into : null,
  });
}
