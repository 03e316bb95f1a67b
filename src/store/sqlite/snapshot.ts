/**
 * A consistent copy of the open encrypted database, taken while the server keeps running, that
 * never puts a plaintext page on disk (docs/backup.md, "Taking the snapshot", has the measurements):
 *
 * - `VACUUM INTO '<path>'` on a keyed connection: SQLite3 Multiple Ciphers writes the copy with the
 *   same cipher and key. Every write() to the copy, watched with strace, carried neither the SQLite
 *   header nor a planted marker (a control run on an unkeyed database showed both in almost every
 *   write). It runs in one read transaction, so the copy is consistent while others keep writing.
 * - better-sqlite3's `.backup()` refuses an encrypted source ("incompatible source and target")
 *   after creating an empty target; `serialize()` returns plaintext pages (in memory); a `file:` URI
 *   with key parameters is not parsed by this build and creates a file whose NAME holds the key.
 *
 * Because "this build encrypts VACUUM INTO copies" is a property of the library, not of SQLite,
 * every process first checks it on a throwaway database holding only a random canary, and refuses
 * to snapshot real data if the copy is not encrypted. The copy of the real data is checked again.
 */
import { sql, type Kysely } from 'kysely';
import { openSync, closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openEncryptedSqlite, startsWithPlaintextHeader } from './open-encrypted.js';
import { randomKey, randomToken } from '../../crypto/random.js';

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** Removes a database file and every companion SQLite may have made beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

function createEmptyPrivateFile(file: string): void {
  // O_EXCL: never reuse a file someone else placed there; 0600 before SQLite writes a byte.
  closeSync(openSync(file, 'wx', 0o600));
}

let probed: Promise<void> | null = null;

/** Proves on a throwaway database that VACUUM INTO writes an encrypted copy with this build. */
export function checkVacuumIntoEncrypts(tmpDir: string): Promise<void> {
  probed ??= (async () => {
    const tag = randomToken(6).replace(/[^A-Za-z0-9]/g, 'x');
    const probe = join(tmpDir, `probe-${tag}.db`);
    const copy = join(tmpDir, `probe-${tag}-copy.db`);
    const canary = `bitacora-probe-canary-${randomToken(12)}`;
    try {
      const db = openEncryptedSqlite(probe, randomKey(), 'create');
      try {
        db.exec('CREATE TABLE canary (text TEXT)');
        db.prepare('INSERT INTO canary VALUES (?)').run(canary);
        createEmptyPrivateFile(copy);
        db.prepare('VACUUM INTO ?').run(copy);
      } finally {
        db.close();
      }
      const bytes = readFileSync(copy);
      if (bytes.length === 0 || startsWithPlaintextHeader(copy) || bytes.includes(Buffer.from(canary, 'utf8'))) {
        throw new SnapshotError('this SQLite build writes VACUUM INTO copies unencrypted; refusing to take a snapshot');
      }
    } finally {
      removeDatabaseFiles(probe);
      removeDatabaseFiles(copy);
    }
  })();
  probed.catch(() => { probed = null; });
  return probed;
}

/**
 * Writes a consistent, encrypted (same cipher and key as the store) copy of the database behind
 * `db` to `target`, a new file in the data folder's tmp/. The caller removes it
 * (`removeDatabaseFiles`) when done, on every path. Returns its size in bytes.
 */
export async function snapshotDatabase<DB>(db: Kysely<DB>, target: string, tmpDir: string): Promise<number> {
  await checkVacuumIntoEncrypts(tmpDir);
  createEmptyPrivateFile(target);
  await sql`VACUUM INTO ${target}`.execute(db);
  const size = statSync(target).size;
  if (size === 0 || startsWithPlaintextHeader(target)) {
    removeDatabaseFiles(target);
    throw new SnapshotError('the snapshot was not encrypted; it has been deleted');
  }
  return size;
}
