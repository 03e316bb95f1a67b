/**
 * The offline map's counts (src/domain/map/map-counts.ts) of the incidents matching a search,
 * need-to-know applied. From the memory index when the store has one (outside a transaction);
 * otherwise one SQL statement, the same on SQLite and PostgreSQL, with the search's own conditions:
 * incidents per public place fields, each group then put at its map place by the same rule the
 * memory index uses (map-place.ts). Never reads the private point. Also the oracle in tests.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema-types.js';
import type { Viewer } from '../repositories/visibility.js';
import { assembleMapCounts, type MapCounts, type MapQuery } from '../../domain/map/map-counts.js';
import { mapPlaceKey, mapPlaceOf } from '../../domain/map/map-place.js';
import { buildConditions, whereOf } from '../search/incident-search.js';
import { dialectOf } from '../migrations/dialect.js';
import type { MemoryIndex } from '../search/memory-index/memory-index.js';

export interface MapGroupRow { place_precision: string; country: string | null; state: string | null; locality: string | null; crossing: string | null; n: number }

/** The statement (exposed so benchmarks run the very same SQL on the driver). */
export function mapCountsStatement(q: MapQuery, viewer: Viewer, db: Kysely<Database>): RawBuilder<MapGroupRow> {
  const where = whereOf(buildConditions(q, viewer, dialectOf(db)));
  return sql<MapGroupRow>`SELECT i.place_precision, i.country, i.state, i.locality, i.crossing, count(*) AS n FROM incidents i WHERE ${where} GROUP BY i.place_precision, i.country, i.state, i.locality, i.crossing`;
}

/** Rows of the statement above → the map's counts. */
export function mapCountsOfRows(rows: MapGroupRow[]): MapCounts {
  return assembleMapCounts(rows.map((r) => ({ key: mapPlaceKey(mapPlaceOf({ precision: r.place_precision, country: r.country, state: r.state, locality: r.locality, crossing: r.crossing })), count: Number(r.n) })));
}

export async function mapCountsSql(db: Kysely<Database>, q: MapQuery, viewer: Viewer): Promise<MapCounts> {
  return mapCountsOfRows((await mapCountsStatement(q, viewer, db).execute(db)).rows);
}

/** From the memory index when there is one (outside a transaction), otherwise the SQL above. */
export function mapCounts(db: Kysely<Database>, q: MapQuery, viewer: Viewer, index?: MemoryIndex): Promise<MapCounts> {
  if (index && !db.isTransaction) return index.map(q, viewer);
  return mapCountsSql(db, q, viewer);
}
