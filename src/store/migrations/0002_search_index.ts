/**
 * 0002: the full-text index over incidents. SQLite: an FTS5 table whose unicode61 tokenizer folds
 * case and removes accents ("amenazó" = "AMENAZO"), rowid = incidents.seq. It holds only
 * non-identifying text (title, summary, public place, vocabulary labels in both languages,
 * pseudonyms): identifying fields are never indexed.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE incident_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  } else {
    throw new Error('PostgreSQL search index: not yet available (see issue on the PostgreSQL backend)');
  }
}
