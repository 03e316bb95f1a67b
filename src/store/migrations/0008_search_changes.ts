/**
 * 0008: what changed since the in-memory search index last looked (embedded store; ADR 0013).
 * The embedded server keeps the searchable, non-identifying columns of every incident in memory
 * (src/store/search/memory-index/) so that facet counts over a million incidents take one pass
 * instead of ten SQL scans. Triggers note every incident written and every victim whose
 * search attributes changed, in the same transaction as the write, whoever wrote it (this
 * process, or `bitacora import` running beside it). One row per incident or person, with a stamp
 * that only grows (SQLite has one writer at a time, so max(stamp) + 1 follows commit order): the
 * index asks for the rows stamped after the last one it applied. Every change to an incident's
 * parts (acts, perpetrators, victims) rewrites its row (a new version), so the incidents trigger
 * sees those too.
 * PostgreSQL: nothing (postgres.test.ts leaves these tables out of its comparison) (its searches run in SQL; several processes would need a commit-ordered
 * stamp there, recorded as future work in the ADR).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  await sql`CREATE TABLE search_changes (incident_seq INTEGER PRIMARY KEY, stamp INTEGER NOT NULL)`.execute(db);
  await sql`CREATE INDEX search_changes_stamp ON search_changes (stamp)`.execute(db);
  await sql`CREATE TABLE search_actor_changes (actor_id TEXT PRIMARY KEY, stamp INTEGER NOT NULL)`.execute(db);
  await sql`CREATE INDEX search_actor_changes_stamp ON search_actor_changes (stamp)`.execute(db);
  // the index's terms with their document counts: a prefix ("albergue") becomes the few words it
  // stands for ("albergue", "albergues"), which FTS5 reads far faster than a prefix query
  await sql`CREATE VIRTUAL TABLE incident_fts_vocab USING fts5vocab(incident_fts, 'row')`.execute(db);
  const note = (row: 'NEW' | 'OLD') =>
    sql.raw(`INSERT INTO search_changes (incident_seq, stamp) VALUES (${row}.seq, (SELECT coalesce(max(stamp), 0) + 1 FROM search_changes))
      ON CONFLICT (incident_seq) DO UPDATE SET stamp = excluded.stamp;`);
  await sql`CREATE TRIGGER search_changes_insert AFTER INSERT ON incidents BEGIN ${note('NEW')} END`.execute(db);
  await sql`CREATE TRIGGER search_changes_update AFTER UPDATE ON incidents BEGIN ${note('NEW')} END`.execute(db);
  await sql`CREATE TRIGGER search_changes_delete AFTER DELETE ON incidents BEGIN ${note('OLD')} END`.execute(db);
  await sql`CREATE TRIGGER search_actor_changes_update AFTER UPDATE OF role, gender_identity, lgbti, migration_status ON actors BEGIN
    INSERT INTO search_actor_changes (actor_id, stamp) VALUES (NEW.id, (SELECT coalesce(max(stamp), 0) + 1 FROM search_actor_changes))
      ON CONFLICT (actor_id) DO UPDATE SET stamp = excluded.stamp;
  END`.execute(db);
}
