/**
 * Reading what the memory index holds from the database: incidents' searchable columns with
 * their acts, perpetrators and victims, a range of seqs or a list at a time (bounded memory: a
 * million incidents are read 20,000 at a time), and people's four search attributes. Plain SQL
 * through Kysely, no identifying column.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../schema-types.js';
import type { ActorFacts, IncidentFacts } from './columns.js';
import { dialectOf } from '../../migrations/dialect.js';
import { ftsMatch, tsQuery } from '../fts-query.js';

type Db = Kysely<Database>;

interface IncidentRow { seq: number; id: string; deleted_at: string | null; confidentiality: string; country: string | null; state: string | null; status: string; date_from: string | null; date_to: string | null; date_start: string | null; place_precision: string; locality: string | null; crossing: string | null }

async function factsWhere(db: Db, where: RawBuilder<unknown>): Promise<IncidentFacts[]> {
  const rows = (await sql<IncidentRow>`SELECT i.seq, i.id, i.deleted_at, i.confidentiality, i.country, i.state, i.status, i.date_from, i.date_to, i.date_start, i.place_precision, i.locality, i.crossing FROM incidents i WHERE ${where} ORDER BY i.seq`.execute(db)).rows;
  const bySeq = new Map<number, IncidentFacts>();
  const out = rows.map((r) => {
    const f: IncidentFacts = {
      seq: Number(r.seq), id: r.id, deleted: r.deleted_at !== null, restricted: r.confidentiality === 'restricted',
      country: r.country, state: r.state, status: r.status, dateFrom: r.date_from, dateTo: r.date_to, dateStart: r.date_start,
      acts: [], perpetrators: [], victims: [],
      place: { precision: r.place_precision, country: r.country, state: r.state, locality: r.locality, crossing: r.crossing },
    };
    bySeq.set(f.seq, f);
    return f;
  });
  if (!out.length) return out;
  for (const r of (await sql<{ seq: number; kind: string; kind_root: string }>`SELECT i.seq, a.kind, a.kind_root FROM incidents i JOIN acts a ON a.incident_id = i.id WHERE ${where} ORDER BY i.seq, a.ordinal`.execute(db)).rows) {
    bySeq.get(Number(r.seq))?.acts.push([r.kind, r.kind_root]);
  }
  for (const r of (await sql<{ seq: number; perpetrator: string; perpetrator_group: string }>`SELECT i.seq, p.perpetrator, p.perpetrator_group FROM incidents i JOIN involvements p ON p.incident_id = i.id WHERE ${where} ORDER BY i.seq, p.ordinal`.execute(db)).rows) {
    bySeq.get(Number(r.seq))?.perpetrators.push([r.perpetrator, r.perpetrator_group]);
  }
  for (const r of (await sql<{ seq: number; actor_id: string }>`SELECT i.seq, v.actor_id FROM incidents i JOIN incident_victims v ON v.incident_id = i.id WHERE ${where} ORDER BY i.seq, v.ordinal`.execute(db)).rows) {
    bySeq.get(Number(r.seq))?.victims.push(r.actor_id);
  }
  return out;
}

/** Incidents with seq in (after, upTo], in seq order. */
export function factsInRange(db: Db, after: number, upTo: number): Promise<IncidentFacts[]> {
  return factsWhere(db, sql`i.seq > ${after} AND i.seq <= ${upTo}`);
}

export function factsOf(db: Db, seqs: number[]): Promise<IncidentFacts[]> {
  return factsWhere(db, sql`i.seq IN (${sql.join(seqs)})`);
}

export async function maxSeq(db: Db): Promise<number> {
  return Number((await sql<{ n: number | null }>`SELECT max(seq) AS n FROM incidents`.execute(db)).rows[0]?.n ?? 0);
}

interface ActorRow { id: string; role: string | null; gender_identity: string | null; lgbti: string | null; migration_status: string | null }
const actorFacts = (r: ActorRow): ActorFacts => ({ role: r.role, gender: r.gender_identity, lgbti: r.lgbti, migrationStatus: r.migration_status });

/** Every person and organisation's search attributes, `batch` at a time (keyset on id). */
export async function* allActorFacts(db: Db, batch = 20_000): AsyncGenerator<[string, ActorFacts]> {
  let after = '';
  for (;;) {
    const rows = (await sql<ActorRow>`SELECT id, role, gender_identity, lgbti, migration_status FROM actors WHERE id > ${after} ORDER BY id LIMIT ${batch}`.execute(db)).rows;
    for (const r of rows) yield [r.id, actorFacts(r)];
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.id;
  }
}

export async function actorFactsOf(db: Db, ids: string[]): Promise<[string, ActorFacts][]> {
  if (!ids.length) return [];
  return (await sql<ActorRow>`SELECT id, role, gender_identity, lgbti, migration_status FROM actors WHERE id IN (${sql.join(ids)})`.execute(db)).rows.map((r) => [r.id, actorFacts(r)]);
}

/** Incidents and people written since the stamps given (migration 0008's triggers). */
export async function changesSince(db: Db, incidentStamp: number, actorStamp: number): Promise<{ seqs: number[]; incidentStamp: number; actors: string[]; actorStamp: number }> {
  const inc = (await sql<{ incident_seq: number; stamp: number }>`SELECT incident_seq, stamp FROM search_changes WHERE stamp > ${incidentStamp} ORDER BY stamp`.execute(db)).rows;
  const act = (await sql<{ actor_id: string; stamp: number }>`SELECT actor_id, stamp FROM search_actor_changes WHERE stamp > ${actorStamp} ORDER BY stamp`.execute(db)).rows;
  return {
    seqs: inc.map((r) => Number(r.incident_seq)),
    incidentStamp: inc.length ? Number(inc[inc.length - 1]!.stamp) : incidentStamp,
    actors: act.map((r) => r.actor_id),
    actorStamp: act.length ? Number(act[act.length - 1]!.stamp) : actorStamp,
  };
}

export async function currentStamps(db: Db): Promise<{ incidentStamp: number; actorStamp: number }> {
  const r = (await sql<{ i: number | null; a: number | null }>`SELECT (SELECT max(stamp) FROM search_changes) AS i, (SELECT max(stamp) FROM search_actor_changes) AS a`.execute(db)).rows[0];
  return { incidentStamp: Number(r?.i ?? 0), actorStamp: Number(r?.a ?? 0) };
}

/** Seqs of the incidents holding every word, best first (bm25 or ts_rank as the SQL search, ties by newest), at most `limit`. */
export async function rankedSeqs(db: Db, words: string[], limit: number): Promise<number[]> {
  const rows = dialectOf(db) === 'postgres'
    ? (await sql<{ seq: number }>`SELECT f.seq FROM incident_fts f WHERE f.doc @@ to_tsquery('simple', ${tsQuery(words)}) ORDER BY ts_rank(f.doc, to_tsquery('simple', ${tsQuery(words)})) DESC, f.seq DESC LIMIT ${limit}`.execute(db)).rows
    : (await sql<{ seq: number }>`SELECT rowid AS seq FROM incident_fts WHERE incident_fts MATCH ${ftsMatch(words)} ORDER BY bm25(incident_fts) ASC, rowid DESC LIMIT ${limit}`.execute(db)).rows;
  return rows.map((r) => Number(r.seq));
}
