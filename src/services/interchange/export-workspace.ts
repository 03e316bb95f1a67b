/**
 * Exports the whole workspace as one interchange document (docs/interchange.md): every
 * vocabulary term (retired and admin-added ones included), organisations, accounts without any
 * secret, people and organisations with their protection measures and risk assessments, every
 * incident — removed and merged ones too, with their removal date and where they were merged —
 * with all their parts, its urgent cases, appeals and campaigns, the full history, the pairs
 * dismissed as not duplicates, evidence with its files, the record of imports, and accompaniment
 * (families and people accompanied, hearings, transport runs).
 * Read in one transaction, so the document is a consistent snapshot, with the audit event in the
 * same one.
 *
 * Two ways out: `exportWorkspace` returns the document (evidence bytes included, so it holds every
 * file in memory at once), and `writeWorkspace` writes the same document as JSON text piece by
 * piece, reading one evidence file chunk at a time — what the command line uses.
 *
 * The document holds identifying data in plaintext: the caller must hand it only to someone who
 * will encrypt it (see docs/interchange.md, "Handling the file").
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import type { Store } from '../../store/store.js';
import { ServiceError } from '../errors.js';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION, type InterchangeDocument } from './interchange-format.js';
import { readVocabularies, readActors, readParts, incidentOut } from './export-records.js';
import { readRiskAssessments, readUrgentCases, readCampaigns } from './export-response.js';
import { exportedEvidence, readEvidence, tooMuchEvidence, base64Of, base64Pieces, type ItemFiles } from './export-evidence.js';
import { readImportMappings, readImportRuns } from './export-imports.js';
import { readDuplicateDismissals } from './export-duplicates.js';
import { readAccompaniment } from './export-accompaniment.js';
import { writeDocument, type Sink } from './write-json.js';

type Doc = InterchangeDocument;

export interface ExportOptions {
  /**
   * Leave evidence out (items and files): for a workspace whose evidence is larger than one
   * document carries. The export is then not the whole workspace; the audit event counts what was
   * left out.
   */
  withoutEvidence?: boolean;
}

export interface ExportCounts {
  incidents: number;
  deletedIncidents: number;
  /** of `deletedIncidents`, those merged into another incident of the document */
  mergedIncidents: number;
  actors: number;
  revisions: number;
  duplicateDismissals: number;
  terms: number;
  organisations: number;
  users: number;
  riskAssessments: number;
  urgentCases: number;
  appeals: number;
  campaigns: number;
  evidence: number;
  importMappings: number;
  importRuns: number;
  accompaniedFamilies: number;
  accompaniedPeople: number;
  hearings: number;
  transportRuns: number;
}

export function countsOf(doc: InterchangeDocument): ExportCounts {
  return {
    incidents: doc.incidents.length,
    deletedIncidents: doc.incidents.filter((i) => i.deletedAt !== undefined).length,
    mergedIncidents: doc.incidents.filter((i) => i.mergedInto !== undefined).length,
    actors: doc.actors.length,
    revisions: doc.revisions.length,
    duplicateDismissals: doc.duplicateDismissals.length,
    terms: doc.vocabularies.terms.length,
    organisations: doc.organisations.length,
    users: doc.users.length,
    riskAssessments: doc.riskAssessments.length,
    urgentCases: doc.urgentCases.length,
    appeals: doc.urgentCases.reduce((n, c) => n + c.appeals.length, 0),
    campaigns: doc.campaigns.length,
    evidence: doc.evidence.length,
    importMappings: doc.importMappings.length,
    importRuns: doc.importRuns.length,
    accompaniedFamilies: doc.accompaniedFamilies.length,
    accompaniedPeople: doc.accompaniedPeople.length,
    hearings: doc.hearings.length,
    transportRuns: doc.transportRuns.length,
  };
}

interface Snapshot {
  /** the document with every evidence file's `base64` left empty */
  doc: InterchangeDocument;
  files: ItemFiles[];
}

