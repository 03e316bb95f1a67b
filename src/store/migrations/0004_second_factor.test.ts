/** 0004 on a real encrypted SQLite file: the columns and tables the second factor and sessions need, with their constraints. */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import { openEncryptedSqlite } from '../sqlite/open-encrypted.js';
import { MIGRATIONS } from './index.js';

/** Migrates a fresh file up to (and including) `last`. */
async function dbAt(last: string) {
  const dir = mkdtempSync(join(tmpdir(), 'bitacora-mig4-'));
  const raw = openEncryptedSqlite(join(dir, 'db'), Buffer.alloc(32, 4), 'create');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS as Record<string, Migration> };
  const r = await new Migrator({ db, provider, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' }).migrateTo(last);
  if (r.error) throw r.error;
  return { db, raw, done: async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); } };
}

const columns = (raw: ReturnType<typeof openEncryptedSqlite>, table: string) =>
  new Map((raw.prepare(`PRAGMA table_info(${table})`).all() as { name: string; notnull: number }[]).map((c) => [c.name, c.notnull === 1]));

describe('migration 0004_second_factor', () => {
  it('adds the sealed TOTP secret, enrolment time and last step to users, keeping existing accounts', async () => {
    const before = Object.keys(MIGRATIONS)[Object.keys(MIGRATIONS).indexOf('0004_second_factor') - 1]!;
    const { db, raw, done } = await dbAt(before);
    try {
      raw.prepare("INSERT INTO organisations (id, name, created_at) VALUES ('o', 'Casa', 't')").run();
      raw.prepare("INSERT INTO users (id, email, display_name, role, org_id, password_hash, created_at, updated_at) VALUES ('u', 'a@example.org', 'A', 'admin', 'o', 'h', 't', 't')").run();
      raw.prepare("INSERT INTO sessions (id, user_id, csrf, created_at, last_seen_at, expires_at) VALUES ('s', 'u', 'c', 't', 't', 't')").run();
      const r = await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS as Record<string, Migration> }, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' }).migrateTo('0004_second_factor');
      expect(r.error).toBeUndefined();
      const users = columns(raw, 'users');
      for (const c of ['totp_secret', 'totp_pending', 'totp_enrolled_at', 'totp_last_step']) expect(users.get(c), c).toBe(false);
      expect(raw.prepare("SELECT email, totp_secret FROM users WHERE id = 'u'").get()).toEqual({ email: 'a@example.org', totp_secret: null });
      // sessions never outlive an unseal anyway: the table is rebuilt empty
      expect(raw.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    } finally {
      await done();
    }
  });

  it('gives sessions a unique public handle, a checked stage and the second-factor and re-authentication times', async () => {
    const { raw, done } = await dbAt('0004_second_factor');
    try {
      const s = columns(raw, 'sessions');
      expect([...s.keys()].sort()).toEqual(['created_at', 'csrf', 'expires_at', 'handle', 'id', 'last_seen_at', 'reauth_at', 'second_factor_at', 'stage', 'user_agent', 'user_id']);
      expect(s.get('handle')).toBe(true);
      expect(s.get('stage')).toBe(true);
      raw.prepare("INSERT INTO organisations (id, name, created_at) VALUES ('o', 'Casa', 't')").run();
      raw.prepare("INSERT INTO users (id, email, display_name, role, org_id, password_hash, created_at, updated_at) VALUES ('u', 'a@example.org', 'A', 'admin', 'o', 'h', 't', 't')").run();
      const ins = raw.prepare('INSERT INTO sessions (id, handle, user_id, csrf, stage, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      ins.run('s1', 'h1', 'u', 'c', 'complete', 't', 't', 't');
      ins.run('s2', 'h2', 'u', 'c', 'second_factor', 't', 't', 't');
      expect(() => ins.run('s3', 'h1', 'u', 'c', 'complete', 't', 't', 't')).toThrow(/UNIQUE/);
      expect(() => ins.run('s4', 'h4', 'u', 'c', 'half-way', 't', 't', 't')).toThrow(/CHECK/);
      expect(() => ins.run('s5', 'h5', 'nobody', 'c', 'complete', 't', 't', 't')).toThrow(/FOREIGN KEY/);
      // a removed account takes its sessions and recovery codes with it
      raw.prepare("INSERT INTO recovery_codes (user_id, digest, created_at) VALUES ('u', 'd1', 't')").run();
      expect(() => raw.prepare("INSERT INTO recovery_codes (user_id, digest, created_at) VALUES ('u', 'd1', 't')").run()).toThrow(/UNIQUE|PRIMARY/);
      raw.prepare("DELETE FROM users WHERE id = 'u'").run();
      expect(raw.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
      expect(raw.prepare('SELECT count(*) AS n FROM recovery_codes').get()).toEqual({ n: 0 });
    } finally {
      await done();
    }
  });

  it('keeps one second-factor policy per role, off unless set', async () => {
    const { raw, done } = await dbAt('0004_second_factor');
    try {
      raw.prepare("INSERT INTO role_policies (role, updated_at) VALUES ('viewer', 't')").run();
      expect(raw.prepare("SELECT require_totp FROM role_policies WHERE role = 'viewer'").get()).toEqual({ require_totp: 0 });
      expect(() => raw.prepare("INSERT INTO role_policies (role, require_totp, updated_at) VALUES ('viewer', 1, 't')").run()).toThrow(/UNIQUE|PRIMARY/);
    } finally {
      await done();
    }
  });
});
