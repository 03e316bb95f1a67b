/**
 * The incidents the pattern detectors (src/domain/patterns/) look at, read as their small input
 * shape: id, earliest day, victims, and each act with its victim and perpetrators. Either the
 * incidents matching a search (at most `limit`, the most recent first) or those of one person or
 * organisation; need-to-know applies to both. Codes and ids only, nothing identifying.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema-types.js';
import { visibleTo, type Viewer } from '../repositories/visibility.js';
import type { SearchFilters } from '../../domain/incident/search-query.js';
import type { PatternIncident } from '../../domain/patterns/index.js';
import { buildConditions, whereOf } from '../search/incident-search.js';
import { dialectOf } from '../migrations/dialect.js';

type Db = Kysely<Database>;

async function factsOf(db: Db, ids: string[]): Promise<PatternIncident[]> {
  const byId = new Map<string, PatternIncident>();
  const acts = new Map<string, PatternIncident['acts'][number]>();
  for (let k = 0; k < ids.length; k += 500) {
    const chunk = ids.slice(k, k + 500);
    const inList = sql.join(chunk);
    for (const r of (await sql<{ id: string; date_from: string | null }>`SELECT id, date_from FROM incidents WHERE id IN (${inList})`.execute(db)).rows) {
      byId.set(r.id, { id: r.id, day: r.date_from, victimIds: [], acts: [] });
    }
    for (const r of (await sql<{ incident_id: string; actor_id: string }>`SELECT incident_id, actor_id FROM incident_victims WHERE incident_id IN (${inList}) ORDER BY incident_id, ordinal`.execute(db)).rows) {
      byId.get(r.incident_id)?.victimIds.push(r.actor_id);
    }
    for (const r of (await sql<{ id: string; incident_id: string; kind: string; victim_actor_id: string | null }>`SELECT id, incident_id, kind, victim_actor_id FROM acts WHERE incident_id IN (${inList}) ORDER BY incident_id, ordinal`.execute(db)).rows) {
      const act = { kind: r.kind, perpetrators: [], ...(r.victim_actor_id ? { victimId: r.victim_actor_id } : {}) };
      acts.set(r.id, act);
      byId.get(r.incident_id)?.acts.push(act);
    }
    for (const r of (await sql<{ act_id: string; perpetrator: string; country: string | null }>`SELECT act_id, perpetrator, country FROM involvements WHERE incident_id IN (${inList}) ORDER BY act_id, ordinal`.execute(db)).rows) {
      acts.get(r.act_id)?.perpetrators.push({ code: r.perpetrator, ...(r.country ? { country: r.country } : {}) });
    }
  }
  return ids.map((id) => byId.get(id)).filter((x): x is PatternIncident => x !== undefined);
}

async function idsWhere(db: Db, where: RawBuilder<unknown>, limit: number): Promise<string[]> {
  return (await sql<{ id: string }>`SELECT i.id FROM incidents i WHERE ${where} ORDER BY i.date_from DESC, i.seq DESC LIMIT ${limit}`.execute(db)).rows.map((r) => r.id);
}

/** The incidents matching a search (the most recent `limit`), and whether there were more. */
export async function patternIncidentsMatching(db: Db, filters: SearchFilters, viewer: Viewer, limit: number): Promise<{ incidents: PatternIncident[]; truncated: boolean }> {
  const ids = await idsWhere(db, whereOf(buildConditions(filters, viewer, dialectOf(db))), limit + 1);
  return { incidents: await factsOf(db, ids.slice(0, limit)), truncated: ids.length > limit };
}

/** The incidents a person or organisation was a victim of (listed, or named by an act), visible to the viewer. */
export async function patternIncidentsOfActor(db: Db, actorId: string, viewer: Viewer, limit: number): Promise<{ incidents: PatternIncident[]; truncated: boolean }> {
  const where = sql`i.deleted_at IS NULL AND ${visibleTo(viewer)} AND (i.id IN (SELECT v.incident_id FROM incident_victims v WHERE v.actor_id = ${actorId})
    OR i.id IN (SELECT a.incident_id FROM acts a WHERE a.victim_actor_id = ${actorId}))`;
  const ids = await idsWhere(db, where, limit + 1);
  return { incidents: await factsOf(db, ids.slice(0, limit)), truncated: ids.length > limit };
}
