/**
 * 0009: what changed in who may see restricted incidents, since a process's memory index last
 * looked (ADR 0013). Each process keeps, per viewer it has served, the set of restricted incidents
 * shared with them; reading that set costs a scan of the viewer's shares (151–445 ms per search
 * at a million incidents for a viewer with 188,022 shares, measured), so it is kept between
 * searches and corrected from these notes instead of read again:
 *  - share_changes: one row per share added, removed or moved (incident, principal), at its
 *    latest stamp;
 *  - member_changes: one row per person whose group memberships changed, at its latest stamp.
 * Stamps grow in commit order as in 0008: SQLite has one writer; on PostgreSQL the triggers are
 * deferred to commit and take the same transaction-scoped advisory lock as 0008's (one lock, so
 * two transactions cannot take two locks in opposite orders).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

const upsert = (table: string, keys: string[], values: string[]) =>
  `INSERT INTO ${table} (${keys.join(', ')}, stamp) VALUES (${values.join(', ')}, (SELECT coalesce(max(stamp), 0) + 1 FROM ${table}))
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET stamp = excluded.stamp;`;
const SHARE = ['incident_id', 'principal_type', 'principal_id'];
const share = (row: 'NEW' | 'OLD') => upsert('share_changes', SHARE, SHARE.map((k) => `${row}.${k}`));
const member = (row: 'NEW' | 'OLD') => upsert('member_changes', ['user_id'], [`${row}.user_id`]);

export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const int = pg ? sql.raw('bigint') : sql.raw('INTEGER');
  await sql`CREATE TABLE share_changes (incident_id TEXT NOT NULL, principal_type TEXT NOT NULL, principal_id TEXT NOT NULL, stamp ${int} NOT NULL,
    PRIMARY KEY (incident_id, principal_type, principal_id))`.execute(db);
  await sql`CREATE INDEX share_changes_stamp ON share_changes (stamp)`.execute(db);
  await sql`CREATE TABLE member_changes (user_id TEXT PRIMARY KEY, stamp ${int} NOT NULL)`.execute(db);
  await sql`CREATE INDEX member_changes_stamp ON member_changes (stamp)`.execute(db);
  if (!pg) {
    await sql.raw(`CREATE TRIGGER share_changes_insert AFTER INSERT ON incident_shares BEGIN ${share('NEW')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER share_changes_delete AFTER DELETE ON incident_shares BEGIN ${share('OLD')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER share_changes_update AFTER UPDATE OF ${SHARE.join(', ')} ON incident_shares BEGIN ${share('OLD')} ${share('NEW')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER member_changes_insert AFTER INSERT ON group_members BEGIN ${member('NEW')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER member_changes_delete AFTER DELETE ON group_members BEGIN ${member('OLD')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER member_changes_update AFTER UPDATE OF group_id, user_id ON group_members BEGIN ${member('OLD')} ${member('NEW')} END`).execute(db);
    return;
  }
  // the same lock as 0008's triggers take
  const lock = `PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.search_changes'));`;
  const fn = (name: string, note: (row: 'NEW' | 'OLD') => string) => sql.raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${lock}
      IF TG_OP IN ('DELETE', 'UPDATE') THEN ${note('OLD')} END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN ${note('NEW')} END IF;
      RETURN NULL;
    END $$`).execute(db);
  await fn('search_note_share', share);
  await fn('search_note_member', member);
  await sql.raw(`CREATE CONSTRAINT TRIGGER share_changes_share AFTER INSERT OR DELETE OR UPDATE OF ${SHARE.join(', ')} ON incident_shares DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_note_share()`).execute(db);
  await sql`CREATE CONSTRAINT TRIGGER member_changes_member AFTER INSERT OR DELETE OR UPDATE OF group_id, user_id ON group_members DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_note_member()`.execute(db);
}
