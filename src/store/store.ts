/**
 * The Store: the one port services use. It hands out repositories bound to either the database
 * or a transaction, so a change and its audit event commit together. Adapters differ only in how
 * the Kysely instance is made (embedded SQLCipher file here; PostgreSQL later).
 */
import { Kysely, sql, type Transaction } from 'kysely';
import { ImmediateSqliteDialect } from './sqlite/immediate-dialect.js';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Schema } from './schema-types.js';
import { IncidentRepository } from './repositories/incident-repository.js';
import { ActorRepository } from './repositories/actor-repository.js';
import { UserRepository } from './repositories/user-repository.js';
import { SessionRepository } from './repositories/session-repository.js';
import { SecondFactorRepository } from './repositories/second-factor-repository.js';
import { VocabularyRepository } from './repositories/vocabulary-repository.js';
import { AuditRepository } from './repositories/audit-repository.js';
import { DraftRepository } from './repositories/draft-repository.js';
import { FieldKeyRepository } from './repositories/field-key-repository.js';
import { ShareRepository } from './repositories/share-repository.js';
import { SettingsRepository } from './repositories/settings-repository.js';
import { RiskRepository } from './repositories/risk-repository.js';
import { AlertRepository } from './repositories/alert-repository.js';
import { UrgentRepository } from './repositories/urgent-repository.js';
import { AccompanimentRepository } from './repositories/accompaniment-repository.js';
import { TransportRepository } from './repositories/transport-repository.js';
import { AppealRepository } from './repositories/appeal-repository.js';
import { CampaignRepository } from './repositories/campaign-repository.js';
import { CheckinRepository } from './repositories/checkin-repository.js';
import { ClusterRepository } from './repositories/cluster-repository.js';
import { RateLimitRepository } from './repositories/rate-limit-repository.js';
import { EvidenceRepository } from './repositories/evidence-repository.js';
import { SigningKeyRepository } from './repositories/signing-key-repository.js';
import { ImportRepository } from './repositories/import-repository.js';
import { FileRepository } from './files/file-repository.js';
import { dialectOf } from './migrations/dialect.js';
import { emptyStoreKeys, wipeStoreKeys, type StoreKeys } from './store-keys.js';
import { defaultStorePolicy, type StorePolicy } from './store-policy.js';
import { sealLegacyPlaintext } from './repositories/legacy-sealing.js';
import { migrateToLatest } from './migrations/index.js';
import { openEncryptedSqlite } from './sqlite/open-encrypted.js';
import { MemoryIndex } from './search/memory-index/memory-index.js';

export class Store {
  readonly incidents: IncidentRepository;
  readonly actors: ActorRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly secondFactor: SecondFactorRepository;
  readonly vocabulary: VocabularyRepository;
  readonly audit: AuditRepository;
  readonly drafts: DraftRepository;
  readonly fieldKeys: FieldKeyRepository;
  readonly shares: ShareRepository;
  readonly settings: SettingsRepository;
  readonly risk: RiskRepository;
  readonly alerts: AlertRepository;
  readonly urgent: UrgentRepository;
  readonly appeals: AppealRepository;
  readonly campaigns: CampaignRepository;
  readonly checkins: CheckinRepository;
  readonly files: FileRepository;
  readonly evidence: EvidenceRepository;
  readonly signingKeys: SigningKeyRepository;
  readonly imports: ImportRepository;
  readonly accompaniment: AccompanimentRepository;
  readonly transport: TransportRepository;

  /** Keys the repositories need (set once the vault is unsealed); shared with every transaction's Store. */
  readonly keys: StoreKeys;

  /** Workspace rules the repositories apply (fields marked identifying); shared with every transaction's Store. */
  readonly policy: StorePolicy;

  readonly cluster: ClusterRepository;
  readonly rateLimits: RateLimitRepository;

  /**
   * This process's in-memory search index (ADR 0013): searches and dashboards outside a
   * transaction use it. None inside a transaction.
   */
  readonly memoryIndex: MemoryIndex | undefined;

  /**
   * `release` frees the database when the store closes: by default the Kysely instance is destroyed
   * (the embedded file closes); server mode keeps its pool, which also serves while sealed.
   */
  constructor(readonly db: Kysely<Schema>, private readonly release?: () => Promise<void>, keys?: StoreKeys, policy?: StorePolicy) {
    this.keys = keys ?? emptyStoreKeys();
    this.policy = policy ?? defaultStorePolicy();
    this.incidents = new IncidentRepository(db, this.keys, this.policy);
    this.actors = new ActorRepository(db, this.keys, this.policy);
    this.users = new UserRepository(db);
    this.sessions = new SessionRepository(db);
    this.secondFactor = new SecondFactorRepository(db);
    this.vocabulary = new VocabularyRepository(db);
    this.audit = new AuditRepository(db, this.keys);
    this.drafts = new DraftRepository(db, this.keys);
    this.fieldKeys = new FieldKeyRepository(db);
    this.shares = new ShareRepository(db);
    this.settings = new SettingsRepository(db);
    this.risk = new RiskRepository(db, this.keys);
    this.alerts = new AlertRepository(db);
    this.urgent = new UrgentRepository(db, this.keys);
    this.appeals = new AppealRepository(db, this.keys);
    this.campaigns = new CampaignRepository(db, this.keys);
    this.checkins = new CheckinRepository(db, this.keys);
    this.files = new FileRepository(db, this.keys);
    this.evidence = new EvidenceRepository(db, this.keys);
    this.signingKeys = new SigningKeyRepository(db, this.keys);
    this.imports = new ImportRepository(db);
    this.accompaniment = new AccompanimentRepository(db, this.keys);
    this.transport = new TransportRepository(db, this.keys);
    this.cluster = new ClusterRepository(db);
    this.rateLimits = new RateLimitRepository(db);
    this.memoryIndex = db.isTransaction ? undefined : new MemoryIndex(db);
  }

  get dialect(): 'sqlite' | 'postgres' {
    return dialectOf(this.db);
  }

  /** Throws when the database does not answer (readiness probes). */
  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.db);
  }

  /** Runs `fn` in one transaction; nested calls reuse the outer one. */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx: Transaction<Schema>) => fn(new Store(trx, async () => undefined, this.keys, this.policy)));
  }

  /**
   * A bulk load (the demo at scale, a large import) inserts rows with random ids all over the
   * file's indexes: once the file outgrows the 64 MiB page cache, every batch reads and decrypts
   * the same index pages again and again (measured: 1,000 incidents/s falling to 250/s by
   * 150,000). A 1 GiB cache for this connection keeps them. Embedded only; PostgreSQL has its own.
   */
  async widenCacheForBulkLoad(): Promise<void> {
    if (this.dialect === 'sqlite') await sql`PRAGMA cache_size = -1048576`.execute(this.db);
  }

  /** Seals identifying values left in plaintext by a workspace made before field-level sealing. */
  sealLegacyPlaintext(): Promise<number> {
    return this.transaction((tx) => sealLegacyPlaintext(tx.db, tx.keys));
  }

  async close(): Promise<void> {
    wipeStoreKeys(this.keys);
    this.memoryIndex?.clear();
    await (this.release ? this.release() : this.db.destroy());
  }
}

/** Opens (or creates) the encrypted embedded store and brings its schema up to date. */
export async function openEmbeddedStore(file: string, key: Uint8Array, mode: 'create' | 'open'): Promise<Store> {
  const raw: Database.Database = openEncryptedSqlite(file, key, mode);
  const db = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new Store(db);
}
