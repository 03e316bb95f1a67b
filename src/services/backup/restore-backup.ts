/**
 * Rebuilds a working workspace from one backup file, into an empty (or absent) folder only
 * (docs/backup.md):
 *   1. read the header; refuse a folder that holds anything;
 *   2. unwrap the master key from the header's copy of keyring.json with a custodian passphrase or
 *      the recovery key — a wrong secret stops here, before anything is written;
 *   3. unwrap the backup's content key, decrypt every chunk into the new folder's tmp/ (the bytes
 *      are the store's own encrypted pages), check the size, that the file is not plaintext and that
 *      it opens with the store key and passes SQLite's quick_check;
 *   4. rename it to bitacora.db and write keyring.json LAST, as setup does: until then the folder
 *      does not count as a workspace. On any failure everything written is removed again.
 */
import { createReadStream, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { open as openFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { DataFolder } from '../../store/embedded/data-folder.js';
import { openEncryptedSqlite, startsWithPlaintextHeader } from '../../store/sqlite/open-encrypted.js';
import { removeDatabaseFiles } from '../../store/sqlite/snapshot.js';
import { unwrapWithPassphrase, unwrapWithRecoveryKey, deriveSubkey, WrongSecretError } from '../../crypto/keyring.js';
import { decryptStream, unwrapStreamKey, StreamIntegrityError } from '../../crypto/stream-aead.js';
import { DecryptionError } from '../../crypto/aead.js';
import { randomToken, wipe } from '../../crypto/random.js';
import { ServiceError } from '../errors.js';
import { readPreamble, contentKeyBinding, damagedBackup } from './backup-format.js';

export type RestoreSecret = { passphrase: string } | { recoveryKey: string };

export interface RestoreResult {
  id: string;
  createdAt: string;
  keyringId: string;
  databaseBytes: number;
}

export const targetNotEmpty = () => new ServiceError(409, 'target_not_empty', 'restore only into an empty or new folder; this one already holds files');

/** Reads the header only: what a backup is, without any secret (ids, date, sizes). */
export function describeBackup(file: string): { id: string; createdAt: string; keyringId: string; databaseBytes: number; fileBytes: number } {
  const { header, fileSize } = readPreamble(file);
  return { id: header.id, createdAt: header.createdAt, keyringId: header.keyringId, databaseBytes: header.payload.bytes, fileBytes: fileSize };
}

function checkTarget(into: string): boolean {
  if (!existsSync(into)) return false;
  const st = lstatSync(into);
  if (!st.isDirectory()) throw targetNotEmpty();
  if (readdirSync(into).length > 0) throw targetNotEmpty();
  return true;
}

export async function restoreBackup(file: string, into: string, secret: RestoreSecret): Promise<RestoreResult> {
  const { header, bytes: preamble } = readPreamble(file);
  const folder = new DataFolder(into);
  checkTarget(folder.root);

  let masterKey: Buffer;
  try {
    masterKey = 'passphrase' in secret ? await unwrapWithPassphrase(header.keyring, secret.passphrase) : unwrapWithRecoveryKey(header.keyring, secret.recoveryKey);
  } catch (e) {
    if (e instanceof WrongSecretError) throw new ServiceError(401, 'wrong_secret', 'that passphrase or recovery key does not open this backup; nothing was restored');
    throw e;
  }
  const keys: Buffer[] = [masterKey];
  let tmpDb: string | undefined;
  let out: FileHandle | undefined;
  let finished = false;
  let createdRoot = false;
  try {
    const backupKey = deriveSubkey(masterKey, 'backup', header.keyringId);
    keys.push(backupKey);
    let contentKey: Buffer;
    try {
      contentKey = unwrapStreamKey(backupKey, header.contentKey.wrapped, contentKeyBinding(header));
    } catch (e) {
      if (e instanceof DecryptionError) throw damagedBackup();
      throw e;
    }
    keys.push(contentKey);
    // Someone may have created or filled the folder while Argon2 ran.
    const existsNow = checkTarget(folder.root);

    if (!existsNow) {
      try {
        mkdirSync(folder.root, { mode: 0o700 });
      } catch (e) {
        throw new ServiceError(400, 'no_parent_folder', `cannot create the folder to restore into (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      createdRoot = true;
    }
    folder.ensure();
    tmpDb = join(folder.tmpPath, `restore-${randomToken(9).replace(/[^A-Za-z0-9]/g, 'x')}.db`);
    out = await openFile(tmpDb, 'wx', 0o600);
    let written = 0;
    try {
      for await (const piece of decryptStream(contentKey, header.stream, preamble, createReadStream(file, { start: preamble.length, highWaterMark: header.stream.chunkSize + 16 }))) {
        written += piece.length;
        if (written > header.payload.bytes) throw damagedBackup();
        await out.write(piece);
      }
    } catch (e) {
      if (e instanceof StreamIntegrityError) throw damagedBackup();
      throw e;
    }
    if (written !== header.payload.bytes) throw damagedBackup();
    await out.sync();
    await out.close();
    out = undefined;

    // Every chunk verified. Now the database itself: never plaintext, opens with the store key, intact.
    if (startsWithPlaintextHeader(tmpDb)) throw damagedBackup();
    const dbKey = deriveSubkey(masterKey, 'sqlite', header.keyringId);
    keys.push(dbKey);
    let ok = false;
    try {
      const db = openEncryptedSqlite(tmpDb, dbKey, 'open');
      try {
        ok = db.pragma('quick_check', { simple: true }) === 'ok';
      } finally {
        db.close();
      }
    } catch {
      ok = false;
    }
    if (!ok) throw damagedBackup();
    for (const companion of ['-wal', '-shm', '-journal']) {
      if (existsSync(`${tmpDb}${companion}`)) throw new ServiceError(500, 'restore_failed', 'the restored database did not close cleanly');
    }

    renameSync(tmpDb, folder.databasePath);
    tmpDb = undefined;
    // The keyring last: from this moment on the folder is a workspace.
    folder.writeKeyring(header.keyring);
    finished = true;
    return { id: header.id, createdAt: header.createdAt, keyringId: header.keyringId, databaseBytes: header.payload.bytes };
  } finally {
    for (const k of keys) wipe(k);
    await out?.close().catch(() => undefined);
    if (!finished) {
      if (tmpDb) removeDatabaseFiles(tmpDb);
      if (existsSync(folder.root)) {
        // Only what this restore wrote; the folder goes back to empty, or away if it was absent.
        folder.removeStore();
        rmSync(folder.tmpPath, { recursive: true, force: true });
        if (createdRoot) {
          try { rmdirSync(folder.root); } catch { /* not empty: someone else's files, leave them */ }
        }
      }
    }
  }
}
