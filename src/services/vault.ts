/**
 * The seal (Vault's model). The process starts sealed: no key in memory, no database open.
 * Unsealing derives the key-encryption key from a custodian passphrase (or the recovery key),
 * unwraps the master key, opens the encrypted store and loads the vocabularies. Sealing ends all
 * sessions, closes the store and overwrites every key buffer; it is instant and always possible.
 */
import { DataFolder } from '../store/embedded/data-folder.js';
import type { Store } from '../store/store.js';
import type { StoreBackend } from '../store/backend/store-backend.js';
import { BackendRefusal } from '../store/backend/store-backend.js';
import { sqliteBackend } from '../store/backend/sqlite-backend.js';
import { ClusterWatch } from './cluster/cluster-watch.js';
import { createKeyring, unwrapWithPassphrase, unwrapWithRecoveryKey, deriveSubkey, WrongSecretError, type SubkeyPurpose } from '../crypto/keyring.js';
import { wipe } from '../crypto/random.js';
import type { VocabularyIndex } from '../domain/vocabulary/vocabulary.js';
import { syncVocabularyFile, loadVocabularyIndex } from './vocabulary/sync-vocabulary-file.js';
import { initialiseWorkspace, type SetupInput } from './workspace/initialise-workspace.js';
import { ServiceError, sealed } from './errors.js';
import { openFieldKeys } from './keys/open-field-keys.js';
import type { Argon2Params } from '../crypto/kdf.js';
import type { MemoryIndexStats } from '../store/search/memory-index/memory-index.js';

export type VaultState = 'uninitialised' | 'sealed' | 'unsealed';

export interface Runtime {
  store: Store;
  vocab: VocabularyIndex;
  /** signs cookies; derived from the master key */
  cookieKey: Buffer;
  keyringId: string;
  /** a purpose-bound sub-key of the master key; the caller wipes it after use */
  deriveKey(purpose: SubkeyPurpose): Buffer;
  reloadVocabulary(): Promise<void>;
}

export type UnsealSecret = { passphrase: string } | { recoveryKey: string };

export class Vault {
  private rt: Runtime | null = null;
  private keys: Buffer[] = [];
  private busy: Promise<unknown> | null = null;
  private readonly sealListeners: (() => void)[] = [];
  private watch: ClusterWatch | null = null;
  readonly backend: StoreBackend;

  /**
   * `backend` holds the data: the encrypted SQLite file in `folder` by default, or PostgreSQL
   * (server mode). The keyring always lives in `folder`.
   */
  /**
   * `warmSearchIndex` (the server): read every incident into the store's memory index right
   * after unsealing, in the background, so the first search does not wait for it; a function is
   * told the index's size once it is read (the server logs it).
   * `commandLine`: a command (user, import, export …) working on the data while a server may be
   * serving it: its unseal does not end the server's sessions and its end is not a seal — it
   * drops its own keys and closes its connection, and the server keeps serving.
   */
  constructor(readonly folder: DataFolder, private readonly opts: { argon2?: Argon2Params; now?: () => string; backend?: StoreBackend; watchEveryMs?: number; warmSearchIndex?: boolean | ((stats: MemoryIndexStats) => void); commandLine?: boolean } = {}) {
    this.backend = opts.backend ?? sqliteBackend(folder);
  }

  state(): VaultState {
    if (this.rt) return 'unsealed';
    return this.folder.isInitialised() ? 'sealed' : 'uninitialised';
  }

  runtime(): Runtime {
    if (!this.rt) throw sealed();
    return this.rt;
  }

  onSeal(fn: () => void): void {
    this.sealListeners.push(fn);
  }

