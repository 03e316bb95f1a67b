/**
 * Writes one encrypted backup file of an unsealed workspace while it keeps running (docs/backup.md):
 *   1. a consistent snapshot of the database with VACUUM INTO, into the data folder's tmp/ — already
 *      encrypted with the store's key (checked: no plaintext SQLite header), never plaintext on disk;
 *   2. a fresh random content key for this backup, wrapped under the master key's 'backup' sub-key;
 *   3. the file: a header (ids, date, a copy of keyring.json, the wrapped key, stream parameters)
 *      and the snapshot sealed chunk by chunk (src/crypto/stream-aead.ts), written to a hidden
 *      ".<name>.<random>.partial" beside it (0600, O_EXCL), then linked into place only when complete,
 *      so an existing file is never overwritten and a crash never leaves a truncated backup under
 *      the real name;
 *   4. an audit event 'backup.created' with ids and sizes only.
 * The snapshot is deleted on every path; a failed backup deletes the file it started.
 */
import { createReadStream, existsSync } from 'node:fs';
import { open as openFile, rm, mkdir, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Runtime } from '../vault.js';
import type { DataFolder } from '../../store/embedded/data-folder.js';
import { snapshotDatabase, removeDatabaseFiles } from '../../store/sqlite/snapshot.js';
import { partialName, publishFile } from '../new-file.js';
import { newStreamKey, newStreamParams, encryptStream } from '../../crypto/stream-aead.js';
import { newId, randomToken, wipe } from '../../crypto/random.js';
import { ServiceError, sealed } from '../errors.js';
import { BACKUP_FORMAT, BACKUP_VERSION, encodePreamble, contentKeyBinding, type BackupHeader } from './backup-format.js';

export interface BackupResult {
  id: string;
  createdAt: string;
  /** size of the backup file */
  bytes: number;
  /** size of the (encrypted) database snapshot inside it */
  databaseBytes: number;
  chunks: number;
}

export interface BackupOptions {
  /** the user the audit event names; null for the operator at the machine or the schedule */
  by: string | null;
  scheduled?: boolean;
  now?: () => string;
  /** aborted when the vault seals: the backup stops and its file is removed */
  signal?: AbortSignal;
  chunkSize?: number;
}

/** A snapshot left in tmp/ by a process that died mid-backup (encrypted, but it takes space). */
const STALE_SNAPSHOT = /^backup-[A-Za-z0-9]+\.db(-journal|-wal|-shm)?$/;
const STALE_AFTER_MS = 6 * 3_600_000;

async function removeStaleSnapshots(tmpDir: string): Promise<void> {
  for (const name of await readdir(tmpDir)) {
    if (!STALE_SNAPSHOT.test(name)) continue;
    const p = join(tmpDir, name);
    const st = await stat(p).catch(() => null);
    if (st && Date.now() - st.mtimeMs > STALE_AFTER_MS) await rm(p, { force: true });
  }
}

export { partialName };

export const fileExists = () => new ServiceError(409, 'file_exists', 'that file already exists; a backup never overwrites a file');

export async function createBackup(rt: Pick<Runtime, 'store' | 'keyringId' | 'deriveKey'>, folder: DataFolder, outFile: string, opts: BackupOptions): Promise<BackupResult> {
  const now = opts.now ?? (() => new Date().toISOString());
  const checkSealed = () => { if (opts.signal?.aborted) throw sealed(); };
  checkSealed();
  if (existsSync(outFile)) throw fileExists();
  const keyring = folder.readKeyring();
  if (keyring.id !== rt.keyringId) throw new ServiceError(409, 'keyring_changed', 'the keyring on disk is not the one this server unsealed');

  const id = newId();
  const createdAt = now();
  const backupKey = rt.deriveKey('backup');
  const binding = contentKeyBinding({ keyringId: keyring.id, id });
  const { key, wrapped } = newStreamKey(backupKey, binding);
  wipe(backupKey);

  await mkdir(folder.tmpPath, { recursive: true, mode: 0o700 });
  await removeStaleSnapshots(folder.tmpPath);
  const snapshot = join(folder.tmpPath, `backup-${randomToken(9).replace(/[^A-Za-z0-9]/g, 'x')}.db`);
  const partial = partialName(outFile);
  let out: FileHandle | undefined;
  let published = false;
  let done = false;
  try {
    // 0600 and O_EXCL: a file of our own from the first byte.
    out = await openFile(partial, 'wx', 0o600);
    const databaseBytes = await snapshotDatabase(rt.store.db, snapshot, folder.tmpPath);
    checkSealed();
    const header: BackupHeader = {
      format: BACKUP_FORMAT, version: BACKUP_VERSION, id, createdAt, keyringId: keyring.id, keyring,
      contentKey: { wrappedWith: 'subkey:backup', wrapped },
      stream: newStreamParams(opts.chunkSize),
      payload: { kind: 'sqlcipher4-database', bytes: databaseBytes },
    };
    const preamble = encodePreamble(header);
    await out.write(preamble);
    let bytes = preamble.length;
    let chunks = 0;
    let read = 0;
    const source = async function* () {
      for await (const d of createReadStream(snapshot, { highWaterMark: header.stream.chunkSize })) {
        read += (d as Buffer).length;
        yield d as Buffer;
      }
    };
    for await (const chunk of encryptStream(key, header.stream, preamble, source())) {
      checkSealed();
      await out.write(chunk);
      bytes += chunk.length;
      chunks++;
    }
    if (read !== databaseBytes) throw new ServiceError(500, 'snapshot_changed', 'the snapshot changed while it was being written');
    await out.sync();
    await out.close();
    out = undefined;
    checkSealed();
    await publishFile(partial, outFile, fileExists);
    published = true;
    const result: BackupResult = { id, createdAt, bytes, databaseBytes, chunks };
    await rt.store.transaction(async (tx) => {
      await tx.audit.add({ at: createdAt, userId: opts.by, action: 'backup.created', targetType: 'backup', targetId: id, detail: { bytes, databaseBytes, chunks, scheduled: opts.scheduled === true } });
    });
    done = true;
    return result;
  } finally {
    wipe(key);
    removeDatabaseFiles(snapshot);
    await out?.close().catch(() => undefined);
    if (!done) {
      await rm(partial, { force: true });
      // published but not audited (sealed at that moment): every backup has its audit event
      if (published) await rm(outFile, { force: true });
    }
  }
}
