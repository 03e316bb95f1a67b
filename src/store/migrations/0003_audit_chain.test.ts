/**
 * 0003 on a workspace that already has audit entries (written before there was a key to chain
 * them): they stay as they were until the first write with the key, which chains them oldest
 * first ahead of its own entry and records how many there were.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { openEncryptedSqlite } from '../sqlite/open-encrypted.js';
import { MIGRATIONS, migrateToLatest } from './index.js';
import { Store } from '../store.js';
import { emptyStoreKeys } from '../store-keys.js';
import { GENESIS_HASH } from '../repositories/audit-repository.js';
import { verifyAuditChain } from '../../services/audit/verify-audit-chain.js';

async function dbAt(migration: string) {
  const dir = mkdtempSync(join(tmpdir(), 'bitacora-mig3-'));
  const raw = openEncryptedSqlite(join(dir, 'db'), Buffer.alloc(32, 5), 'create');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
  const { error } = await migrator.migrateTo(migration);
  if (error) throw error;
  return { db, raw, done: async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); } };
}

describe('0003 audit chain', () => {
  it('adds seq, prev_hash and hash, and a one-row head', async () => {
    const { db, raw, done } = await dbAt('0003_audit_chain');
    try {
      const cols = (raw.prepare('PRAGMA table_info(audit_events)').all() as { name: string }[]).map((c) => c.name);
      expect(cols).toEqual(expect.arrayContaining(['seq', 'prev_hash', 'hash']));
      expect(await db.selectFrom('audit_chain_head').selectAll().execute()).toEqual([{ id: 1, seq: 0, hash: GENESIS_HASH, legacy: 0, started_at: null, mac: null }]);
      expect(() => raw.prepare("INSERT INTO audit_chain_head (id, seq, hash, legacy) VALUES (2, 0, 'x', 0)").run()).toThrow(/CHECK/);
      raw.prepare("INSERT INTO audit_events (at, action, seq) VALUES ('t', 'a', 1)").run();
      expect(() => raw.prepare("INSERT INTO audit_events (at, action, seq) VALUES ('t', 'b', 1)").run()).toThrow(/UNIQUE/);
    } finally {
      await done();
    }
  });

  it('chains the entries written before it at the first write with the key, oldest first', async () => {
    const { db, done } = await dbAt('0002_search_index');
    try {
      for (const [i, action] of ['workspace.setup', 'auth.login', 'incident.created'].entries()) {
        await sql`INSERT INTO audit_events (at, user_id, action, target_type, target_id, detail) VALUES (${`2025-0${i + 1}-01T00:00:00.000Z`}, NULL, ${action}, 'incident', ${`id-${i}`}, ${JSON.stringify({ version: i })})`.execute(db);
      }
      await migrateToLatest(db);
      expect((await db.selectFrom('audit_events').select('seq').execute()).map((r) => r.seq)).toEqual([null, null, null]);

      const store = new Store(db, undefined, { ...emptyStoreKeys(), auditKey: Buffer.alloc(32, 6) });
      expect(await store.audit.add({ at: '2026-02-01T00:00:00.000Z', userId: null, action: 'vault.unsealed' })).toBe(4);
      const rows = await db.selectFrom('audit_events').select(['seq', 'action']).orderBy('seq').execute();
      expect(rows).toEqual([{ seq: 1, action: 'workspace.setup' }, { seq: 2, action: 'auth.login' }, { seq: 3, action: 'incident.created' }, { seq: 4, action: 'vault.unsealed' }]);
      expect(await store.audit.head()).toMatchObject({ seq: 4, legacy: 3, startedAt: '2026-02-01T00:00:00.000Z' });
      expect(await verifyAuditChain(store)).toMatchObject({ ok: true, count: 4, legacy: 3 });

      // from then on they are protected like any other entry
      await sql`UPDATE audit_events SET action = 'auth.logout' WHERE seq = 2`.execute(db);
      expect(await verifyAuditChain(store)).toMatchObject({ ok: false, problem: { kind: 'edited', seq: 2 } });
    } finally {
      await done();
    }
  });
});
