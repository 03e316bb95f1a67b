/**
 * Imports an interchange document (docs/interchange.md) into this workspace, all or nothing:
 *  1. the whole document is validated against the format (problems name their JSON path);
 *  2. inside one transaction, it is checked against itself and the store — unique ids, victims
 *     that exist, acts whose victim is one of the incident's, every code known to the file's or
 *     the store's vocabularies, ids that already exist here (a conflict: nothing is overwritten);
 *  3. then everything is written in that same transaction, with the search index and the audit
 *     event, so a failure at any point leaves the workspace as it was.
 * Ids, versions, dates and authors are kept. Accounts are not created (they are managed apart):
 * references to an account are translated to the account here with the same e-mail.
 */
import { sql, type Kysely } from 'kysely';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import type { Store } from '../../store/store.js';
import type { Database } from '../../store/schema-types.js';
import type { IncidentWithIds } from '../../store/repositories/incident-repository.js';
import { VocabularyIndex, type Term } from '../../domain/vocabulary/vocabulary.js';
import { checkIncidentCodes, checkActorCodes, type FieldProblem } from '../../domain/incident/check-codes.js';
import type { ActorInput } from '../../domain/actor/schema.js';
import type { FieldChange } from '../../domain/incident/history.js';
import { incidentSearchText } from '../../domain/incident/search-text.js';
import { indexIncident } from '../../store/search/incident-search.js';
import { loadVocabularyIndex } from '../vocabulary/sync-vocabulary-file.js';
import { loadIncident } from '../incidents/save-incident.js';
import { invalid, ServiceError } from '../errors.js';
import { parseInterchangeDocument, type InterchangeDocument, type InterchangeIncident, type InterchangeActor } from './interchange-format.js';

export type ImportPhase = 'vocabularies' | 'organisations' | 'actors' | 'incidents' | 'revisions';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Called while writing (inside the transaction); throwing from it aborts the import and writes nothing. */
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
  actors: number;
  revisions: number;
  /** vocabulary schemes and terms added; terms the workspace already had are left as they are */
  schemes: number;
  terms: number;
  termsKept: number;
  organisations: number;
  organisationsKept: number;
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

/** Of `ids`, those present in `table`.`column` (queried in chunks). */
async function existing(db: Kysely<Database>, table: string, column: string, ids: Iterable<string>): Promise<Set<string>> {
  const all = [...new Set(ids)];
  const found = new Set<string>();
  for (let i = 0; i < all.length; i += 500) {
    const chunk = all.slice(i, i + 500);
    const r = await sql<{ v: string }>`SELECT ${sql.ref(column)} AS v FROM ${sql.table(table)} WHERE ${sql.ref(column)} IN (${sql.join(chunk)})`.execute(db);
    for (const row of r.rows) found.add(row.v);
  }
  return found;
}

/** The incident as the repository writes it: victims keyed by their actor id. */
function toRepositoryInput(inc: InterchangeIncident): IncidentWithIds {
  return {
    title: inc.title,
    ...(inc.summary !== undefined ? { summary: inc.summary } : {}),
    ...(inc.date !== undefined ? { date: inc.date } : {}),
    place: inc.place,
    context: inc.context,
    status: inc.status,
    followUp: inc.followUp,
    confidentiality: inc.confidentiality,
    victims: inc.victims.map((actorId) => ({ key: actorId, actorId })),
    acts: inc.acts.map(({ victimId, ...a }) => ({ ...a, ...(victimId !== undefined ? { victimKey: victimId } : {}) })),
    sources: inc.sources,
    interventions: inc.interventions,
  };
}

function toActorInput(a: InterchangeActor): ActorInput {
  const { id: _i, orgId: _o, version: _v, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, ...rest } = a;
  return rest;
}

interface StoreState {
  vocab: VocabularyIndex;
  organisations: Set<string>;
  /** actors the file's incidents name as victims that this workspace already has */
  actorsInStore: Set<string>;
}

