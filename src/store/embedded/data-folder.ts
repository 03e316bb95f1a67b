/**
 * The embedded data folder. Everything Bitácora writes lives here:
 *   keyring.json   wrapped master key (no secret usable on its own)
 *   bitacora.db    the encrypted database (+ -wal / -shm, encrypted pages too)
 *   tmp/           SQLITE_TMPDIR; stays empty because temp_store = MEMORY
 *   control.sock   local socket the CLI uses to seal a running server
 * Files are created 0600 and the folder 0700.
 */
import { mkdirSync, existsSync, readFileSync, writeFileSync, renameSync, chmodSync, rmSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { keyringFileSchema, type KeyringFile } from '../../crypto/keyring.js';

export class DataFolder {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }
  get keyringPath(): string { return join(this.root, 'keyring.json'); }
  get databasePath(): string { return join(this.root, 'bitacora.db'); }
  get tmpPath(): string { return join(this.root, 'tmp'); }
  get controlSocketPath(): string { return join(this.root, 'control.sock'); }

  ensure(): void {
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    mkdirSync(this.tmpPath, { recursive: true, mode: 0o700 });
    chmodSync(this.root, 0o700);
  }

  isInitialised(): boolean {
    return existsSync(this.keyringPath);
  }

  readKeyring(): KeyringFile {
    return keyringFileSchema.parse(JSON.parse(readFileSync(this.keyringPath, 'utf8')));
  }

  /** Atomic write: temp file, fsync, rename. */
  writeKeyring(file: KeyringFile): void {
    const tmp = `${this.keyringPath}.tmp`;
    writeFileSync(tmp, JSON.stringify(file, null, 2), { mode: 0o600 });
    const fd = openSync(tmp, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.keyringPath);
  }

  /** Removes what a failed setup left, so setup can be tried again from nothing. */
  removeStore(): void {
    for (const f of [this.keyringPath, `${this.keyringPath}.tmp`, this.databasePath, `${this.databasePath}-wal`, `${this.databasePath}-shm`]) rmSync(f, { force: true });
  }
}
