import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openEncryptedSqlite, StoreOpenError } from './open-encrypted.js';

const key = Buffer.alloc(32, 0x42);

describe('encrypted SQLite', () => {
  it('creates a file that does not start with the SQLite header and cannot be read without the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitacora-enc-'));
    try {
      const file = join(dir, 'db.sqlite');
      const db = openEncryptedSqlite(file, key, 'create');
      db.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('MARCADOR-SECRETO-123')");
      db.pragma('wal_checkpoint(TRUNCATE)');
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
      db.close();
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      expect(bytes.includes(Buffer.from('MARCADOR-SECRETO-123'))).toBe(false);
      // A plain SQLite reader fails.
      const plain = new Database(file);
      expect(() => plain.prepare('SELECT * FROM t').all()).toThrow(/not a database/);
      plain.close();
      // A wrong key fails.
      expect(() => openEncryptedSqlite(file, Buffer.alloc(32, 1), 'open')).toThrow(StoreOpenError);
      // The right key reads it back.
      const again = openEncryptedSqlite(file, key, 'open');
      expect(again.prepare('SELECT v FROM t').get()).toEqual({ v: 'MARCADOR-SECRETO-123' });
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to open a plaintext database, a missing file, or to overwrite a store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitacora-enc-'));
    try {
      const file = join(dir, 'plain.sqlite');
      const plain = new Database(file);
      plain.exec('CREATE TABLE t (v TEXT)');
      plain.close();
      expect(() => openEncryptedSqlite(file, key, 'open')).toThrow(/unencrypted/);
      expect(() => openEncryptedSqlite(join(dir, 'missing'), key, 'open')).toThrow(/no store/);
      expect(() => openEncryptedSqlite(file, key, 'create')).toThrow(/already exists/);
      writeFileSync(join(dir, 'x'), 'x');
      expect(() => openEncryptedSqlite(file, Buffer.alloc(16), 'open')).toThrow(/32 bytes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
