/**
 * Migrations are append-only: the schema they produce is compared with a committed snapshot, so
 * editing a shipped migration (instead of adding one) fails here. After adding a migration, run
 * `UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run src/store/migrations` and commit the new snapshot.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { openEncryptedSqlite } from '../sqlite/open-encrypted.js';
import { migrateToLatest, MIGRATIONS } from './index.js';

const SNAPSHOT = join(dirname(fileURLToPath(import.meta.url)), 'schema.snapshot.sql');

async function freshDb() {
  const dir = mkdtempSync(join(tmpdir(), 'bitacora-mig-'));
  const raw = openEncryptedSqlite(join(dir, 'db'), Buffer.alloc(32, 3), 'create');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, raw, done: async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); } };
}

function schemaOf(raw: ReturnType<typeof openEncryptedSqlite>): string {
  const rows = raw.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'schema_migrations%' ORDER BY type, name").all() as { sql: string }[];
  return rows.map((r) => `${r.sql.replace(/\s+/g, ' ').trim()};`).join('\n') + '\n';
}

describe('migrations', () => {
  it('are numbered, in order, without gaps', () => {
    const names = Object.keys(MIGRATIONS);
    names.forEach((n, i) => expect(n.startsWith(String(i + 1).padStart(4, '0') + '_'), n).toBe(true));
  });

  it('produce the committed schema snapshot', async () => {
    const { db, raw, done } = await freshDb();
    try {
      expect(await migrateToLatest(db)).toEqual(Object.keys(MIGRATIONS));
      const schema = schemaOf(raw);
      if (process.env['UPDATE_SCHEMA_SNAPSHOT']) writeFileSync(SNAPSHOT, schema);
      expect(schema).toBe(readFileSync(SNAPSHOT, 'utf8'));
      // running again is a no-op
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await done();
    }
  });

  it('0001 creates the core tables with their foreign keys', async () => {
    const { db, raw, done } = await freshDb();
    try {
      await migrateToLatest(db);
      const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
      for (const t of ['workspace', 'organisations', 'users', 'sessions', 'vocab_schemes', 'vocab_terms', 'actors', 'protection_measures', 'incidents', 'incident_context', 'incident_victims', 'acts', 'involvements', 'sources', 'interventions', 'incident_revisions', 'audit_events', 'drafts']) expect(tables).toContain(t);
      expect(() => raw.prepare("INSERT INTO acts (id, incident_id, ordinal, kind, kind_root, methods, consequences) VALUES ('a', 'missing', 0, 'x', 'x', '[]', '[]')").run()).toThrow(/FOREIGN KEY/);
    } finally {
      await done();
    }
  });

  it('0002 creates an accent- and case-folding full-text index', async () => {
    const { db, done } = await freshDb();
    try {
      await migrateToLatest(db);
      await sql`INSERT INTO incident_fts (rowid, title, body) VALUES (1, 'Amenazó al DIRECTOR', 'albergue')`.execute(db);
      const r = await sql<{ rowid: number }>`SELECT rowid FROM incident_fts WHERE incident_fts MATCH ${'"amenazo" "director"'}`.execute(db);
      expect(r.rows).toHaveLength(1);
    } finally {
      await done();
    }
  });
});
