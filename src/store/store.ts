/**
 * The Store: the one port services use. It hands out repositories bound to either the database
 * or a transaction, so a change and its audit event commit together. Adapters differ only in how
 * the Kysely instance is made (embedded SQLCipher file here; PostgreSQL later).
 */
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Schema } from './schema-types.js';
import { IncidentRepository } from './repositories/incident-repository.js';
import { ActorRepository } from './repositories/actor-repository.js';
import { UserRepository } from './repositories/user-repository.js';
import { SessionRepository } from './repositories/session-repository.js';
import { VocabularyRepository } from './repositories/vocabulary-repository.js';
import { AuditRepository } from './repositories/audit-repository.js';
import { DraftRepository } from './repositories/draft-repository.js';
import { migrateToLatest } from './migrations/index.js';
import { openEncryptedSqlite } from './sqlite/open-encrypted.js';

export class Store {
  readonly incidents: IncidentRepository;
  readonly actors: ActorRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly vocabulary: VocabularyRepository;
  readonly audit: AuditRepository;
  readonly drafts: DraftRepository;

  constructor(readonly db: Kysely<Schema>, private readonly onClose?: () => void) {
    this.incidents = new IncidentRepository(db);
    this.actors = new ActorRepository(db);
    this.users = new UserRepository(db);
    this.sessions = new SessionRepository(db);
    this.vocabulary = new VocabularyRepository(db);
    this.audit = new AuditRepository(db);
    this.drafts = new DraftRepository(db);
  }

  /** Runs `fn` in one transaction; nested calls reuse the outer one. */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx: Transaction<Schema>) => fn(new Store(trx)));
  }

  async close(): Promise<void> {
    await this.db.destroy();
    this.onClose?.();
  }
}

/** Opens (or creates) the encrypted embedded store and brings its schema up to date. */
export async function openEmbeddedStore(file: string, key: Uint8Array, mode: 'create' | 'open'): Promise<Store> {
  const raw: Database.Database = openEncryptedSqlite(file, key, mode);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new Store(db);
}
