/**
 * Imports an interchange document (docs/interchange.md) into this workspace, all or nothing:
 *  1. the whole document is validated against the format — a version 1 file converted first —
 *     and every evidence file against its size and SHA-256 (problems name their JSON path);
 *  2. it is checked against itself and the store — unique ids, references that resolve, acts whose
 *     victim is one of the incident's, every code known to the file's or the store's vocabularies,
 *     ids that already exist here (a conflict: nothing is overwritten);
 *  3. evidence files, when there are any, are written the way uploads are (outside a transaction,
 *     left `writing`), after the checks of step 2 passed once;
 *  4. then, inside one transaction, the checks run again and everything is written, with the
 *     search index, the files marked stored, a custody entry per evidence item and the audit event,
 *     so a failure at any point leaves the workspace as it was (files of step 3 removed).
 * Ids, versions, dates and authors are kept. Accounts are not created (they are managed apart):
 * references to an account are translated to the account here with the same e-mail.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import type { Store } from '../../store/store.js';
import type { FieldProblem } from '../../domain/incident/check-codes.js';
import type { FieldChange } from '../../domain/incident/history.js';
import { incidentSearchText } from '../../domain/incident/search-text.js';
import { indexIncident } from '../../store/search/incident-search.js';
import { recordName } from '../../store/repositories/sealed-fields.js';
import { loadVocabularyIndex } from '../vocabulary/sync-vocabulary-file.js';
import { loadIncident } from '../incidents/save-incident.js';
import { invalid, ServiceError } from '../errors.js';
import { parseInterchangeDocument, type InterchangeDocument } from './interchange-format.js';
import { checkDocument, storeState, toActorInput, toRepositoryInput, type StoreState } from './check-document.js';
import { findConflicts } from './find-conflicts.js';
import { writeEvidenceFiles, discardEvidenceFiles, type WrittenFiles } from './import-evidence-files.js';
import { writeImportRecord, writeRiskAssessments, writeResponse, writeEvidence } from './import-sections.js';
import { writeMerges, writeDuplicateDismissals } from './import-duplicates.js';
import { accompanimentState, checkAccompaniment, accompanimentConflicts, writeAccompaniment } from './import-accompaniment.js';

export type ImportPhase =
  | 'evidenceFiles' | 'vocabularies' | 'organisations' | 'actors' | 'importMappings' | 'importRuns' | 'incidents' | 'revisions'
  | 'duplicateDismissals' | 'riskAssessments' | 'urgentCases' | 'campaigns' | 'evidence'
  | 'accompaniedFamilies' | 'accompaniedPeople' | 'hearings' | 'transportRuns';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportOptions {
  /**
   * Called while writing; throwing from it aborts the import and writes nothing. Every phase but
   * `evidenceFiles` runs inside the import's transaction; `evidenceFiles` (only for documents with
   * evidence) comes before it.
   */
  onProgress?: (p: ImportProgress) => void;
  /**
   * Called once, after the import has committed, when it added vocabulary terms, so the live
   * vocabulary index sees them (e.g. `() => runtime.reloadVocabulary()`). Not allowed when
   * `ctx.store` is already a transaction (the reload would wait on it).
   */
  reloadVocabulary?: () => Promise<unknown>;
}

export interface ImportResult {
  incidents: number;
  /** of `incidents`, how many were already removed in the file (imported removed, unsearchable) */
  deletedIncidents: number;
  /** of `deletedIncidents`, those merged into another incident (of the file or this workspace) */
  mergedIncidents: number;
  actors: number;
  revisions: number;
  /** pairs dismissed as not duplicates that were added; pairs this workspace had already dismissed are kept as they are */
  duplicateDismissals: number;
  duplicateDismissalsKept: number;
  /** vocabulary schemes and terms added; terms the workspace already had are left as they are */
  schemes: number;
  terms: number;
  termsKept: number;
  organisations: number;
  organisationsKept: number;
  riskAssessments: number;
  urgentCases: number;
  appeals: number;
  campaigns: number;
  evidence: number;
  /** evidence files written (originals and viewing copies) */
  evidenceFiles: number;
  importMappings: number;
  importRuns: number;
  /** accompaniment, numbered ACP-…, FAM-…, HRG-…, RUN-… after this workspace's own */
  accompaniedFamilies: number;
  accompaniedPeople: number;
  hearings: number;
  transportRuns: number;
  /** accounts in the file that exist here (matched by e-mail); references to them now point to the account here */
  usersMatched: number;
  /** e-mails of accounts in the file that do not exist here: not created; references to them are kept as they are */
  usersSkipped: string[];
}

const MAX_PROBLEMS_LISTED = 200;

