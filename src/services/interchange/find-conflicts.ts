/**
 * Ids in the file that this workspace already has (docs/interchange.md, "Importing", step 3):
 * each is listed, and nothing is imported — records are never overwritten or merged. Also a
 * conflict: a version of a person's risk assessment the workspace already has, a saved mapping
 * name its organisation already uses.
 */
import type { Store } from '../../store/store.js';
import type { FieldProblem } from '../../domain/incident/check-codes.js';
import { mappingNamesTaken } from '../../store/interchange/import-rows.js';
import { existing } from './existing-ids.js';
import type { InterchangeDocument } from './interchange-format.js';

type Entry = { id: string; path: string };

export async function findConflicts(tx: Store, doc: InterchangeDocument): Promise<FieldProblem[]> {
  const out: FieldProblem[] = [];
  const check = async (table: string, entries: Entry[], what: string) => {
    const found = await existing(tx.db, table, 'id', entries.map((e) => e.id));
    for (const e of entries) if (found.has(e.id)) out.push({ path: e.path, message: `${what} ${e.id} already exists in this workspace` });
  };
  const acts: Entry[] = [];
  const involvements: Entry[] = [];
  const sources: Entry[] = [];
  const interventions: Entry[] = [];
  doc.incidents.forEach((inc, i) => {
    inc.acts.forEach((a, j) => {
      acts.push({ id: a.id, path: `incidents[${i}].acts[${j}].id` });
      a.perpetrators.forEach((p, k) => involvements.push({ id: p.id, path: `incidents[${i}].acts[${j}].perpetrators[${k}].id` }));
    });
    inc.sources.forEach((s, j) => sources.push({ id: s.id, path: `incidents[${i}].sources[${j}].id` }));
    inc.interventions.forEach((s, j) => interventions.push({ id: s.id, path: `incidents[${i}].interventions[${j}].id` }));
  });
  const steps: Entry[] = [];
  const notes: Entry[] = [];
  const appeals: Entry[] = [];
  doc.urgentCases.forEach((c, i) => {
    c.steps.forEach((s, j) => steps.push({ id: s.id, path: `urgentCases[${i}].steps[${j}].id` }));
    c.notes.forEach((n, j) => notes.push({ id: n.id, path: `urgentCases[${i}].notes[${j}].id` }));
    c.appeals.forEach((a, j) => appeals.push({ id: a.id, path: `urgentCases[${i}].appeals[${j}].id` }));
  });
  const list = <T extends { id: string }>(items: T[], section: string) => items.map((x, i) => ({ id: x.id, path: `${section}[${i}].id` }));
  await check('incidents', list(doc.incidents, 'incidents'), 'incident');
  await check('actors', list(doc.actors, 'actors'), 'person or organisation');
  await check('protection_measures', doc.actors.flatMap((a, i) => a.protectionMeasures.map((m, j) => ({ id: m.id, path: `actors[${i}].protectionMeasures[${j}].id` }))), 'protection measure');
  await check('acts', acts, 'act');
  await check('involvements', involvements, 'perpetrator involvement');
  await check('sources', sources, 'source');
  await check('interventions', interventions, 'intervention');
  await check('risk_assessments', list(doc.riskAssessments, 'riskAssessments'), 'risk assessment');
  await check('urgent_cases', list(doc.urgentCases, 'urgentCases'), 'urgent case');
  await check('urgent_steps', steps, 'checklist step');
  await check('urgent_notes', notes, 'note');
  await check('appeals', appeals, 'appeal');
  await check('campaigns', list(doc.campaigns, 'campaigns'), 'campaign');
  await check('evidence_items', list(doc.evidence, 'evidence'), 'evidence item');
  await check('import_mappings', list(doc.importMappings, 'importMappings'), 'import mapping');
  await check('import_runs', list(doc.importRuns, 'importRuns'), 'import run');

  // versions of an assessment the workspace already has (one row per person and version)
  const assessed = await existing(tx.db, 'risk_assessments', 'actor_id', doc.riskAssessments.map((r) => r.actorId));
  if (assessed.size) {
    const have = new Set((await tx.db.selectFrom('risk_assessments').select(['actor_id', 'version']).where('actor_id', 'in', [...assessed]).execute()).map((r) => `${r.actor_id}@${Number(r.version)}`));
    doc.riskAssessments.forEach((r, i) => {
      if (have.has(`${r.actorId}@${r.version}`)) out.push({ path: `riskAssessments[${i}].version`, message: `version ${r.version} of the assessment of ${r.actorId} already exists in this workspace` });
    });
  }
  // an incident here that already has an open urgent case takes no second one
  const opening = doc.urgentCases.map((c, i) => ({ c, i })).filter(({ c }) => c.status === 'open');
  const busy = new Set<string>();
  for (let k = 0; k < opening.length; k += 500) {
    const part = opening.slice(k, k + 500);
    for (const r of await tx.db.selectFrom('urgent_cases').select('incident_id').where('status', '=', 'open').where('incident_id', 'in', part.map(({ c }) => c.incidentId)).execute()) busy.add(r.incident_id);
  }
  for (const { c, i } of opening) {
    if (busy.has(c.incidentId)) out.push({ path: `urgentCases[${i}].status`, message: `incident ${c.incidentId} already has an open urgent case in this workspace; an incident has one open case at a time` });
  }
  const taken = await mappingNamesTaken(tx.db, doc.importMappings);
  doc.importMappings.forEach((m, i) => {
    if (taken.has(`${m.orgId}\n${m.name}`)) out.push({ path: `importMappings[${i}].name`, message: `the organisation already has a mapping with this name in this workspace` });
  });
  return out;
}
