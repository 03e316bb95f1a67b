/**
 * Incident search: full-text words (FTS5 on SQLite) + filters, a sorted page, and facet counts.
 * Each facet is counted with every filter applied except its own, so a person can see what
 * choosing another value would give. Filters on parts (acts, perpetrators, victims) are uncorrelated
 * sub-selects on indexed columns.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema-types.js';
import { type SearchQuery, type SearchFilters, type SearchResult, type SearchFacet, type SearchHit, SEARCH_FACETS, searchTerms } from '../../domain/incident/search-query.js';
import { earliestDay, latestDay } from '../../domain/dates.js';
import { incidentRef } from '../../domain/incident/view.js';
import { visibleTo, type Viewer } from '../repositories/visibility.js';
import { dialectOf, type DialectName } from '../migrations/dialect.js';
import type { MemoryIndex } from './memory-index/memory-index.js';
import { ftsMatch, tsQuery } from './fts-query.js';

type Cond = RawBuilder<unknown>;

function codeMatch(column: RawBuilder<unknown>, codes: string[], dialect: DialectName): Cond {
  // a parent code matches itself and its descendants ("state" → "state.mx.inm"): an index-friendly
  // range, since "/" sorts right after "." in byte order (PostgreSQL: the "C" collation, which is
  // byte order whatever the database's locale); no LIKE (codes contain "_")
  const col = dialect === 'postgres' ? sql`${column} COLLATE "C"` : column;
  return sql`(${sql.join(codes.map((c) => sql`(${column} = ${c} OR (${col} >= ${c + '.'} AND ${col} < ${c + '/'}))`), sql` OR `)})`;
}

function textMatch(terms: string[], dialect: DialectName): Cond {
  return dialect === 'postgres'
    ? sql`i.seq IN (SELECT f.seq FROM incident_fts f WHERE f.doc @@ to_tsquery('simple', ${tsQuery(terms)}))`
    : sql`i.seq IN (SELECT rowid FROM incident_fts WHERE incident_fts MATCH ${ftsMatch(terms)})`;
}

const ACTOR_COLUMN: Partial<Record<SearchFacet, string>> = { role: 'role', gender: 'gender_identity', lgbti: 'lgbti', migrationStatus: 'migration_status' };

export function buildConditions(q: SearchFilters, viewer: Viewer, dialect: DialectName = 'sqlite'): Map<SearchFacet | 'q' | 'date' | 'base', Cond> {
  const conds = new Map<SearchFacet | 'q' | 'date' | 'base', Cond>();
  // need-to-know first: restricted incidents not shared with the viewer are never listed or counted
  conds.set('base', sql`i.deleted_at IS NULL AND ${visibleTo(viewer)}`);
  const terms = searchTerms(q.q);
  if (terms.length) conds.set('q', textMatch(terms, dialect));
  if (q.from) conds.set('date', sql`i.date_to >= ${earliestDay(q.from)}`);
  if (q.to) conds.set('date', conds.has('date') ? sql`${conds.get('date')!} AND i.date_from <= ${latestDay(q.to)}` : sql`i.date_from <= ${latestDay(q.to)}`);
  if (q.country?.length) conds.set('country', sql`i.country IN (${sql.join(q.country)})`);
  if (q.state?.length) conds.set('state', sql`i.state IN (${sql.join(q.state)})`);
  if (q.status?.length) conds.set('status', sql`i.status IN (${sql.join(q.status)})`);
  if (q.year?.length) conds.set('year', sql`substr(i.date_from, 1, 4) IN (${sql.join(q.year)})`);
  // filters on parts are uncorrelated sub-selects: evaluated once, then probed per incident
  if (q.act?.length) conds.set('act', sql`i.id IN (SELECT a.incident_id FROM acts a WHERE ${codeMatch(sql.ref('a.kind'), q.act, dialect)})`);
  if (q.perpetrator?.length) conds.set('perpetrator', sql`i.id IN (SELECT p.incident_id FROM involvements p WHERE ${codeMatch(sql.ref('p.perpetrator'), q.perpetrator, dialect)})`);
  for (const f of ['role', 'gender', 'lgbti', 'migrationStatus'] as const) {
    const values = q[f];
    if (values?.length) {
      conds.set(f, sql`i.id IN (SELECT v.incident_id FROM incident_victims v JOIN actors ac ON ac.id = v.actor_id WHERE ${codeMatch(sql.ref(`ac.${ACTOR_COLUMN[f]!}`), values, dialect)})`);
    }
  }
  return conds;
}

export function whereOf(conds: Map<string, Cond>, except?: string): Cond {
  const list = [...conds.entries()].filter(([k]) => k !== except).map(([, c]) => c);
  return sql.join(list, sql` AND `);
}

function facetSql(facet: SearchFacet, where: Cond): Cond {
  switch (facet) {
    case 'country': return sql`SELECT i.country AS k, count(*) AS n FROM incidents i WHERE ${where} AND i.country IS NOT NULL GROUP BY i.country`;
    case 'state': return sql`SELECT i.state AS k, count(*) AS n FROM incidents i WHERE ${where} AND i.state IS NOT NULL GROUP BY i.state`;
    case 'status': return sql`SELECT i.status AS k, count(*) AS n FROM incidents i WHERE ${where} GROUP BY i.status`;
    case 'year': return sql`SELECT substr(i.date_from, 1, 4) AS k, count(*) AS n FROM incidents i WHERE ${where} AND i.date_from IS NOT NULL GROUP BY substr(i.date_from, 1, 4)`;
    case 'act': return sql`SELECT a.kind_root AS k, count(DISTINCT i.seq) AS n FROM incidents i JOIN acts a ON a.incident_id = i.id WHERE ${where} GROUP BY a.kind_root`;
    case 'perpetrator': return sql`SELECT p.perpetrator_group AS k, count(DISTINCT i.seq) AS n FROM incidents i JOIN involvements p ON p.incident_id = i.id WHERE ${where} GROUP BY p.perpetrator_group`;
    default: {
      const col = sql.ref(`ac.${ACTOR_COLUMN[facet]!}`);
      return sql`SELECT ${col} AS k, count(DISTINCT i.seq) AS n FROM incidents i JOIN incident_victims v ON v.incident_id = i.id JOIN actors ac ON ac.id = v.actor_id WHERE ${where} AND ${col} IS NOT NULL GROUP BY ${col}`;
    }
  }
}

const HIT_COLUMNS = sql`i.id, i.seq, i.title, i.summary, i.date_start, i.date_end, i.date_approx, i.place_precision, i.country, i.state, i.locality, i.crossing, i.route_segment, i.status`;

type HitRow = { id: string; seq: number; title: string; summary: string | null; date_start: string | null; date_end: string | null; date_approx: number; place_precision: string; country: string | null; state: string | null; locality: string | null; crossing: string | null; route_segment: string | null; status: string };

/** The statements one search runs: count, page, and one per facet. Exposed so benchmarks can run the same SQL directly. */
export function searchStatements(q: SearchQuery, viewer: Viewer, dialect: DialectName = 'sqlite'): { count: RawBuilder<{ n: number }>; page: RawBuilder<HitRow>; facets: [SearchFacet, RawBuilder<{ k: string; n: number }>][] } {
  const conds = buildConditions(q, viewer, dialect);
  const where = whereOf(conds);
  const terms = searchTerms(q.q);
  const order =
    q.sort === 'relevance' && terms.length
      ? dialect === 'postgres'
        ? sql`(SELECT ts_rank(f.doc, to_tsquery('simple', ${tsQuery(terms)})) FROM incident_fts f WHERE f.seq = i.seq) DESC, i.seq DESC`
        : sql`(SELECT bm25(incident_fts) FROM incident_fts WHERE incident_fts MATCH ${ftsMatch(terms)} AND rowid = i.seq) ASC, i.seq DESC`
      : q.sort === 'date_asc'
        ? sql`CASE WHEN i.date_from IS NULL THEN 1 ELSE 0 END, i.date_from ASC, i.seq ASC`
        : q.sort === 'updated_desc'
          ? sql`i.updated_at DESC, i.seq DESC`
          : sql`CASE WHEN i.date_from IS NULL THEN 1 ELSE 0 END, i.date_from DESC, i.seq DESC`;
  return {
    count: sql<{ n: number }>`SELECT count(*) AS n FROM incidents i WHERE ${where}`,
    page: sql<HitRow>`
      SELECT ${HIT_COLUMNS} FROM incidents i WHERE ${where} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    facets: q.facets ? SEARCH_FACETS.map((f) => [f, sql<{ k: string; n: number }>`${facetSql(f, whereOf(conds, f))} ORDER BY n DESC, k ASC`]) : [],
  };
}

async function hitsOf(db: Kysely<Database>, rows: HitRow[]): Promise<SearchHit[]> {
  const ids = rows.map((r) => r.id);
  const acts = ids.length ? await db.selectFrom('acts').select(['incident_id', 'kind']).where('incident_id', 'in', ids).orderBy('ordinal').execute() : [];
  return rows.map((r) => {
    const hit: SearchHit = {
      id: r.id,
      ref: incidentRef(Number(r.seq)),
      title: r.title,
      place: { precision: r.place_precision, ...(r.country ? { country: r.country } : {}), ...(r.state ? { state: r.state } : {}), ...(r.locality ? { locality: r.locality } : {}), ...(r.crossing ? { crossing: r.crossing } : {}), ...(r.route_segment ? { routeSegment: r.route_segment } : {}) },
      status: r.status,
      acts: [...new Set(acts.filter((a) => a.incident_id === r.id).map((a) => a.kind))],
    };
    if (r.summary) hit.excerpt = r.summary.length > 240 ? `${r.summary.slice(0, 237)}…` : r.summary;
    if (r.date_start) hit.date = { start: r.date_start, ...(r.date_end ? { end: r.date_end } : {}), ...(r.date_approx ? { approximate: true } : {}) };
    return hit;
  });
}

/** The search in SQL alone: one count, the page, one statement per facet (PostgreSQL; the oracle of the memory index). */
export async function searchIncidentsSql(db: Kysely<Database>, q: SearchQuery, viewer: Viewer): Promise<SearchResult> {
  const st = searchStatements(q, viewer, dialectOf(db));
  const total = Number((await st.count.execute(db)).rows[0]?.n ?? 0);
  const hits = await hitsOf(db, (await st.page.execute(db)).rows);
  const facets: SearchResult['facets'] = {};
  for (const [f, stmt] of st.facets) facets[f] = (await stmt.execute(db)).rows.map((r) => ({ value: String(r.k), count: Number(r.n) }));
  return { total, page: q.page, pageSize: q.pageSize, hits, facets };
}

/**
 * A search. With the embedded store's memory index (outside a transaction): total, facets and,
 * in date order, the page's incidents from one pass in memory (in relevance order, from FTS5's
 * ranking of the matches), then the page's rows read by seq; in last-updated order the page
 * comes from SQL. Otherwise all in SQL.
 */
export async function searchIncidents(db: Kysely<Database>, q: SearchQuery, viewer: Viewer, index?: MemoryIndex): Promise<SearchResult> {
  if (!index || db.isTransaction) return searchIncidentsSql(db, q, viewer);
  const r = await index.search(q, viewer);
  let rows: HitRow[];
  if (q.sort === 'date_desc' || q.sort === 'date_asc' || (q.sort === 'relevance' && searchTerms(q.q).length)) {
    const found = r.pageSeqs.length ? (await sql<HitRow>`SELECT ${HIT_COLUMNS} FROM incidents i WHERE i.seq IN (${sql.join(r.pageSeqs)})`.execute(db)).rows : [];
    const bySeq = new Map(found.map((x) => [Number(x.seq), x]));
    rows = r.pageSeqs.map((seq) => bySeq.get(seq)).filter((x): x is HitRow => x !== undefined);
  } else {
    rows = (await searchStatements(q, viewer, dialectOf(db)).page.execute(db)).rows;
  }
  return { total: r.total, page: q.page, pageSize: q.pageSize, hits: await hitsOf(db, rows), facets: r.facets };
}

/** 3 parameters a row: far under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const FTS_ROWS_PER_STATEMENT = 500;

/**
 * Keeps the full-text rows of incidents in step with them (same transaction as the write),
 * replacing whatever a seq held; a few hundred rows per statement for bulk loads (on PostgreSQL
 * each statement is a round trip).
 */
export async function indexIncidents(db: Kysely<Database>, rows: { seq: number; title: string; body: string }[]): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  for (let i = 0; i < rows.length; i += FTS_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + FTS_ROWS_PER_STATEMENT);
    const values = sql.join(chunk.map((r) => sql`(${r.seq}, ${r.title}, ${r.body})`));
    if (postgres) {
      await sql`INSERT INTO incident_fts (seq, title, body) VALUES ${values} ON CONFLICT (seq) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body`.execute(db);
    } else {
      // FTS5 has no upsert: whatever the rowid held goes first
      await sql`DELETE FROM incident_fts WHERE rowid IN (${sql.join(chunk.map((r) => r.seq))})`.execute(db);
      await sql`INSERT INTO incident_fts (rowid, title, body) VALUES ${values}`.execute(db);
    }
  }
}

/** Keeps the full-text row of one incident in step with it (same transaction as the write). */
export function indexIncident(db: Kysely<Database>, seq: number, title: string, body: string): Promise<void> {
  return indexIncidents(db, [{ seq, title, body }]);
}

export async function unindexIncident(db: Kysely<Database>, seq: number): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`DELETE FROM incident_fts WHERE seq = ${seq}`.execute(db);
  else await sql`DELETE FROM incident_fts WHERE rowid = ${seq}`.execute(db);
}
