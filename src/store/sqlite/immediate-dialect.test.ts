import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { openEncryptedSqlite } from './open-encrypted.js';
import { ImmediateSqliteDialect } from './immediate-dialect.js';

/**
 * Two connections on one encrypted file, as the server and a CLI command are: a transaction that
 * reads and then writes must not be the one that fails when the other connection writes meanwhile.
 */
async function scenario(dialect: 'immediate' | 'deferred') {
  const dir = mkdtempSync(join(tmpdir(), 'bitacora-imm-'));
  const key = Buffer.alloc(32, 9);
  const rawA = openEncryptedSqlite(join(dir, 'db'), key, 'create');
  rawA.exec('CREATE TABLE t (n INTEGER)');
  const rawB = openEncryptedSqlite(join(dir, 'db'), key, 'open');
  rawB.pragma('busy_timeout = 50');
  const a = new Kysely<{ t: { n: number } }>({ dialect: dialect === 'immediate' ? new ImmediateSqliteDialect({ database: rawA }) : new SqliteDialect({ database: rawA }) });
  let other: unknown = null;
  let mine: unknown = null;
  try {
    await a.transaction().execute(async (tx) => {
      await sql`SELECT count(*) FROM t`.execute(tx);
      try { rawB.prepare('INSERT INTO t VALUES (2)').run(); } catch (e) { other = e; }
      try { await tx.insertInto('t').values({ n: 1 }).execute(); } catch (e) { mine = e; throw e; }
    });
  } catch { /* reported through `mine` */ }
  await a.destroy();
  rawB.close();
  rmSync(dir, { recursive: true, force: true });
  return { other, mine };
}

describe('ImmediateSqliteDialect', () => {
  it('takes the write lock when the transaction begins: the other writer waits (and times out here), ours commits', async () => {
    const r = await scenario('immediate');
    expect(r.mine).toBeNull();
    expect(String(r.other)).toMatch(/busy|locked/i);
  });

  it('control: with a deferred BEGIN our read-then-write transaction is the one that fails', async () => {
    const r = await scenario('deferred');
    expect(r.other).toBeNull();
    expect(String(r.mine)).toMatch(/busy|locked/i);
  });
});
