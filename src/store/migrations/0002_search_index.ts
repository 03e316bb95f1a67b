/**
 * 0002: the full-text index over incidents. SQLite: an FTS5 table whose unicode61 tokenizer folds
 * case and removes accents ("amenazó" = "AMENAZO"), rowid = incidents.seq. It holds only
 * non-identifying text (title, summary, public place, vocabulary labels in both languages,
 * pseudonyms): identifying fields are never indexed. PostgreSQL: the same rows in a table with a
 * generated, GIN-indexed tsvector of the accent-folded text.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE incident_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  } else {
    // PostgreSQL (this branch replaced a placeholder that threw; no PostgreSQL database ever ran it):
    // one row per incident (seq), a tsvector over the accent-folded text with the 'simple'
    // configuration (no stemming, so Spanish and English words match alike, as in FTS5), GIN-indexed.
    // in public, once per database, whatever schema the workspace uses
    await sql`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`.execute(db);
    await sql`CREATE OR REPLACE FUNCTION bitacora_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(t, ''))) $$`.execute(db);
    await sql`CREATE TABLE incident_fts (seq bigint PRIMARY KEY, title text NOT NULL, body text NOT NULL,
      doc tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, bitacora_fold(title) || ' ' || bitacora_fold(body))) STORED)`.execute(db);
    await sql`CREATE INDEX incident_fts_doc ON incident_fts USING gin (doc)`.execute(db);
  }
}
