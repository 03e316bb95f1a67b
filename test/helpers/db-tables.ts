/**
 * Reading every table the way someone holding the database would (dumps, before/after digests), on
 * either backend: SQLite's catalogue or PostgreSQL's (the connection's current schema).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../src/store/migrations/dialect.js';

export async function tableNames(db: Kysely<any>): Promise<string[]> {
  const q = dialectOf(db) === 'sqlite'
    ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
    : sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
  return (await q.execute(db)).rows.map((r) => r.name);
}

export async function columnNames(db: Kysely<any>, table: string): Promise<string[]> {
  const q = dialectOf(db) === 'sqlite'
    ? sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`
    : sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`;
  return (await q.execute(db)).rows.map((r) => r.name);
}

export async function allRows(db: Kysely<any>, table: string): Promise<Record<string, unknown>[]> {
  return (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(db)).rows;
}
