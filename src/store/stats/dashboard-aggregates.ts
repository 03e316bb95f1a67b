/**
 * The dashboard's aggregates: incidents per month, per country, per kind of act and per type of
 * perpetrator, over all incidents or a date range, for one viewer (need-to-know applies to counts
 * as to lists: restricted incidents not shared with the viewer are not counted). Plain SQL that
 * reads the same on SQLite and PostgreSQL; the statements are exposed so benchmarks can run the
 * very same SQL straight on the database.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema-types.js';
import { visibleTo, type Viewer } from '../repositories/visibility.js';
import { earliestDay, latestDay } from '../../domain/dates.js';
import type { MemoryIndex } from '../search/memory-index/memory-index.js';

export interface DashboardRange {
  /** a partial date ("2019", "2019-05", "2019-05-01"): incidents that may have happened on or after it */
  from?: string;
  /** a partial date: incidents that may have happened on or before it */
  to?: string;
}

export type DashboardSeries = 'perMonth' | 'perCountry' | 'perKind' | 'perPerpetrator';
export type DashboardAggregates = Record<DashboardSeries, { key: string; count: number }[]>;

type Row = { k: string; n: number };

export function dashboardStatements(range: DashboardRange, viewer: Viewer): Record<DashboardSeries, RawBuilder<Row>> {
  const conds = [sql`i.deleted_at IS NULL`, visibleTo(viewer)];
  if (range.from) conds.push(sql`i.date_to >= ${earliestDay(range.from)}`);
  if (range.to) conds.push(sql`i.date_from <= ${latestDay(range.to)}`);
  const where = sql.join(conds, sql` AND `);
  return {
    // the month an incident starts in (a year-only date counts in no month)
    perMonth: sql<Row>`SELECT substr(i.date_start, 1, 7) AS k, count(*) AS n FROM incidents i WHERE ${where} AND length(i.date_start) >= 7 GROUP BY substr(i.date_start, 1, 7) ORDER BY k`,
    perCountry: sql<Row>`SELECT i.country AS k, count(*) AS n FROM incidents i WHERE ${where} AND i.country IS NOT NULL GROUP BY i.country ORDER BY n DESC, k`,
    // an incident counts once per kind (root of the act code), however many acts of that kind it has
    perKind: sql<Row>`SELECT a.kind_root AS k, count(DISTINCT a.incident_id) AS n FROM acts a JOIN incidents i ON i.id = a.incident_id WHERE ${where} GROUP BY a.kind_root ORDER BY n DESC, k`,
    perPerpetrator: sql<Row>`SELECT p.perpetrator_group AS k, count(DISTINCT p.incident_id) AS n FROM involvements p JOIN incidents i ON i.id = p.incident_id WHERE ${where} GROUP BY p.perpetrator_group ORDER BY n DESC, k`,
  };
}

/** With the embedded store's memory index (outside a transaction), one pass in memory; otherwise the SQL above. */
export async function dashboardAggregates(db: Kysely<Database>, range: DashboardRange, viewer: Viewer, index?: MemoryIndex): Promise<DashboardAggregates> {
  if (index && !db.isTransaction) return index.dashboard(range, viewer);
  const st = dashboardStatements(range, viewer);
  const out = {} as DashboardAggregates;
  for (const name of Object.keys(st) as DashboardSeries[]) {
    out[name] = (await st[name].execute(db)).rows.map((r) => ({ key: String(r.k), count: Number(r.n) }));
  }
  return out;
}
