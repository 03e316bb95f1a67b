/**
 * Writing a new output file (a backup, an interchange export) so that a file with the chosen name is
 * always whole and never replaces another: the bytes go to a hidden partial file beside it, which is
 * linked into place only when complete — a hard link fails if the name is taken; file systems
 * without hard links (FAT/exFAT USB sticks, some network shares) get a check-then-rename instead —
 * and the folder is synced so the new name survives a power cut.
 */
import { existsSync } from 'node:fs';
import { link, rename, rm, open as openFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomToken } from '../crypto/random.js';

/** A partial file beside `file`: never taken for the real thing, moved into place only when complete. */
export function partialName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomToken(6).replace(/[^A-Za-z0-9]/g, 'x')}.partial`);
}

/** Puts the complete `partial` in place as `file`; throws `taken()` if `file` exists. */
export async function publishFile(partial: string, file: string, taken: () => Error): Promise<void> {
  try {
    await link(partial, file);
    await rm(partial, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw taken();
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV'].includes(code ?? '')) throw e;
    if (existsSync(file)) throw taken();
    await rename(partial, file);
  }
  const dir = await openFile(dirname(file), 'r').catch(() => null);
  await dir?.sync().catch(() => undefined);
  await dir?.close();
}