/** Checks the document against itself (ids unique, references resolve, codes known), given what the store holds. */
function checkDocument(doc: InterchangeDocument, st: StoreState): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const unique = (seen: Map<string, string>, id: string, path: string) => {
    const first = seen.get(id);
    if (first !== undefined) problems.push({ path, message: `duplicate id ${id} (also at ${first})` });
    else seen.set(id, path);
  };

  // vocabularies: the file's terms join the store's for checking codes; retired terms are fine (old records use them)
  const schemeIds = new Set([...st.vocab.schemes.map((s) => s.id)]);
  const seenSchemes = new Map<string, string>();
  doc.vocabularies.schemes.forEach((s, i) => { unique(seenSchemes, s.id, `vocabularies.schemes[${i}].id`); schemeIds.add(s.id); });
  const seenTerms = new Map<string, string>();
  const termKeys = new Set(st.vocab.terms.map((t) => `${t.scheme}:${t.code}`));
  for (const t of doc.vocabularies.terms) termKeys.add(`${t.scheme}:${t.code}`);
  doc.vocabularies.terms.forEach((t, i) => {
    unique(seenTerms, `${t.scheme}:${t.code}`, `vocabularies.terms[${i}].code`);
    if (!schemeIds.has(t.scheme)) problems.push({ path: `vocabularies.terms[${i}].scheme`, message: `unknown vocabulary "${t.scheme}"` });
    if (t.parent !== undefined && !termKeys.has(`${t.scheme}:${t.parent}`)) problems.push({ path: `vocabularies.terms[${i}].parent`, message: `unknown code "${t.parent}" in vocabulary ${t.scheme}` });
  });
  const merged = new Map<string, Term>();
  for (const t of doc.vocabularies.terms) {
    merged.set(`${t.scheme}:${t.code}`, { scheme: t.scheme, code: t.code, parent: t.parent ?? null, label: t.label, sort: t.sort, mapping: t.mapping ?? null, retired: false, builtin: t.builtin });
  }
  for (const t of st.vocab.terms) merged.set(`${t.scheme}:${t.code}`, { ...t, retired: false });
  const checkVocab = new VocabularyIndex([...st.vocab.schemes], [...merged.values()]);

  const orgIds = new Set(st.organisations);
  const seenOrgs = new Map<string, string>();
  doc.organisations.forEach((o, i) => { unique(seenOrgs, o.id, `organisations[${i}].id`); orgIds.add(o.id); });
  const orgRef = (id: string, path: string) => { if (!orgIds.has(id)) problems.push({ path, message: `no organisation ${id} in this file or this workspace` }); };

  const seenUsers = new Map<string, string>();
  const seenEmails = new Map<string, string>();
  doc.users.forEach((u, i) => {
    unique(seenUsers, u.id, `users[${i}].id`);
    if (seenEmails.has(u.email)) problems.push({ path: `users[${i}].email`, message: `duplicate e-mail (also at ${seenEmails.get(u.email)!})` });
    else seenEmails.set(u.email, `users[${i}].email`);
    orgRef(u.orgId, `users[${i}].orgId`);
  });

  // every part id is a primary key of its own table, so one namespace per kind
  const seenActors = new Map<string, string>();
  const seenMeasures = new Map<string, string>();
  const actorIds = new Set(st.actorsInStore);
  doc.actors.forEach((a, i) => {
    unique(seenActors, a.id, `actors[${i}].id`);
    actorIds.add(a.id);
    orgRef(a.orgId, `actors[${i}].orgId`);
    a.protectionMeasures.forEach((m, j) => unique(seenMeasures, m.id, `actors[${i}].protectionMeasures[${j}].id`));
    problems.push(...checkActorCodes(toActorInput(a), checkVocab).map((p) => ({ path: `actors[${i}].${p.path}`, message: p.message })));
  });

  const seen = { incidents: new Map<string, string>(), acts: new Map<string, string>(), involvements: new Map<string, string>(), sources: new Map<string, string>(), interventions: new Map<string, string>() };
  const versions = new Map<string, number>();
  doc.incidents.forEach((inc, i) => {
    const at = `incidents[${i}]`;
    unique(seen.incidents, inc.id, `${at}.id`);
    versions.set(inc.id, inc.version);
    orgRef(inc.orgId, `${at}.orgId`);
    const victims = new Set<string>();
    inc.victims.forEach((v, j) => {
      if (victims.has(v)) problems.push({ path: `${at}.victims[${j}]`, message: `${v} is listed twice` });
      victims.add(v);
      if (!actorIds.has(v)) problems.push({ path: `${at}.victims[${j}]`, message: `no person or organisation ${v} in this file or this workspace` });
    });
    const context = new Set<string>();
    inc.context.forEach((c, j) => {
      if (context.has(c)) problems.push({ path: `${at}.context[${j}]`, message: `"${c}" is listed twice` });
      context.add(c);
    });
    inc.acts.forEach((a, j) => {
      unique(seen.acts, a.id, `${at}.acts[${j}].id`);
      if (a.victimId !== undefined && !victims.has(a.victimId)) problems.push({ path: `${at}.acts[${j}].victimId`, message: `${a.victimId} is not one of this incident's victims` });
      a.perpetrators.forEach((p, k) => unique(seen.involvements, p.id, `${at}.acts[${j}].perpetrators[${k}].id`));
    });
    inc.sources.forEach((s, j) => unique(seen.sources, s.id, `${at}.sources[${j}].id`));
    inc.interventions.forEach((s, j) => unique(seen.interventions, s.id, `${at}.interventions[${j}].id`));
    // codes, countries, states and crossings; victim references were checked above
    const input = toRepositoryInput(inc);
    for (const p of checkIncidentCodes(input, checkVocab)) {
      if (/^(acts\[\d+\]\.victimKey|victims\[\d+\]\.key)$/.test(p.path)) continue;
      problems.push({ path: `${at}.${p.path}`, message: p.message });
    }
  });

  const seenRevisions = new Map<string, string>();
  doc.revisions.forEach((r, i) => {
    unique(seenRevisions, `${r.incidentId}@${r.version}`, `revisions[${i}].version`);
    const v = versions.get(r.incidentId);
    if (v === undefined) problems.push({ path: `revisions[${i}].incidentId`, message: `no incident ${r.incidentId} in this file` });
    else if (r.version > v) problems.push({ path: `revisions[${i}].version`, message: `is after the incident's version (${v})` });
  });
  return problems;
}