  private now(): string {
    return (this.opts.now ?? (() => new Date().toISOString()))();
  }

  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.busy) await this.busy.catch(() => undefined);
    const p = fn();
    this.busy = p;
    try {
      return await p;
    } finally {
      this.busy = null;
    }
  }

  /** Creates the keyring, the encrypted store and the first admin. Returns the recovery key (shown once). */
  setup(input: SetupInput): Promise<{ recoveryKey: string }> {
    return this.exclusive(async () => {
      if (this.state() !== 'uninitialised') throw new ServiceError(409, 'already_setup', 'this workspace is already set up');
      this.folder.ensure();
      const { file, masterKey, recoveryKey } = await createKeyring(input.passphrase, this.opts.argon2);
      let store: Store | undefined;
      try {
        store = await this.backend.create({ keyringId: file.id, databaseKey: () => deriveSubkey(masterKey, 'sqlite', file.id) });
        await this.loadStoreKeys(store, masterKey, file.id);
        await syncVocabularyFile(store, this.now());
        await initialiseWorkspace(store, input, this.now());
        // The keyring is written last: until it exists, the folder counts as not set up.
        this.folder.writeKeyring(file);
      } catch (e) {
        await store?.close().catch(() => undefined);
        wipe(masterKey);
        await this.backend.discard().catch(() => undefined);
        this.folder.removeStore();
        throw refusalAsServiceError(e);
      }
      await this.activate(store, masterKey, file.id);
      return { recoveryKey };
    });
  }

  unseal(secret: UnsealSecret): Promise<void> {
    return this.exclusive(async () => {
      const state = this.state();
      if (state === 'unsealed') return;
      if (state === 'uninitialised') throw new ServiceError(409, 'not_setup', 'this workspace is not set up yet');
      const file = this.folder.readKeyring();
      let masterKey: Buffer;
      try {
        masterKey = 'passphrase' in secret ? await unwrapWithPassphrase(file, secret.passphrase) : unwrapWithRecoveryKey(file, secret.recoveryKey);
      } catch (e) {
        if (e instanceof WrongSecretError) throw new ServiceError(401, 'wrong_secret', 'that passphrase or recovery key does not open this workspace');
        throw e;
      }
      let store: Store;
      try {
        store = await this.backend.open({ keyringId: file.id, databaseKey: () => deriveSubkey(masterKey, 'sqlite', file.id) });
      } catch (e) {
        wipe(masterKey);
        throw refusalAsServiceError(e);
      }
      try {
        await this.loadStoreKeys(store, masterKey, file.id);
      } catch (e) {
        await store.close().catch(() => undefined);
        wipe(masterKey);
        throw e;
      }
      await syncVocabularyFile(store, this.now());
      await store.audit.add({ at: this.now(), userId: null, action: 'vault.unsealed', detail: { with: 'passphrase' in secret ? 'passphrase' : 'recovery_key' } });
      await this.activate(store, masterKey, file.id);
    });
  }

  /** Gives the store the keys its repositories need (audit chain MAC, field keyring); wiped when it closes. */
  private async loadStoreKeys(store: Store, masterKey: Buffer, keyringId: string): Promise<void> {
    store.keys.auditKey = deriveSubkey(masterKey, 'audit', keyringId);
    await openFieldKeys(store, deriveSubkey(masterKey, 'fields', keyringId), keyringId, this.now());
    store.policy.marked = new Set(await store.settings.identifyingFields());
  }

  private async activate(store: Store, masterKey: Buffer, keyringId: string): Promise<void> {
    // Sessions never outlive a seal, even one that could not reach the database. With several
    // processes (server mode) a seal reaches every one of them; this process joining others that
    // are serving keeps their sessions, and only the first to unseal after a seal clears them.
    const watch = this.backend.kind === 'postgres' ? new ClusterWatch(store, () => void this.sealLocally('cluster'), this.opts.watchEveryMs) : null;
    if ((!watch || (await watch.join()) === 0) && !this.opts.commandLine) await store.sessions.deleteAll();
    this.watch = watch;
    const cookieKey = deriveSubkey(masterKey, 'cookie', keyringId);
    this.keys = [masterKey, cookieKey];
    const rt: Runtime = {
      store,
      vocab: await loadVocabularyIndex(store),
      cookieKey,
      keyringId,
      deriveKey: (purpose) => {
        if (this.rt !== rt) throw sealed();
        return deriveSubkey(masterKey, purpose, keyringId);
      },
      reloadVocabulary: async () => {
        rt.vocab = await loadVocabularyIndex(store);
      },
    };
    this.rt = rt;
    // a failure here (the store sealed meanwhile) leaves the index to load on the first search
    const warm = this.opts.warmSearchIndex;
    const index = store.memoryIndex;
    if (warm && index) {
      index.warm().then(() => {
        if (typeof warm === 'function' && this.rt === rt) warm(index.stats());
      }).catch(() => undefined);
    }
  }

  /**
   * Seals now: ends every session, closes the store, wipes keys. Safe to call in any state. With
   * several processes on one database, every other process seals itself within a second.
   */
  async seal(): Promise<void> {
    const rt = this.rt;
    if (rt && this.backend.kind === 'postgres') {
      // tell the others first: a process that dies right after this line has still sealed them all
      await rt.store.cluster.bumpSealEpoch().catch(() => this.recordSealLater(rt.store));
    }
    await this.sealLocally('here');
  }

  /** The database did not answer the seal: keep trying (the pool holds no key), so the others seal when it is back. */
  private recordSealLater(store: Store): void {
    const retry = setInterval(() => {
      store.cluster.bumpSealEpoch().then(() => clearInterval(retry), () => undefined);
    }, 1_000);
    retry.unref();
  }

  /** Seals this process only: the cluster already knows (or this is the process ending). */
  private async sealLocally(why: 'here' | 'cluster' | 'shutdown'): Promise<void> {
    const rt = this.rt;
    this.rt = null; // from here on every request answers 503
    for (const k of this.keys) wipe(k);
    this.keys = [];
    const watch = this.watch;
    this.watch = null;
    await watch?.leave();
    if (rt && why === 'shutdown') {
      await rt.store.close().catch(() => undefined);
    } else if (rt) {
      try {
        await rt.store.audit.add({ at: this.now(), userId: null, action: 'vault.sealed' });
      } catch {
        /* best effort: sealing must not fail */
      }
      try {
        await rt.store.sessions.deleteAll();
      } catch {
        /* sealing must not fail; sessions are also refused while sealed and deleted on unseal */
      }
      await rt.store.close().catch(() => undefined);
    }
    for (const fn of this.sealListeners) fn();
  }

  /**
   * The process is ending (SIGTERM): embedded, that is a seal; in server mode the other processes
   * keep serving, so this one only drops its keys and leaves, without sealing them or ending sessions
   * (and so does a command-line tool on either backend).
   */
  async shutdown(): Promise<void> {
    if (this.backend.kind === 'postgres' || this.opts.commandLine) await this.sealLocally('shutdown');
    else await this.seal();
    await this.backend.shutdown().catch(() => undefined);
  }
}

function refusalAsServiceError(e: unknown): unknown {
  return e instanceof BackendRefusal ? new ServiceError(409, e.code, e.message) : e;
}
