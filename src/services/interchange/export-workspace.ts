/**
 * Exports the whole workspace as one interchange document (docs/interchange.md): every
 * vocabulary term (retired and admin-added ones included), organisations, accounts without any
 * secret, people and organisations with their protection measures, every incident — removed ones
 * too, with their removal date — with all their parts, and the full history. Read in one
 * transaction, so the document is a consistent snapshot, with the audit event in the same one.
 *
 * The document holds identifying data in plaintext: the caller must hand it only to someone who
 * will encrypt it (see docs/interchange.md, "Handling the file").
 */
import type { Selectable } from 'kysely';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import type { Store } from '../../store/store.js';
import type {
  ActTable, InvolvementTable, SourceTable, InterventionTable, IncidentTable, ProtectionMeasureTable,
} from '../../store/schema-types.js';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION, type InterchangeDocument, type InterchangeIncident, type InterchangeActor } from './interchange-format.js';

type Doc = InterchangeDocument;

/** Copies `o` without the keys whose value is null or undefined (the format never writes null). */
function set<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}

function groupBy<R, K>(rows: R[], key: (r: R) => K): Map<K, R[]> {
  const m = new Map<K, R[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const fuzzy = (start: string | null, end: string | null, approx: number) =>
  start === null ? undefined : set({ start, end, approximate: approx ? (true as const) : null });

async function readVocabularies(tx: Store): Promise<Doc['vocabularies']> {
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

async function readActors(tx: Store): Promise<InterchangeActor[]> {
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

interface Parts {
  context: Map<string, { code: string }[]>;
  victims: Map<string, { actor_id: string }[]>;
  acts: Map<string, Selectable<ActTable>[]>;
  involvements: Map<string, Selectable<InvolvementTable>[]>;
  sources: Map<string, Selectable<SourceTable>[]>;
  interventions: Map<string, Selectable<InterventionTable>[]>;
}

async function readParts(tx: Store): Promise<Parts> {
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

function incidentOut(r: Selectable<IncidentTable>, p: Parts): InterchangeIncident {
  const id = r.id;
  return set({
    id, orgId: r.org_id, title: r.title, summary: r.summary,
    date: fuzzy(r.date_start, r.date_end, r.date_approx),
    place: set({
      precision: r.place_precision as InterchangeIncident['place']['precision'],
      country: r.country, state: r.state, locality: r.locality, routeSegment: r.route_segment, crossing: r.crossing,
      private: r.private_sealed !== null ? (JSON.parse(r.private_sealed) as InterchangeIncident['place']['private']) : null,
    }),
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
  });
}

export interface ExportCounts {
  incidents: number;
  deletedIncidents: number;
  actors: number;
  revisions: number;
  terms: number;
  organisations: number;
  users: number;
}

export function countsOf(doc: InterchangeDocument): ExportCounts {
  return {
    incidents: doc.incidents.length,
    deletedIncidents: doc.incidents.filter((i) => i.deletedAt !== undefined).length,
    actors: doc.actors.length,
    revisions: doc.revisions.length,
    terms: doc.vocabularies.terms.length,
    organisations: doc.organisations.length,
    users: doc.users.length,
  };
}

export async function exportWorkspace(ctx: ServiceContext): Promise<InterchangeDocument> {
  requirePermission(ctx, 'interchange.export');
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const vocabularies = await readVocabularies(tx);
    const organisations = (await tx.db.selectFrom('organisations').selectAll().orderBy('created_at').orderBy('id').execute()).map((o) => ({ id: o.id, name: o.name, createdAt: o.created_at }));
    const users = (await tx.db.selectFrom('users').select(['id', 'email', 'display_name', 'role', 'org_id', 'disabled']).orderBy('email').execute()).map((u) => ({
      id: u.id, email: u.email, displayName: u.display_name, role: u.role as Doc['users'][number]['role'], orgId: u.org_id, disabled: u.disabled === 1,
    }));
    const allActors = await readActors(tx);
    const parts = await readParts(tx);
    // need-to-know binds exports too: restricted incidents not shared with the exporter are left
    // out, with their revisions and any person or organisation that appears only in them
    const all = await tx.db.selectFrom('incidents').selectAll().orderBy('seq').execute();
    const shared = await tx.shares.sharedAmong(all.filter((r) => r.confidentiality === 'restricted').map((r) => r.id), { userId: ctx.user.id });
    const hidden = new Set(all.filter((r) => r.confidentiality === 'restricted' && !shared.has(r.id)).map((r) => r.id));
    const incidents = (await tx.incidents.openSealed({ incidents: all.filter((r) => !hidden.has(r.id)) })).incidents.map((r) => incidentOut(r, parts));
    const inVisible = new Set(incidents.flatMap((i) => i.victims));
    const inHidden = new Set([...hidden].flatMap((id) => (parts.victims.get(id) ?? []).map((v) => v.actor_id)));
    const actors = allActors.filter((a) => inVisible.has(a.id) || !inHidden.has(a.id));
    const revisions = (await tx.db.selectFrom('incident_revisions').selectAll().where('incident_id', 'not in', [...hidden, '']).orderBy('incident_id').orderBy('version').execute()).map((r) => ({
      incidentId: r.incident_id, version: r.version, at: r.at, userId: r.user_id, changes: JSON.parse(r.changes) as Doc['revisions'][number]['changes'],
    }));
    const doc: InterchangeDocument = {
      format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, exportedAt: now,
      vocabularies, organisations, users, actors, incidents, revisions,
    };
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'interchange.exported', detail: { ...countsOf(doc), restrictedLeftOut: hidden.size } });
    return doc;
  });
}
