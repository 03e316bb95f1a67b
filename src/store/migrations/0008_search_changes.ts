/**
 * 0008: what changed since a process's in-memory search index last looked (ADR 0013).
 * Each server process keeps the searchable, non-identifying columns of every incident in memory
 * (src/store/search/memory-index/) so that facet counts over a million incidents take one pass
 * instead of ten SQL scans. Triggers note every incident written and every person whose search
 * attributes changed, in the same transaction as the write, whoever wrote it (any server process,
 * or `bitacora import` beside it). One row per incident or person, with a stamp that only grows
 * in commit order: the index asks for the rows stamped after the last one it applied.
 *  - SQLite has one writer at a time, so max(stamp) + 1 follows commit order.
 *  - PostgreSQL: two transactions could take stamps in one order and commit in the other, and a
 *    reader would skip the first. The triggers are deferred to commit time and take a
 *    transaction-scoped advisory lock (one per schema) before stamping, so transactions stamp one
 *    after another, each holding the lock until it commits. Taking it only at commit, after every
 *    other lock the transaction needs, means it cannot close a cycle of waits: a first version took
 *    it at the incident's write and deadlocked with a save that appends to the audit chain first
 *    (new victims) — found by the crash test.
 * Every change to an incident's parts (acts, perpetrators, victims) rewrites its row (a new
 * version), so the incidents trigger sees those too.
 * SQLite also gets an fts5vocab table over the full-text index: a prefix ("albergue") becomes the
 * few words it stands for ("albergue", "albergues"), which FTS5 reads far faster than a prefix query.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const int = pg ? sql.raw('bigint') : sql.raw('INTEGER');
  await sql`CREATE TABLE search_changes (incident_seq ${int} PRIMARY KEY, stamp ${int} NOT NULL)`.execute(db);
  await sql`CREATE INDEX search_changes_stamp ON search_changes (stamp)`.execute(db);
  await sql`CREATE TABLE search_actor_changes (actor_id TEXT PRIMARY KEY, stamp ${int} NOT NULL)`.execute(db);
  await sql`CREATE INDEX search_actor_changes_stamp ON search_actor_changes (stamp)`.execute(db);
  const upsert = (table: string, key: string, value: string) =>
    `INSERT INTO ${table} (${key}, stamp) VALUES (${value}, (SELECT coalesce(max(stamp), 0) + 1 FROM ${table}))
      ON CONFLICT (${key}) DO UPDATE SET stamp = excluded.stamp;`;
  if (!pg) {
    await sql`CREATE VIRTUAL TABLE incident_fts_vocab USING fts5vocab(incident_fts, 'row')`.execute(db);
    await sql`CREATE TRIGGER search_changes_insert AFTER INSERT ON incidents BEGIN ${sql.raw(upsert('search_changes', 'incident_seq', 'NEW.seq'))} END`.execute(db);
    await sql`CREATE TRIGGER search_changes_update AFTER UPDATE ON incidents BEGIN ${sql.raw(upsert('search_changes', 'incident_seq', 'NEW.seq'))} END`.execute(db);
    await sql`CREATE TRIGGER search_changes_delete AFTER DELETE ON incidents BEGIN ${sql.raw(upsert('search_changes', 'incident_seq', 'OLD.seq'))} END`.execute(db);
    await sql`CREATE TRIGGER search_actor_changes_update AFTER UPDATE OF role, gender_identity, lgbti, migration_status ON actors BEGIN
      ${sql.raw(upsert('search_actor_changes', 'actor_id', 'NEW.id'))} END`.execute(db);
    return;
  }
  // the functions live in the workspace's schema (search_path), like its tables
  const lock = `PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.search_changes'));`;
  await sql.raw(`CREATE FUNCTION search_note_incident() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${lock}
      IF TG_OP = 'DELETE' THEN ${upsert('search_changes', 'incident_seq', 'OLD.seq')}
      ELSE ${upsert('search_changes', 'incident_seq', 'NEW.seq')}
      END IF;
      RETURN NULL;
    END $$`).execute(db);
  await sql.raw(`CREATE FUNCTION search_note_actor() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${lock}
      ${upsert('search_actor_changes', 'actor_id', 'NEW.id')}
      RETURN NULL;
    END $$`).execute(db);
  await sql`CREATE CONSTRAINT TRIGGER search_changes_incident AFTER INSERT OR UPDATE OR DELETE ON incidents DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_note_incident()`.execute(db);
  await sql`CREATE CONSTRAINT TRIGGER search_changes_actor AFTER UPDATE OF role, gender_identity, lgbti, migration_status ON actors DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_note_actor()`.execute(db);
}
