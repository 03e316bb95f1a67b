/**
 * Checks an interchange document against itself and what the workspace holds (docs/interchange.md,
 * "Importing", step 2): ids unique in the file; references that resolve — to a record of the file
 * or one the workspace already has; acts whose victim is one of the incident's; every code known to
 * the file's or the workspace's vocabularies; merged incidents removed, merged into another incident
 * and never round in a circle; dismissed pairs in order and listed once; a capture's screenshots
 * after their capture; at most one open urgent case per incident; saved mappings the app can read.
 */
import type { Store } from '../../store/store.js';
import { VocabularyIndex, type Term } from '../../domain/vocabulary/vocabulary.js';
import { checkIncidentCodes, checkActorCodes, type FieldProblem } from '../../domain/incident/check-codes.js';
import { importMappingSchema } from '../../domain/import/mapping.js';
import type { IncidentWithIds } from '../../store/repositories/incident-repository.js';
import type { ActorInput } from '../../domain/actor/schema.js';
import { loadVocabularyIndex } from '../vocabulary/sync-vocabulary-file.js';
import { existing } from './existing-ids.js';
import { problemsOf, type InterchangeDocument, type InterchangeIncident, type InterchangeActor } from './interchange-format.js';

/** The incident as the repository writes it: victims keyed by their actor id. */
export function toRepositoryInput(inc: InterchangeIncident): IncidentWithIds {
  return {
    title: inc.title,
    ...(inc.summary !== undefined ? { summary: inc.summary } : {}),
    ...(inc.date !== undefined ? { date: inc.date } : {}),
    place: inc.place,
    ...(inc.counts !== undefined ? { counts: inc.counts } : {}),
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

export function toActorInput(a: InterchangeActor): ActorInput {
  const { id: _i, orgId: _o, version: _v, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, ...rest } = a;
  return rest;
}

/** What the workspace already holds of what the document refers to without carrying it. */
export interface StoreState {
  vocab: VocabularyIndex;
  organisations: Set<string>;
  actors: Set<string>;
  incidents: Set<string>;
  /** urgent cases here, with their incident */
  cases: Map<string, string>;
  /** sources here, with their incident */
  sources: Map<string, string>;
  evidence: Set<string>;
  importRuns: Set<string>;
  importMappings: Set<string>;
}

/** Reads what the document refers to (and does not carry) from the workspace. */
export async function storeState(tx: Store, doc: InterchangeDocument): Promise<StoreState> {
  const inFile = <T extends { id: string }>(list: T[]) => new Set(list.map((x) => x.id));
  const outside = (refs: (string | undefined)[], carried: Set<string>) => refs.filter((r): r is string => r !== undefined && !carried.has(r));
  const fileActors = inFile(doc.actors);
  const fileIncidents = inFile(doc.incidents);
  const fileCases = inFile(doc.urgentCases);
  const fileSources = new Set(doc.incidents.flatMap((i) => i.sources.map((s) => s.id)));
  const actorRefs = [...doc.incidents.flatMap((i) => i.victims), ...doc.riskAssessments.map((r) => r.actorId), ...doc.evidence.map((e) => e.actorId)];
  const incidentRefs = [
    ...doc.incidents.map((i) => i.mergedInto), ...doc.duplicateDismissals.flatMap((d) => [d.incidentA, d.incidentB]),
    ...doc.urgentCases.map((c) => c.incidentId), ...doc.campaigns.map((c) => c.incidentId), ...doc.evidence.map((e) => e.incidentId),
  ];
  const caseIds = outside(doc.campaigns.map((c) => c.caseId), fileCases);
  const sourceIds = outside(doc.evidence.map((e) => e.sourceId), fileSources);
  const incidents = await existing(tx.db, 'incidents', 'id', outside(incidentRefs, fileIncidents));
  const cases = caseIds.length ? await tx.db.selectFrom('urgent_cases').select(['id', 'incident_id']).where('id', 'in', [...new Set(caseIds)]).execute() : [];
  const sources = sourceIds.length ? await tx.db.selectFrom('sources').select(['id', 'incident_id']).where('id', 'in', [...new Set(sourceIds)]).execute() : [];
  return {
    vocab: await loadVocabularyIndex(tx),
    organisations: new Set((await tx.db.selectFrom('organisations').select('id').execute()).map((o) => o.id)),
    actors: await existing(tx.db, 'actors', 'id', outside(actorRefs, fileActors)),
    incidents,
    cases: new Map(cases.map((c) => [c.id, c.incident_id])),
    sources: new Map(sources.map((s) => [s.id, s.incident_id])),
    evidence: await existing(tx.db, 'evidence_items', 'id', outside(doc.evidence.map((e) => e.parentId), inFile(doc.evidence))),
    importRuns: await existing(tx.db, 'import_runs', 'id', outside([...doc.incidents.map((i) => i.importRunId)], inFile(doc.importRuns))),
    importMappings: await existing(tx.db, 'import_mappings', 'id', outside(doc.importRuns.map((r) => r.mappingId), inFile(doc.importMappings))),
  };
}

/** Checks the document against itself (ids unique, references resolve, codes known), given what the store holds. */
export function checkDocument(doc: InterchangeDocument, st: StoreState): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const unique = (seen: Map<string, string>, id: string, path: string) => {
    const first = seen.get(id);
    if (first !== undefined) problems.push({ path, message: `duplicate id ${id} (also at ${first})` });
    else seen.set(id, path);
  };
  const ids = () => new Map<string, string>();

  // vocabularies: the file's terms join the store's for checking codes; retired terms are fine (old records use them)
  const schemeIds = new Set([...st.vocab.schemes.map((s) => s.id)]);
  const seenSchemes = ids();
  doc.vocabularies.schemes.forEach((s, i) => { unique(seenSchemes, s.id, `vocabularies.schemes[${i}].id`); schemeIds.add(s.id); });
  const seenTerms = ids();
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
  const seenOrgs = ids();
  doc.organisations.forEach((o, i) => { unique(seenOrgs, o.id, `organisations[${i}].id`); orgIds.add(o.id); });
  const orgRef = (id: string, path: string) => { if (!orgIds.has(id)) problems.push({ path, message: `no organisation ${id} in this file or this workspace` }); };

  const seenUsers = ids();
  const seenEmails = ids();
  doc.users.forEach((u, i) => {
    unique(seenUsers, u.id, `users[${i}].id`);
    if (seenEmails.has(u.email)) problems.push({ path: `users[${i}].email`, message: `duplicate e-mail (also at ${seenEmails.get(u.email)!})` });
    else seenEmails.set(u.email, `users[${i}].email`);
    orgRef(u.orgId, `users[${i}].orgId`);
  });

  // every id is a primary key of its own table, so one namespace per kind
  const seenActors = ids();
  const seenMeasures = ids();
  const actorIds = new Set(st.actors);
  doc.actors.forEach((a, i) => {
    unique(seenActors, a.id, `actors[${i}].id`);
    actorIds.add(a.id);
    orgRef(a.orgId, `actors[${i}].orgId`);
    a.protectionMeasures.forEach((m, j) => unique(seenMeasures, m.id, `actors[${i}].protectionMeasures[${j}].id`));
    problems.push(...checkActorCodes(toActorInput(a), checkVocab).map((p) => ({ path: `actors[${i}].${p.path}`, message: p.message })));
  });
  const actorRef = (id: string, path: string) => { if (!actorIds.has(id)) problems.push({ path, message: `no person or organisation ${id} in this file or this workspace` }); };

  // the record of imports comes before the incidents that name it
  const mappingIds = new Set(st.importMappings);
  const seenMappings = ids();
  const mappingNames = ids();
  doc.importMappings.forEach((m, i) => {
    unique(seenMappings, m.id, `importMappings[${i}].id`);
    mappingIds.add(m.id);
    orgRef(m.orgId, `importMappings[${i}].orgId`);
    const key = `${m.orgId}\n${m.name}`;
    if (mappingNames.has(key)) problems.push({ path: `importMappings[${i}].name`, message: `another mapping of the organisation has this name (${mappingNames.get(key)!})` });
    else mappingNames.set(key, `importMappings[${i}]`);
    const r = importMappingSchema.safeParse(m.mapping, { reportInput: true });
    if (!r.success) problems.push(...problemsOf(r.error, `importMappings[${i}].mapping`));
  });
  const runIds = new Set(st.importRuns);
  const seenRuns = ids();
  doc.importRuns.forEach((r, i) => {
    unique(seenRuns, r.id, `importRuns[${i}].id`);
    runIds.add(r.id);
    orgRef(r.orgId, `importRuns[${i}].orgId`);
    if (r.mappingId !== undefined && !mappingIds.has(r.mappingId)) problems.push({ path: `importRuns[${i}].mappingId`, message: `no import mapping ${r.mappingId} in this file or this workspace` });
  });

  const seen = { incidents: ids(), acts: ids(), involvements: ids(), sources: ids(), interventions: ids() };
  const versions = new Map<string, number>();
  const incidentIds = new Set(st.incidents);
  const sourceOf = new Map(st.sources);
  doc.incidents.forEach((inc, i) => {
    const at = `incidents[${i}]`;
    unique(seen.incidents, inc.id, `${at}.id`);
    versions.set(inc.id, inc.version);
    incidentIds.add(inc.id);
    orgRef(inc.orgId, `${at}.orgId`);
    if (inc.importRunId !== undefined && !runIds.has(inc.importRunId)) problems.push({ path: `${at}.importRunId`, message: `no import run ${inc.importRunId} in this file or this workspace` });
    const victims = new Set<string>();
    inc.victims.forEach((v, j) => {
      if (victims.has(v)) problems.push({ path: `${at}.victims[${j}]`, message: `${v} is listed twice` });
      victims.add(v);
      actorRef(v, `${at}.victims[${j}]`);
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
    inc.sources.forEach((s, j) => { unique(seen.sources, s.id, `${at}.sources[${j}].id`); sourceOf.set(s.id, inc.id); });
    inc.interventions.forEach((s, j) => unique(seen.interventions, s.id, `${at}.interventions[${j}].id`));
    // codes, countries, states and crossings; victim references were checked above
    for (const p of checkIncidentCodes(toRepositoryInput(inc), checkVocab)) {
      if (/^(acts\[\d+\]\.victimKey|victims\[\d+\]\.key)$/.test(p.path)) continue;
      problems.push({ path: `${at}.${p.path}`, message: p.message });
    }
  });
  const incidentRef = (id: string, path: string) => { if (!incidentIds.has(id)) problems.push({ path, message: `no incident ${id} in this file or this workspace` }); };

  // merges: into an incident of the file or the workspace, never itself, never round in a circle
  // (the workspace's incidents are never merged into the file's, so a circle lies within the file)
  const mergedInto = new Map(doc.incidents.filter((i) => i.mergedInto !== undefined).map((i) => [i.id, i.mergedInto!] as const));
  doc.incidents.forEach((inc, i) => {
    if (inc.mergedInto === undefined) return;
    const at = `incidents[${i}]`;
    if (inc.mergedInto === inc.id) problems.push({ path: `${at}.mergedInto`, message: 'is the incident itself' });
    else incidentRef(inc.mergedInto, `${at}.mergedInto`);
    if (inc.deletedAt === undefined) problems.push({ path: `${at}.deletedAt`, message: 'is required when mergedInto is set (a merged incident is removed)' });
    const walked = new Set([inc.id]);
    let next: string | undefined = inc.mergedInto;
    while (next !== undefined && !walked.has(next)) {
      walked.add(next);
      next = mergedInto.get(next);
    }
    if (next === inc.id && inc.mergedInto !== inc.id) problems.push({ path: `${at}.mergedInto`, message: 'the incidents it was merged into lead back to it (merges never make a circle)' });
  });

  const seenPairs = ids();
  doc.duplicateDismissals.forEach((d, i) => {
    const at = `duplicateDismissals[${i}]`;
    incidentRef(d.incidentA, `${at}.incidentA`);
    incidentRef(d.incidentB, `${at}.incidentB`);
    if (!(d.incidentA < d.incidentB)) problems.push({ path: `${at}.incidentB`, message: 'must come after incidentA (a pair is written in code-unit order, incidentA < incidentB)' });
    const key = `${d.incidentA}|${d.incidentB}`;
    if (seenPairs.has(key)) problems.push({ path: at, message: `the same pair is listed twice (also at ${seenPairs.get(key)!})` });
    else seenPairs.set(key, at);
  });

  const seenRevisions = ids();
  doc.revisions.forEach((r, i) => {
    unique(seenRevisions, `${r.incidentId}@${r.version}`, `revisions[${i}].version`);
    const v = versions.get(r.incidentId);
    if (v === undefined) problems.push({ path: `revisions[${i}].incidentId`, message: `no incident ${r.incidentId} in this file` });
    else if (r.version > v) problems.push({ path: `revisions[${i}].version`, message: `is after the incident's version (${v})` });
  });

  const seenAssessments = ids();
  const seenVersions = ids();
  doc.riskAssessments.forEach((r, i) => {
    unique(seenAssessments, r.id, `riskAssessments[${i}].id`);
    const key = `${r.actorId}@${r.version}`;
    if (seenVersions.has(key)) problems.push({ path: `riskAssessments[${i}].version`, message: `version ${r.version} of this person's or organisation's assessment is also at ${seenVersions.get(key)!}` });
    else seenVersions.set(key, `riskAssessments[${i}]`);
    actorRef(r.actorId, `riskAssessments[${i}].actorId`);
  });

  const caseIncident = new Map(st.cases);
  const openCase = new Map<string, string>();
  const seenCases = ids();
  const seenSteps = ids();
  const seenNotes = ids();
  const seenAppeals = ids();
  doc.urgentCases.forEach((c, i) => {
    const at = `urgentCases[${i}]`;
    unique(seenCases, c.id, `${at}.id`);
    caseIncident.set(c.id, c.incidentId);
    incidentRef(c.incidentId, `${at}.incidentId`);
    if (c.status === 'open') {
      const other = openCase.get(c.incidentId);
      if (other !== undefined) problems.push({ path: `${at}.status`, message: `the incident has another open urgent case (${other}); an incident has one open case at a time` });
      else openCase.set(c.incidentId, at);
    }
    c.steps.forEach((s, j) => unique(seenSteps, s.id, `${at}.steps[${j}].id`));
    c.notes.forEach((n, j) => unique(seenNotes, n.id, `${at}.notes[${j}].id`));
    c.appeals.forEach((a, j) => unique(seenAppeals, a.id, `${at}.appeals[${j}].id`));
  });

  const seenCampaigns = ids();
  doc.campaigns.forEach((c, i) => {
    const at = `campaigns[${i}]`;
    unique(seenCampaigns, c.id, `${at}.id`);
    incidentRef(c.incidentId, `${at}.incidentId`);
    if (c.caseId !== undefined) {
      const of = caseIncident.get(c.caseId);
      if (of === undefined) problems.push({ path: `${at}.caseId`, message: `no urgent case ${c.caseId} in this file or this workspace` });
      else if (of !== c.incidentId) problems.push({ path: `${at}.caseId`, message: `urgent case ${c.caseId} is about another incident` });
    }
  });

  const seenEvidence = ids();
  const evidenceIds = new Set(st.evidence);
  doc.evidence.forEach((e, i) => {
    const at = `evidence[${i}]`;
    unique(seenEvidence, e.id, `${at}.id`);
    if (e.incidentId !== undefined) incidentRef(e.incidentId, `${at}.incidentId`);
    if (e.actorId !== undefined) actorRef(e.actorId, `${at}.actorId`);
    if (e.sourceId !== undefined) {
      const of = sourceOf.get(e.sourceId);
      if (e.incidentId === undefined || of !== e.incidentId) problems.push({ path: `${at}.sourceId`, message: `is not a source of the item's incident` });
    }
    if (e.parentId !== undefined && !evidenceIds.has(e.parentId)) problems.push({ path: `${at}.parentId`, message: `no evidence item ${e.parentId} earlier in this file or in this workspace` });
    evidenceIds.add(e.id);
  });
  return problems;
}
