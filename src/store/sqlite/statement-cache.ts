/**
 * Prepared-statement reuse for Kysely's SQLite driver. Kysely calls `db.prepare(sql)` for every
 * query it runs; with better-sqlite3 preparing a statement costs as much as running a small
 * insert (profiling the demo generator: a sixth of all CPU time went to `prepare`). Most of our SQL
 * text repeats exactly (the parameters are bound, not inlined), so a small LRU keyed by the SQL text
 * returns the statement prepared last time. SQLite re-prepares a statement by itself when the
 * schema changes, so a cached statement stays correct after a migration.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

/** Enough for every statement the repositories and a search issue; rarer ones are prepared again. */
const DEFAULT_SIZE = 500;

/** Wraps a better-sqlite3 handle so that `prepare` reuses statements; everything else passes through. */
export function withStatementCache(db: Database.Database, size = DEFAULT_SIZE): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    const hit = cache.get(source);
    // a statement still iterating (a streamed query) cannot be run again: hand out a fresh one
    if (hit && !hit.busy) {
      // Map keeps insertion order: re-inserting marks it most recently used
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    const stmt = db.prepare(source);
    if (!hit) {
      cache.set(source, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return stmt;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
