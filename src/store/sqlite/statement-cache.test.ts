import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { withStatementCache } from './statement-cache.js';

function counted(): { db: Database.Database; prepared: () => number } {
  const db = new Database(':memory:');
  let n = 0;
  const prepare = db.prepare.bind(db);
  (db as unknown as { prepare: (s: string) => Database.Statement }).prepare = (s: string) => { n++; return prepare(s); };
  return { db, prepared: () => n };
}

describe('withStatementCache', () => {
  it('prepares a statement once and reuses it; everything else passes through', () => {
    const { db, prepared } = counted();
    const cached = withStatementCache(db);
    cached.exec('CREATE TABLE t (n INTEGER)');
    for (let i = 0; i < 5; i++) cached.prepare('INSERT INTO t VALUES (?)').run(i);
    expect(prepared()).toBe(1);
    expect(cached.prepare('SELECT count(*) AS c FROM t').get()).toEqual({ c: 5 });
    expect(cached.open).toBe(true);
    cached.close();
  });

  it('hands out a fresh statement while the cached one is still iterating', () => {
    const { db, prepared } = counted();
    const cached = withStatementCache(db);
    cached.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2)');
    const seen: number[] = [];
    for (const row of cached.prepare('SELECT n FROM t').iterate() as Iterable<{ n: number }>) {
      seen.push(row.n, (cached.prepare('SELECT n FROM t').all() as { n: number }[]).length);
    }
    expect(seen).toEqual([1, 2, 2, 2]);
    expect(prepared()).toBe(3);
    cached.close();
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const { db, prepared } = counted();
    const cached = withStatementCache(db, 2);
    for (const s of ['SELECT 1', 'SELECT 2', 'SELECT 1', 'SELECT 3', 'SELECT 1', 'SELECT 2']) cached.prepare(s).get();
    // SELECT 2 was dropped when SELECT 3 came in (SELECT 1 had just been used)
    expect(prepared()).toBe(4);
    cached.close();
  });
});