/** Reads everything the exporter may see, inside `tx`, and records the export in the audit log. */
async function snapshot(ctx: ServiceContext, tx: Store, now: string, opts: ExportOptions): Promise<Snapshot> {
  const vocabularies = await readVocabularies(tx);
  const organisations = (await tx.db.selectFrom('organisations').selectAll().orderBy('created_at').orderBy('id').execute()).map((o) => ({ id: o.id, name: o.name, createdAt: o.created_at }));
  const users = (await tx.db.selectFrom('users').select(['id', 'email', 'display_name', 'role', 'org_id', 'disabled']).orderBy('email').execute()).map((u) => ({
    id: u.id, email: u.email, displayName: u.display_name, role: u.role as Doc['users'][number]['role'], orgId: u.org_id, disabled: u.disabled === 1,
  }));
  const allActors = await readActors(tx);
  const parts = await readParts(tx);
  // need-to-know binds exports too: restricted incidents not shared with the exporter are left
  // out, with their revisions, urgent cases, campaigns, evidence and dismissed pairs, any person or
  // organisation that appears only in them (with their risk assessments and evidence), and the
  // fact that another incident was merged into one of them
  const all = await tx.db.selectFrom('incidents').selectAll().orderBy('seq').execute();
  const shared = await tx.shares.sharedAmong(all.filter((r) => r.confidentiality === 'restricted').map((r) => r.id), { userId: ctx.user.id });
  const hidden = new Set(all.filter((r) => r.confidentiality === 'restricted' && !shared.has(r.id)).map((r) => r.id));
  const incidents = (await tx.incidents.openSealed({ incidents: all.filter((r) => !hidden.has(r.id)) })).incidents.map((r) => incidentOut(r, parts, (id) => !hidden.has(id)));
  const inVisible = new Set(incidents.flatMap((i) => i.victims));
  const inHidden = new Set([...hidden].flatMap((id) => (parts.victims.get(id) ?? []).map((v) => v.actor_id)));
  const actors = allActors.filter((a) => inVisible.has(a.id) || !inHidden.has(a.id));
  const revisions = (await tx.db.selectFrom('incident_revisions').selectAll().where('incident_id', 'not in', [...hidden, '']).orderBy('incident_id').orderBy('version').execute()).map((r) => ({
    incidentId: r.incident_id, version: r.version, at: r.at, userId: r.user_id, changes: JSON.parse(r.changes) as Doc['revisions'][number]['changes'],
  }));
  const incidentIds = new Set(incidents.map((i) => i.id));
  const actorIds = new Set(actors.map((a) => a.id));
  const heads = await exportedEvidence(tx, incidentIds, actorIds);
  const left = opts.withoutEvidence ? heads.length : 0;
  const evidence = await readEvidence(tx, opts.withoutEvidence ? [] : heads);
  const tooMuch = tooMuchEvidence(evidence.bytes);
  if (tooMuch) throw new ServiceError(413, 'too_large', tooMuch);
  const doc: InterchangeDocument = {
    format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, exportedAt: now,
    vocabularies, organisations, users, actors, incidents, revisions,
    duplicateDismissals: await readDuplicateDismissals(tx, incidentIds),
    riskAssessments: await readRiskAssessments(tx, actorIds),
    urgentCases: await readUrgentCases(tx, incidentIds),
    campaigns: await readCampaigns(tx, incidentIds),
    evidence: evidence.items,
    importMappings: await readImportMappings(tx),
    importRuns: await readImportRuns(tx),
    ...(await readAccompaniment(tx, actorIds)),
  };
  await tx.audit.add({ at: now, userId: ctx.user.id, action: 'interchange.exported', detail: { ...countsOf(doc), restrictedLeftOut: hidden.size, evidenceLeftOut: left } });
  return { doc, files: evidence.files };
}

/** The whole document in memory, evidence files included. */
export async function exportWorkspace(ctx: ServiceContext, opts: ExportOptions = {}): Promise<InterchangeDocument> {
  requirePermission(ctx, 'interchange.export');
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const { doc, files } = await snapshot(ctx, tx, now, opts);
    for (const [i, item] of doc.evidence.entries()) {
      item.original.base64 = await base64Of(tx, files[i]!.original, item.original.sha256, item.id);
      if (item.viewCopy) item.viewCopy.base64 = await base64Of(tx, files[i]!.view!, item.viewCopy.sha256, item.id);
    }
    return doc;
  });
}

/**
 * Writes the document as JSON text (the same text as `JSON.stringify(doc, null, 2)` and a final
 * newline) to `sink`, piece by piece: everything but the evidence files is read first, then each
 * file is read and written a chunk at a time, so no more than one chunk of file bytes is held at
 * once. `sink` may be slow (a pipe to an encryption tool): it is awaited. If anything fails the
 * transaction is rolled back (no audit event) and what was written is incomplete: discard it.
 * Returns the counts the audit event recorded.
 */
export async function writeWorkspace(ctx: ServiceContext, sink: Sink, opts: ExportOptions = {}): Promise<ExportCounts> {
  requirePermission(ctx, 'interchange.export');
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const { doc, files } = await snapshot(ctx, tx, now, opts);
    await writeDocument(doc, sink, (i, which) => {
      const item = doc.evidence[i]!;
      return which === 'original'
        ? base64Pieces(tx, files[i]!.original, item.original.sha256, item.id)
        : base64Pieces(tx, files[i]!.view!, item.viewCopy!.sha256, item.id);
    });
    return countsOf(doc);
  });
}