/** Ids in the file that this workspace already has: a conflict, listed, never overwritten. */
async function findConflicts(tx: Store, doc: InterchangeDocument): Promise<FieldProblem[]> {
  const out: FieldProblem[] = [];
  const check = async (table: string, entries: { id: string; path: string }[], what: string) => {
    const found = await existing(tx.db, table, 'id', entries.map((e) => e.id));
    for (const e of entries) if (found.has(e.id)) out.push({ path: e.path, message: `${what} ${e.id} already exists in this workspace` });
  };
  const incidents = doc.incidents.map((inc, i) => ({ id: inc.id, path: `incidents[${i}].id` }));
  const acts: { id: string; path: string }[] = [];
  const involvements: { id: string; path: string }[] = [];
  const sources: { id: string; path: string }[] = [];
  const interventions: { id: string; path: string }[] = [];
  doc.incidents.forEach((inc, i) => {
    inc.acts.forEach((a, j) => {
      acts.push({ id: a.id, path: `incidents[${i}].acts[${j}].id` });
      a.perpetrators.forEach((p, k) => involvements.push({ id: p.id, path: `incidents[${i}].acts[${j}].perpetrators[${k}].id` }));
    });
    inc.sources.forEach((s, j) => sources.push({ id: s.id, path: `incidents[${i}].sources[${j}].id` }));
    inc.interventions.forEach((s, j) => interventions.push({ id: s.id, path: `incidents[${i}].interventions[${j}].id` }));
  });
  const actors = doc.actors.map((a, i) => ({ id: a.id, path: `actors[${i}].id` }));
  const measures = doc.actors.flatMap((a, i) => a.protectionMeasures.map((m, j) => ({ id: m.id, path: `actors[${i}].protectionMeasures[${j}].id` })));
  await check('incidents', incidents, 'incident');
  await check('actors', actors, 'person or organisation');
  await check('protection_measures', measures, 'protection measure');
  await check('acts', acts, 'act');
  await check('involvements', involvements, 'perpetrator involvement');
  await check('sources', sources, 'source');
  await check('interventions', interventions, 'intervention');
  return out;
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
  const now = ctx.now();
  const progress = (phase: ImportPhase, done: number, total: number) => {
    if (opts.onProgress && (done === total || done % 100 === 0)) opts.onProgress({ phase, done, total });
  };

  const result = await ctx.store.transaction(async (tx) => {
    // what the store already has
    const vocabBefore = await loadVocabularyIndex(tx);
    const organisations = new Set((await tx.db.selectFrom('organisations').select('id').execute()).map((o) => o.id));
    const usersByEmail = new Map((await tx.db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.email, u.id] as const));
    const actorsInFile = new Set(doc.actors.map((a) => a.id));
    const actorsInStore = await existing(tx.db, 'actors', 'id', doc.incidents.flatMap((i) => i.victims).filter((v) => !actorsInFile.has(v)));

    const problems = checkDocument(doc, { vocab: vocabBefore, organisations, actorsInStore });
    if (problems.length) throw invalid(tooMany(problems));
    const conflicts = await findConflicts(tx, doc);
    if (conflicts.length) {
      const listed = tooMany(conflicts);
      throw new ServiceError(409, 'conflict', `nothing was imported: ${listed.map((p) => `${p.path}: ${p.message}`).join('; ')}`, listed);
    }

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
      progress('vocabularies', n + 1, doc.vocabularies.terms.length);
    }
    // the search text needs the labels of the terms just added
    const vocab = terms || schemes ? await loadVocabularyIndex(tx) : vocabBefore;

    let organisationsAdded = 0;
    for (const [n, o] of doc.organisations.entries()) {
      if (!organisations.has(o.id)) {
        await tx.users.insertOrganisation(o.id, o.name, o.createdAt);
        organisationsAdded++;
      }
      progress('organisations', n + 1, doc.organisations.length);
    }

    for (const [n, a] of doc.actors.entries()) {
      await tx.actors.write(
        { id: a.id, orgId: a.orgId, userId: who(a.updatedBy), now: a.updatedAt, version: a.version, createdAt: a.createdAt, createdBy: who(a.createdBy) },
        toActorInput(a),
        true,
      );
      progress('actors', n + 1, doc.actors.length);
    }

    for (const [n, inc] of doc.incidents.entries()) {
      const seq = await tx.incidents.write(
        { id: inc.id, orgId: inc.orgId, userId: who(inc.updatedBy), now: inc.updatedAt, version: inc.version, createdAt: inc.createdAt, createdBy: who(inc.createdBy) },
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
      progress('incidents', n + 1, doc.incidents.length);
    }

    for (const [n, r] of doc.revisions.entries()) {
      await tx.incidents.addRevision(r.incidentId, r.version, r.at, who(r.userId), r.changes as FieldChange[]);
      progress('revisions', n + 1, doc.revisions.length);
    }

    const counts: ImportResult = {
      incidents: doc.incidents.length,
      deletedIncidents: doc.incidents.filter((i) => i.deletedAt !== undefined).length,
      actors: doc.actors.length,
      revisions: doc.revisions.length,
      schemes, terms, termsKept,
      organisations: organisationsAdded,
      organisationsKept: doc.organisations.length - organisationsAdded,
      usersMatched: userMap.size,
      usersSkipped,
    };
    const { usersSkipped: skipped, ...detail } = counts;
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'interchange.imported', detail: { ...detail, usersSkipped: skipped.length } });
    return counts;
  });
  if ((result.terms || result.schemes) && opts.reloadVocabulary) await opts.reloadVocabulary();
  return result;
}
