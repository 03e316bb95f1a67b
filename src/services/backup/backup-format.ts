/**
 * The backup file (docs/backup.md):
 *
 *   "bitacora-backup\n"   16 bytes, the magic
 *   header length         uint32, big-endian (at most 1 MiB)
 *   header                UTF-8 JSON: format, version, backup id, created at, keyring id, a copy of
 *                         keyring.json, the wrapped content key, the stream parameters, payload size
 *   chunks                the payload (an encrypted VACUUM INTO copy of the database) sealed with
 *                         src/crypto/stream-aead.ts; every chunk's AAD binds SHA-256 of all the bytes
 *                         above, so no byte of the header can change without every chunk failing.
 *
 * The header holds ids, dates, sizes and the keyring (salts, Argon2 parameters, wrapped keys):
 * never a name, a path or anything a person typed.
 */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { z } from 'zod';
import { keyringFileSchema } from '../../crypto/keyring.js';
import { streamParamsSchema } from '../../crypto/stream-aead.js';
import { ServiceError } from '../errors.js';

export const BACKUP_MAGIC = Buffer.from('bitacora-backup\n', 'latin1');
export const BACKUP_FORMAT = 'bitacora-backup';
export const BACKUP_VERSION = 1;
const MAX_HEADER_BYTES = 1024 * 1024;
/** Backup file names carry only a timestamp (scheduled backups), e.g. bitacora-20261128T152600123Z.backup */
export const BACKUP_EXTENSION = '.backup';

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  id: z.string().regex(/^[0-9a-f-]{36}$/),
  createdAt: z.string().max(40),
  keyringId: z.string().min(1).max(64),
  /** keyring.json as it was: a custodian passphrase or the recovery key unwraps the master key */
  keyring: keyringFileSchema,
  /** a random key for this backup's payload, wrapped under the master key's 'backup' sub-key */
  contentKey: z.object({ wrappedWith: z.literal('subkey:backup'), wrapped: z.string().regex(/^[A-Za-z0-9+/]+=*$/).max(200) }),
  stream: streamParamsSchema,
  payload: z.object({ kind: z.literal('sqlcipher4-database'), bytes: z.number().int().min(1) }),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const notABackup = (why: string) => new ServiceError(400, 'not_a_backup', `this is not a Bitácora backup, or its header is damaged (${why})`);
export const damagedBackup = () =>
  new ServiceError(422, 'backup_damaged', 'the backup failed its integrity check: it was altered, truncated or damaged; nothing was restored');

/** Everything before the first chunk: magic, length, header JSON. Its SHA-256 is bound to every chunk. */
export function encodePreamble(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(backupHeaderSchema.parse(header)), 'utf8');
  if (json.length > MAX_HEADER_BYTES) throw new RangeError('backup header too large');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length, 0);
  return Buffer.concat([BACKUP_MAGIC, len, json]);
}

export interface Preamble {
  header: BackupHeader;
  /** the exact bytes read, to authenticate */
  bytes: Buffer;
  /** file size, for progress and sanity checks */
  fileSize: number;
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/** Reads and checks the preamble. The header is not yet authenticated: only the chunks prove it. */
export function readPreamble(file: string): Preamble {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new ServiceError(404, 'no_backup_file', `cannot read the backup file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notABackup('not a file');
    const fileSize = st.size;
    const start = readExactly(fd, BACKUP_MAGIC.length + 4, 0);
    if (start.length < BACKUP_MAGIC.length + 4 || !start.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) throw notABackup('no backup magic');
    const len = start.readUInt32BE(BACKUP_MAGIC.length);
    if (len === 0 || len > MAX_HEADER_BYTES) throw notABackup('header length');
    const json = readExactly(fd, len, start.length);
    if (json.length !== len) throw notABackup('truncated header');
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
    } catch {
      throw notABackup('header is not UTF-8 JSON');
    }
    const parsed = backupHeaderSchema.safeParse(value);
    if (!parsed.success) throw notABackup(`unknown header: ${parsed.error.issues[0]?.path.join('.') || 'format'}`);
    if (parsed.data.keyring.id !== parsed.data.keyringId) throw notABackup('keyring id mismatch');
    return { header: parsed.data, bytes: Buffer.concat([start, json]), fileSize };
  } finally {
    closeSync(fd);
  }
}

/** The binding of the wrapped content key: a content key moved to another backup does not open. */
export function contentKeyBinding(h: Pick<BackupHeader, 'keyringId' | 'id'>): string {
  return `backup/${h.keyringId}/${h.id}`;
}
