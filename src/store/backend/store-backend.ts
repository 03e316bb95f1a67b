/**
 * Where the Store's data lives, chosen once per process (ADR 0012): the embedded encrypted SQLite
 * file in the data folder (default), or PostgreSQL (`DATABASE_URL`). The vault asks the backend for
 * a Store when it sets up or unseals, and hands it back when it seals.
 */
import type { Kysely } from 'kysely';
import type { Database as Schema } from '../schema-types.js';
import type { Store } from '../store.js';

export type BackendKind = 'sqlite' | 'postgres';

export interface OpenStoreInput {
  keyringId: string;
  /** the embedded file's key (derived from the master key); unused by PostgreSQL */
  databaseKey: () => Buffer;
}

export class BackendRefusal extends Error {
  constructor(readonly code: 'database_not_empty' | 'database_empty' | 'wrong_keyring', message: string) {
    super(message);
    this.name = 'BackendRefusal';
  }
}

export interface StoreBackend {
  readonly kind: BackendKind;
  /** A new workspace's store; refuses a database that already holds a workspace. */
  create(input: OpenStoreInput): Promise<Store>;
  /** The store of an existing workspace; refuses a database bound to another keyring. */
  open(input: OpenStoreInput): Promise<Store>;
  /** Undoes what a failed `create` left, so setup can start again from nothing (never touches a database it did not create). */
  discard(): Promise<void>;
  /**
   * A database handle that works while sealed (server mode: shared rate limits, readiness, the
   * seal epoch). The embedded file cannot be read without the key, so it has none.
   */
  shared(): Promise<Kysely<Schema> | undefined>;
  /** Closes whatever the backend keeps open (the process is ending). */
  shutdown(): Promise<void>;
}
