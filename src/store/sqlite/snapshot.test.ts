import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { openEncryptedSqlite } from './open-encrypted.js';
import { snapshotDatabase, removeDatabaseFiles, checkVacuumIntoEncrypts } from './snapshot.js';

const key = Buffer.alloc(32, 0x5a);
const MARKER = 'ZQXSNAPSHOT4471';
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'bitacora-snap-'));
  dirs.push(dir);
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const file = join(dir, 'db.sqlite');
  const raw = openEncryptedSqlite(file, key, 'create');
  raw.exec('CREATE TABLE t (v TEXT)');
  const ins = raw.prepare('INSERT INTO t VALUES (?)');
  raw.transaction(() => { for (let i = 0; i < 3000; i++) ins.run(`${MARKER} fila ${i} ${'x'.repeat(100)}`); })();
  const db = new Kysely<{ t: { v: string } }>({ dialect: new SqliteDialect({ database: raw }) });
  return { dir, tmp, file, db };
}

describe('encrypted snapshot (VACUUM INTO)', () => {
  it('writes a consistent copy that is encrypted with the same key and holds no plaintext', async () => {
    const { tmp, file, db } = setup();
    // another connection holds an uncommitted write while the snapshot is taken
    const other = openEncryptedSqlite(file, key, 'open');
    other.exec('BEGIN IMMEDIATE');
    other.prepare('INSERT INTO t VALUES (?)').run('sin confirmar');
    const target = join(tmp, 'snap.db');
    try {
      const size = await snapshotDatabase(db, target, tmp);
      other.exec('ROLLBACK');
      const bytes = readFileSync(target);
      expect(bytes.length).toBe(size);
      expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
      expect(bytes.includes(Buffer.from(MARKER, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(MARKER, 'utf16le'))).toBe(false);
      const plain = new Database(target, { readonly: true });
      expect(() => plain.prepare('SELECT count(*) FROM t').get()).toThrow(/not a database/);
      plain.close();
      const copy = openEncryptedSqlite(target, key, 'open');
      expect(copy.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3000 });
      expect(copy.prepare("SELECT count(*) AS n FROM t WHERE v = 'sin confirmar'").get()).toEqual({ n: 0 });
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      copy.close();
      // the probe cleaned up after itself
      expect(readdirSync(tmp).filter((f) => f.startsWith('probe-'))).toEqual([]);
    } finally {
      other.close();
      removeDatabaseFiles(target);
      await db.destroy();
    }
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('never writes into a file that already exists', async () => {
    const { tmp, db } = setup();
    const target = join(tmp, 'snap.db');
    writeFileSync(target, '');
    await expect(snapshotDatabase(db, target, tmp)).rejects.toThrow(/EEXIST/);
    await db.destroy();
  });

  it('the build check passes here (and would refuse an unencrypted copy)', async () => {
    const { tmp, db } = setup();
    await expect(checkVacuumIntoEncrypts(tmp)).resolves.toBeUndefined();
    await db.destroy();
    // control: what the check guards against — an unkeyed connection's VACUUM INTO copy is plaintext
    const plainFile = join(tmp, 'plain.db');
    const plain = new Database(plainFile);
    plain.exec(`CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('${MARKER}')`);
    plain.prepare('VACUUM INTO ?').run(join(tmp, 'plain-copy.db'));
    plain.close();
    const copy = readFileSync(join(tmp, 'plain-copy.db'));
    expect(copy.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(copy.includes(Buffer.from(MARKER))).toBe(true);
  });
});
