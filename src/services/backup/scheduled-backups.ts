/**
 * Scheduled backups into one folder: file names carry only a UTC timestamp
 * (bitacora-20261128T152600123Z.backup), and only files with exactly that shape are ever counted
 * or pruned — nothing else in the folder is touched.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from '../vault.js';
import type { DataFolder } from '../../store/embedded/data-folder.js';
import { createBackup, type BackupOptions, type BackupResult } from './create-backup.js';
import { BACKUP_EXTENSION } from './backup-format.js';

const NAME = /^bitacora-\d{8}T\d{9}Z\.backup$/;
/** what a scheduled backup that never finished (the process died) leaves: see create-backup.ts */
const PARTIAL = /^\.bitacora-\d{8}T\d{9}Z\.backup\.[A-Za-z0-9]+\.partial$/;
const PARTIAL_STALE_MS = 6 * 3_600_000;

export function scheduledBackupName(at: Date): string {
  const iso = at.toISOString(); // 2026-11-28T15:26:00.123Z
  return `bitacora-${iso.slice(0, 10).replace(/-/g, '')}T${iso.slice(11, 19).replace(/:/g, '')}${iso.slice(20, 23)}Z${BACKUP_EXTENSION}`;
}

export function isScheduledBackupName(name: string): boolean {
  return NAME.test(name);
}

/** Scheduled backups in `dir`, oldest first (the names sort by time). */
export function listScheduledBackups(dir: string): string[] {
  return readdirSync(dir).filter(isScheduledBackupName).sort();
}

/** Deletes the oldest scheduled backups beyond the newest `keep`; returns how many went. */
export function pruneScheduledBackups(dir: string, keep: number): number {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError('keep must be at least 1');
  for (const n of readdirSync(dir).filter((f) => PARTIAL.test(f))) {
    const p = join(dir, n);
    if (Date.now() - statSync(p).mtimeMs > PARTIAL_STALE_MS) rmSync(p, { force: true });
  }
  const names = listScheduledBackups(dir);
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const n of old) rmSync(join(dir, n), { force: true });
  return old.length;
}

export interface ScheduledResult extends BackupResult {
  pruned: number;
}

/** One scheduled run: a new timestamped backup in `dir` (created 0700 if absent), then pruning. */
export async function runScheduledBackup(
  rt: Pick<Runtime, 'store' | 'keyringId' | 'deriveKey'>, folder: DataFolder, dir: string,
  opts: { keep?: number; at?: Date; signal?: AbortSignal } = {},
): Promise<ScheduledResult> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const at = opts.at ?? new Date();
  const backupOpts: BackupOptions = { by: null, scheduled: true, now: () => at.toISOString(), ...(opts.signal ? { signal: opts.signal } : {}) };
  const result = await createBackup(rt, folder, join(dir, scheduledBackupName(at)), backupOpts);
  const pruned = opts.keep ? pruneScheduledBackups(dir, opts.keep) : 0;
  return { ...result, pruned };
}
