/**
 * What must hold after every kill: the store is structurally sound, the audit chain is whole and
 * still holds the head the previous check saw, the full-text index has exactly
 * one row per live incident, every acknowledged write is there (at its acknowledged version or a
 * later one), and every import batch is entirely there or entirely absent — with its audit event
 * exactly when its rows are there.
 */
import type { Probe } from './store-probe.js';
import type { ChainHeadView } from '../../src/services/audit/verify-audit-chain.js';
import type { Ledger } from './writers.js';
import type { Batch, ImportOutcome } from './import-batch.js';

export interface ImportRecord {
  iteration: number;
  batch: Batch;
  outcome: ImportOutcome;
  /** set by the first check after the kill, and must never change afterwards */
  verdict?: 'all' | 'none';
}

export interface CheckResult {
  problems: string[];
  /** the audit chain's head now: the next check's anchor */
  head?: ChainHeadView;
  /** entries in the audit chain */
  auditEntries: number;
  /** acknowledged incidents compared with the store in this check */
  acksChecked: number;
  incidents: number;
}

async function countsBy(p: Probe, table: string): Promise<Map<string, number>> {
  const rows = await p.all<{ id: string; n: number }>(`SELECT incident_id AS id, count(*) AS n FROM ${table} GROUP BY incident_id`);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function checkStore(p: Probe, ledger: Ledger, imports: ImportRecord[], anchor: ChainHeadView | undefined): Promise<CheckResult> {
  const problems = await p.structuralProblems();
  // the chain is whole, and still holds the head the previous check saw (nothing committed was cut off)
  const chain = await p.verifyChain(anchor);
  if (!chain.ok) problems.push(`audit chain: ${chain.problem.kind} at ${chain.problem.seq ?? 'the head'}: ${chain.problem.message}`);

  const rows = await p.all<{ id: string; version: number; title: string; deleted_at: string | null }>('SELECT id, version, title, deleted_at FROM incidents');
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const ack of ledger.latest.values()) {
    const row = byId.get(ack.id);
    if (!row) problems.push(`acknowledged incident ${ack.id} (version ${ack.version}, "${ack.title}") is missing`);
    else if (row.deleted_at !== null) problems.push(`acknowledged incident ${ack.id} is marked removed`);
    else if (row.version < ack.version) problems.push(`incident ${ack.id} is at version ${row.version}, but version ${ack.version} was acknowledged`);
    else if (row.version === ack.version && row.title !== ack.title) problems.push(`incident ${ack.id} version ${ack.version} has title "${row.title}", acknowledged "${ack.title}"`);
  }

  const [missing] = await p.all<{ n: number }>(`SELECT count(*) AS n FROM incidents i WHERE i.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM incident_fts f WHERE f.${p.ftsSeq} = i.seq)`);
  if (missing!.n) problems.push(`${missing!.n} live incidents have no row in the search index`);
  const [orphans] = await p.all<{ n: number }>(`SELECT count(*) AS n FROM incident_fts f WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.seq = f.${p.ftsSeq} AND i.deleted_at IS NULL)`);
  if (orphans!.n) problems.push(`${orphans!.n} search index rows belong to no live incident`);

  const acts = await countsBy(p, 'acts');
  const sources = await countsBy(p, 'sources');
  const revisions = await countsBy(p, 'incident_revisions');
  const actors = new Set((await p.all<{ id: string }>('SELECT id FROM actors')).map((r) => r.id));
  const sum = (m: Map<string, number>, ids: string[]) => ids.reduce((t, id) => t + (m.get(id) ?? 0), 0);
  let applied = 0;
  for (const imp of imports) {
    const b = imp.batch;
    const found = {
      incidents: b.incidentIds.filter((id) => byId.has(id)).length,
      actors: b.actorIds.filter((id) => actors.has(id)).length,
      acts: sum(acts, b.incidentIds),
      sources: sum(sources, b.incidentIds),
      revisions: sum(revisions, b.incidentIds),
    };
    const expected = { incidents: b.incidentIds.length, actors: b.actorIds.length, acts: b.acts, sources: b.sources, revisions: b.revisions };
    const all = (Object.keys(expected) as (keyof typeof expected)[]).every((k) => found[k] === expected[k]);
    const none = Object.values(found).every((n) => n === 0);
    if (!all && !none) {
      problems.push(`import ${b.marker} (${imp.outcome}) is half-applied: ${JSON.stringify(found)} of ${JSON.stringify(expected)}`);
      continue;
    }
    const verdict = all ? 'all' : 'none';
    if (all) applied++;
    if (imp.outcome === 'committed' && !all) problems.push(`import ${b.marker} was acknowledged but is absent`);
    if (imp.outcome === 'failed' && all) problems.push(`import ${b.marker} reported failure but is applied`);
    if (imp.verdict && imp.verdict !== verdict) problems.push(`import ${b.marker} was "${imp.verdict}" after its kill and is "${verdict}" now`);
    imp.verdict ??= verdict;
  }
  const [events] = await p.all<{ n: number }>(`SELECT count(*) AS n FROM audit_events WHERE action = 'interchange.imported'`);
  if (events!.n !== applied) problems.push(`${events!.n} interchange.imported audit events for ${applied} applied batches`);

  return { problems, ...(chain.ok ? { head: chain.head, auditEntries: chain.count } : { auditEntries: 0 }), acksChecked: ledger.latest.size, incidents: rows.length };
}