function tooMany(problems: FieldProblem[]): FieldProblem[] {
  if (problems.length <= MAX_PROBLEMS_LISTED) return problems;
  return [...problems.slice(0, MAX_PROBLEMS_LISTED), { path: '(document)', message: `… and ${problems.length - MAX_PROBLEMS_LISTED} more problems` }];
}

/** Steps 2 and 3 of the header: throws (400 or 409) when the document does not fit this workspace. */
async function check(tx: Store, doc: InterchangeDocument): Promise<StoreState> {
  const st = await storeState(tx, doc);
  const problems = [...checkDocument(doc, st), ...checkAccompaniment(doc, await accompanimentState(tx, doc))];
  if (problems.length) throw invalid(tooMany(problems));
  const conflicts = [...(await findConflicts(tx, doc)), ...(await accompanimentConflicts(tx, doc))];
  if (conflicts.length) {
    const listed = tooMany(conflicts);
    throw new ServiceError(409, 'conflict', `nothing was imported: ${listed.map((p) => `${p.path}: ${p.message}`).join('; ')}`, listed);
  }
  return st;
}

export async function importWorkspace(ctx: ServiceContext, value: unknown, opts: ImportOptions = {}): Promise<ImportResult> {
  requirePermission(ctx, 'interchange.import');
  if (opts.reloadVocabulary && ctx.store.db.isTransaction) {
    // the reload reads through the runtime's own connection, which the open transaction holds
    throw new Error('importWorkspace: pass reloadVocabulary only when the import runs in its own transaction');
  }
  const parsed = parseInterchangeDocument(value);
  if (!parsed.ok) throw invalid(tooMany(parsed.problems));
  const doc = parsed.doc;
  if (doc.evidence.length && ctx.store.db.isTransaction) {
    // files are written the way uploads write them: chunk by chunk, each committing on its own
    throw new Error('importWorkspace: a document with evidence files must be imported in its own transaction, not inside another');
  }
  const now = ctx.now();
  const progress = (phase: ImportPhase) => (done: number, total: number) => {
    if (opts.onProgress && (done === total || done % 100 === 0)) opts.onProgress({ phase, done, total });
  };

  let files: WrittenFiles = { ids: [], newKeys: [] };
  if (doc.evidence.length) {
    // refuse before a single file is written; checked again inside the transaction below
    await ctx.store.transaction((tx) => check(tx, doc));
    const carried = new Set([...doc.incidents.map((i) => recordName('incident', i.id)), ...doc.actors.map((a) => recordName('actor', a.id))]);
    files = await writeEvidenceFiles(ctx.store, doc.evidence, carried, progress('evidenceFiles'));
  }

  let result: ImportResult;
  try {
    result = await ctx.store.transaction(async (tx) => {
      const st = await check(tx, doc);
      const vocabBefore = st.vocab;
      const usersByEmail = new Map((await tx.db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.email, u.id] as const));

      // accounts: references follow the e-mail to this workspace's account; others are kept as they are
      const userMap = new Map<string, string>();
      const usersSkipped: string[] = [];
      for (const u of doc.users) {
        const here = usersByEmail.get(u.email);
        if (here === undefined) usersSkipped.push(u.email);
        else userMap.set(u.id, here);
      }
      const who = (ref: string) => userMap.get(ref) ?? ref;

      // vocabularies: add what is missing, with its retired state; leave what exists as it is
      const schemesHere = new Set(vocabBefore.schemes.map((s) => s.id));
      let schemes = 0;
      for (const s of doc.vocabularies.schemes) {
        if (schemesHere.has(s.id)) continue;
        await tx.db.insertInto('vocab_schemes').values({ id: s.id, label_es: s.label.es, label_en: s.label.en, desc_es: s.description?.es ?? null, desc_en: s.description?.en ?? null }).execute();
        schemes++;
      }
      let terms = 0;
      let termsKept = 0;
      for (const [n, t] of doc.vocabularies.terms.entries()) {
        if (vocabBefore.get(t.scheme, t.code)) termsKept++;
        else {
          await tx.db
            .insertInto('vocab_terms')
            .values({
              scheme: t.scheme, code: t.code, parent: t.parent ?? null, label_es: t.label.es, label_en: t.label.en, sort: t.sort,
              mapping: t.mapping ? JSON.stringify(t.mapping) : null, retired_at: t.retiredAt ?? null, builtin: t.builtin ? 1 : 0,
              created_at: t.createdAt, created_by: t.createdBy === undefined ? null : who(t.createdBy),
            })
            .execute();
          terms++;
        }
        progress('vocabularies')(n + 1, doc.vocabularies.terms.length);
      }
      // the search text needs the labels of the terms just added
      const vocab = terms || schemes ? await loadVocabularyIndex(tx) : vocabBefore;

      let organisationsAdded = 0;
      for (const [n, o] of doc.organisations.entries()) {
        if (!st.organisations.has(o.id)) {
          await tx.users.insertOrganisation(o.id, o.name, o.createdAt);
          organisationsAdded++;
        }
        progress('organisations')(n + 1, doc.organisations.length);
      }

      for (const [n, a] of doc.actors.entries()) {
        await tx.actors.write(
          { id: a.id, orgId: a.orgId, userId: who(a.updatedBy), now: a.updatedAt, version: a.version, createdAt: a.createdAt, createdBy: who(a.createdBy) },
          toActorInput(a),
          true,
        );
        progress('actors')(n + 1, doc.actors.length);
      }

      await writeImportRecord(tx, doc, who, { mappings: progress('importMappings'), runs: progress('importRuns') });

      for (const [n, inc] of doc.incidents.entries()) {
        const seq = await tx.incidents.write(
          {
            id: inc.id, orgId: inc.orgId, userId: who(inc.updatedBy), now: inc.updatedAt, version: inc.version, createdAt: inc.createdAt, createdBy: who(inc.createdBy),
            ...(inc.importRunId !== undefined ? { importRunId: inc.importRunId } : {}),
          },
          toRepositoryInput(inc),
          new Map(inc.victims.map((v) => [v, v])),
          true,
        );
        // shares are not part of the format (they name this workspace's users and groups): a
        // restricted incident is shared with whoever imports it, who can then share it further
        if (inc.confidentiality === 'restricted') await tx.shares.addShare(inc.id, { type: 'user', id: ctx.user.id, identifying: false }, ctx.user.id, now);
        if (inc.deletedAt === undefined) {
          const after = (await loadIncident(tx, inc.id))!;
          const { title, body } = incidentSearchText(after, vocab, tx.policy.marked);
          await indexIncident(tx.db, seq, title, body);
        } else {
          // removed incidents stay out of lists and search, as after deleteIncident
          await tx.db.updateTable('incidents').set({ deleted_at: inc.deletedAt }).where('id', '=', inc.id).execute();
        }
        progress('incidents')(n + 1, doc.incidents.length);
      }

      for (const [n, r] of doc.revisions.entries()) {
        await tx.incidents.addRevision(r.incidentId, r.version, r.at, who(r.userId), r.changes as FieldChange[]);
        progress('revisions')(n + 1, doc.revisions.length);
      }

      // where merged incidents went: written once every incident is, as it names another one
      await writeMerges(tx, doc);
      const dismissed = await writeDuplicateDismissals(tx, doc, who, progress('duplicateDismissals'));

      await writeRiskAssessments(tx, doc, who, progress('riskAssessments'));
      await writeResponse(tx, doc, who, { cases: progress('urgentCases'), campaigns: progress('campaigns') });
      await writeEvidence(tx, doc, files, who, { userId: ctx.user.id, now }, progress('evidence'));
      await writeAccompaniment(tx, doc, who, {
        families: progress('accompaniedFamilies'), people: progress('accompaniedPeople'), hearings: progress('hearings'), runs: progress('transportRuns'),
      });

      const counts: ImportResult = {
        incidents: doc.incidents.length,
        deletedIncidents: doc.incidents.filter((i) => i.deletedAt !== undefined).length,
        mergedIncidents: doc.incidents.filter((i) => i.mergedInto !== undefined).length,
        actors: doc.actors.length,
        revisions: doc.revisions.length,
        duplicateDismissals: dismissed,
        duplicateDismissalsKept: doc.duplicateDismissals.length - dismissed,
        schemes, terms, termsKept,
        organisations: organisationsAdded,
        organisationsKept: doc.organisations.length - organisationsAdded,
        riskAssessments: doc.riskAssessments.length,
        urgentCases: doc.urgentCases.length,
        appeals: doc.urgentCases.reduce((k, c) => k + c.appeals.length, 0),
        campaigns: doc.campaigns.length,
        evidence: doc.evidence.length,
        evidenceFiles: files.ids.reduce((k, f) => k + (f.view ? 2 : 1), 0),
        importMappings: doc.importMappings.length,
        importRuns: doc.importRuns.length,
        accompaniedFamilies: doc.accompaniedFamilies.length,
        accompaniedPeople: doc.accompaniedPeople.length,
        hearings: doc.hearings.length,
        transportRuns: doc.transportRuns.length,
        usersMatched: userMap.size,
        usersSkipped,
      };
      const { usersSkipped: skipped, ...detail } = counts;
      await tx.audit.add({ at: now, userId: ctx.user.id, action: 'interchange.imported', detail: { ...detail, usersSkipped: skipped.length } });
      return counts;
    });
  } catch (e) {
    if (files.ids.length) await discardEvidenceFiles(ctx.store, files);
    throw e;
  }
  if ((result.terms || result.schemes) && opts.reloadVocabulary) await opts.reloadVocabulary();
  return result;
}
