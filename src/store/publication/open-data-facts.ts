/**
 * What the open-data export reads (src/domain/publication/facts.ts): the incidents matching a
 * search with the search's own conditions (need-to-know included, src/store/search/incident-search.ts)
 * and only the confidentiality levels the settings publish — never 'restricted', whoever asks —
 * then, by batches of seqs, an explicit list of columns: codes, dates and public place fields.
 * Titles, summaries, notes, testimonies, sources, names, contacts, addresses, private points and
 * identified perpetrators are never selected. Victims become numbers local to the export.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { Viewer } from '../repositories/visibility.js';
import type { SearchFilters } from '../../domain/incident/search-query.js';
import type { PublicationFacts } from '../../domain/publication/facts.js';
import type { PublishableConfidentiality } from '../../domain/publication/settings.js';
import { buildConditions, whereOf } from '../search/incident-search.js';
import { dialectOf } from '../migrations/dialect.js';

type Db = Kysely<Database>;
const BATCH = 500;

/** The seqs of the matching publishable incidents, at most `limit` (the caller asks one more to tell "too many"). */
export async function openDataSeqs(db: Db, filters: SearchFilters, viewer: Viewer, include: readonly PublishableConfidentiality[], limit: number): Promise<number[]> {
  const levels = include.filter((c) => (c as string) !== 'restricted');
  if (!levels.length) return [];
  const where = whereOf(buildConditions(filters, viewer, dialectOf(db)));
  const rows = await sql<{ seq: number }>`SELECT i.seq FROM incidents i WHERE ${where} AND i.confidentiality IN (${sql.join(levels)}) AND i.confidentiality <> 'restricted' ORDER BY i.seq LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => Number(r.seq));
}

type IncidentRow = { id: string; date_start: string | null; date_end: string | null; date_approx: number; place_precision: string; country: string | null; state: string | null; locality: string | null; crossing: string | null; status: string; follow_up: string };

/** Reads the facts of these incidents, BATCH at a time, handing each to `each`; `numberOf` turns a person's id into the export's number. */
export async function readOpenDataFacts(db: Db, seqs: number[], numberOf: (actorId: string) => number, each: (f: PublicationFacts) => void): Promise<void> {
  for (let k = 0; k < seqs.length; k += BATCH) {
    const chunk = seqs.slice(k, k + BATCH);
    // deleted and restricted are checked again here: a write between the two reads cannot slip one in
    const incidents = (await sql<IncidentRow>`SELECT i.id, i.date_start, i.date_end, i.date_approx, i.place_precision, i.country, i.state, i.locality, i.crossing, i.status, i.follow_up
      FROM incidents i WHERE i.seq IN (${sql.join(chunk)}) AND i.deleted_at IS NULL AND i.confidentiality <> 'restricted'`.execute(db)).rows;
    if (!incidents.length) continue;
    const ids = sql.join(incidents.map((r) => r.id));
    const facts = new Map<string, PublicationFacts>();
    for (const r of incidents) {
      facts.set(r.id, {
        date: { start: r.date_start, end: r.date_end, approximate: Boolean(r.date_approx) },
        place: { precision: r.place_precision, country: r.country, state: r.state, locality: r.locality, crossing: r.crossing },
        status: r.status, followUp: r.follow_up, acts: [], perpetrators: [], context: [], victims: [],
      });
    }
    const victims = await sql<{ incident_id: string; actor_id: string; kind: string; role: string | null; gender_identity: string | null; lgbti: string | null; migration_status: string | null }>`
      SELECT v.incident_id, v.actor_id, ac.kind, ac.role, ac.gender_identity, ac.lgbti, ac.migration_status
      FROM incident_victims v JOIN actors ac ON ac.id = v.actor_id WHERE v.incident_id IN (${ids}) ORDER BY v.incident_id, v.ordinal`.execute(db);
    for (const r of victims.rows) {
      facts.get(r.incident_id)?.victims.push({ n: numberOf(r.actor_id), kind: r.kind, role: r.role, gender: r.gender_identity, lgbti: r.lgbti, migrationStatus: r.migration_status });
    }
    const acts = await sql<{ incident_id: string; kind: string; kind_root: string; victim_actor_id: string | null }>`
      SELECT incident_id, kind, kind_root, victim_actor_id FROM acts WHERE incident_id IN (${ids}) ORDER BY incident_id, ordinal`.execute(db);
    for (const r of acts.rows) facts.get(r.incident_id)?.acts.push({ kind: r.kind, root: r.kind_root, victim: r.victim_actor_id ? numberOf(r.victim_actor_id) : null });
    const perps = await sql<{ incident_id: string; perpetrator: string }>`SELECT incident_id, perpetrator FROM involvements WHERE incident_id IN (${ids})`.execute(db);
    for (const r of perps.rows) facts.get(r.incident_id)?.perpetrators.push(r.perpetrator);
    const context = await sql<{ incident_id: string; code: string }>`SELECT incident_id, code FROM incident_context WHERE incident_id IN (${ids})`.execute(db);
    for (const r of context.rows) facts.get(r.incident_id)?.context.push(r.code);
    for (const f of facts.values()) each(f);
  }
}
