/**
 * Where `bitacora export` writes the document: a new file, or a stream such as stdout piped to an
 * encryption tool. Both write piece by piece (writeWorkspace), waiting for a slow reader instead of
 * holding the document.
 *
 * A file is written as backups are (src/services/backup/create-backup.ts): into a hidden partial
 * file beside it (0600, O_EXCL), synced, and only then linked into place — never over an existing
 * file — so a file with the chosen name is always a whole export, and a failed export leaves no
 * partial plaintext copy behind.
 */
import { openSync, writeSync, closeSync, fsyncSync, rmSync, existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { partialName, publishFile } from '../new-file.js';
import { writeWorkspace, type ExportCounts, type ExportOptions } from './export-workspace.js';

const fileExists = () => new ServiceError(409, 'file_exists', 'that file already exists; an export never overwrites a file');

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

export async function exportToFile(ctx: ServiceContext, path: string, opts: ExportOptions = {}): Promise<ExportCounts> {
  if (existsSync(path)) throw fileExists();
  const partial = partialName(path);
  let fd: number | undefined = openSync(partial, 'wx', 0o600);
  try {
    const out = fd;
    const counts = await writeWorkspace(ctx, (text) => writeAll(out, text), opts);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    await publishFile(partial, path, fileExists);
    return counts;
  } finally {
    if (fd !== undefined) closeSync(fd);
    rmSync(partial, { force: true });
  }
}

export async function exportToStream(ctx: ServiceContext, out: Writable, opts: ExportOptions = {}): Promise<ExportCounts> {
  return writeWorkspace(ctx, (text) => new Promise<void>((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve()))), opts);
}
