/**
 * Breakdowns (src/domain/stats/breakdown.ts) of the incidents matching a search: per period and
 * per value of one dimension, need-to-know applied. From the memory index when the store has one
 * (outside a transaction); otherwise plain SQL that reads the same on SQLite and PostgreSQL, with
 * the search's own conditions — also the oracle the memory index is tested against.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema-types.js';
import type { Viewer } from '../repositories/visibility.js';
import { assembleBreakdown, type Breakdown, type BreakdownDimension, type BreakdownQuery, type Granularity } from '../../domain/stats/breakdown.js';
import { buildConditions, whereOf } from '../search/incident-search.js';
import { dialectOf } from '../migrations/dialect.js';
import type { MemoryIndex } from '../search/memory-index/memory-index.js';

type Cond = RawBuilder<unknown>;

/** The bucket of an incident's start date, and the condition that it has one. */
function bucketSql(g: Granularity): { expr: Cond; has: Cond } {
  if (g === 'year') return { expr: sql`substr(i.date_start, 1, 4)`, has: sql`length(i.date_start) >= 4` };
  if (g === 'month') return { expr: sql`substr(i.date_start, 1, 7)`, has: sql`length(i.date_start) >= 7` };
  return { expr: sql`substr(i.date_start, 1, 4) || '-Q' || CAST((CAST(substr(i.date_start, 6, 2) AS integer) + 2) / 3 AS text)`, has: sql`length(i.date_start) >= 7` };
}

const ACTOR_COLUMN = { role: 'role', gender: 'gender_identity', lgbti: 'lgbti', migrationStatus: 'migration_status' } as const;

/** The join that brings the dimension's values, and the value. */
function dimensionSql(d: BreakdownDimension): { join: Cond; key: Cond } {
  switch (d) {
    case 'act': return { join: sql`JOIN acts a ON a.incident_id = i.id`, key: sql`a.kind_root` };
    case 'perpetratorType': return { join: sql`JOIN involvements p ON p.incident_id = i.id`, key: sql`p.perpetrator_group` };
    case 'perpetrator': return { join: sql`JOIN involvements p ON p.incident_id = i.id`, key: sql`p.perpetrator` };
    case 'country': return { join: sql``, key: sql`i.country` };
    case 'state': return { join: sql``, key: sql`i.state` };
    default: return { join: sql`JOIN incident_victims v ON v.incident_id = i.id JOIN actors ac ON ac.id = v.actor_id`, key: sql.ref(`ac.${ACTOR_COLUMN[d]}`) };
  }
}

type Cell = { b: string; k: string; n: number };

/** The three statements of a breakdown (exposed so benchmarks run the very same SQL on the driver). */
export function breakdownStatements(q: BreakdownQuery, viewer: Viewer, db: Kysely<Database>): { cells: RawBuilder<Cell>; perBucket: RawBuilder<{ b: string; n: number }>; undated: RawBuilder<{ n: number }> } {
  const where = whereOf(buildConditions(q, viewer, dialectOf(db)));
  const { expr, has } = bucketSql(q.granularity);
  const dim = dimensionSql(q.dimension);
  return {
    cells: sql<Cell>`SELECT ${expr} AS b, ${dim.key} AS k, count(DISTINCT i.seq) AS n FROM incidents i ${dim.join} WHERE ${where} AND ${has} AND ${dim.key} IS NOT NULL GROUP BY ${expr}, ${dim.key}`,
    perBucket: sql<{ b: string; n: number }>`SELECT ${expr} AS b, count(*) AS n FROM incidents i WHERE ${where} AND ${has} GROUP BY ${expr}`,
    undated: sql<{ n: number }>`SELECT count(*) AS n FROM incidents i WHERE ${where} AND (i.date_start IS NULL OR NOT (${has}))`,
  };
}

export async function incidentBreakdownSql(db: Kysely<Database>, q: BreakdownQuery, viewer: Viewer): Promise<Breakdown> {
  const st = breakdownStatements(q, viewer, db);
  const cells = (await st.cells.execute(db)).rows.map((r) => ({ bucket: String(r.b), key: String(r.k), count: Number(r.n) }));
  const perBucket = (await st.perBucket.execute(db)).rows.map((r) => ({ bucket: String(r.b), count: Number(r.n) }));
  const undated = Number((await st.undated.execute(db)).rows[0]?.n ?? 0);
  return assembleBreakdown(q, cells, perBucket, undated);
}

/** From the memory index when there is one (outside a transaction), otherwise the SQL above. */
export function incidentBreakdown(db: Kysely<Database>, q: BreakdownQuery, viewer: Viewer, index?: MemoryIndex): Promise<Breakdown> {
  if (index && !db.isTransaction) return index.breakdown(q, viewer);
  return incidentBreakdownSql(db, q, viewer);
}
