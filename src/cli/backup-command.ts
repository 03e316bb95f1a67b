/**
 * `bitacora backup --out FILE` and `bitacora restore FILE --into DIR` (docs/backup.md), and the
 * server's side of backups: the control socket's "backup <path>" command and the schedule of
 * `bitacora serve --backup-dir DIR --backup-every HOURS [--backup-keep N]`.
 *
 * With a server running on the data folder, `backup` asks it over the control socket (the server
 * holds the keys and keeps serving); otherwise it unseals the workspace here with
 * BITACORA_PASSPHRASE, like the other commands. Logs and answers name backups by id and size,
 * never by path.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Vault } from '../services/vault.js';
import type { DataFolder } from '../store/embedded/data-folder.js';
import { createBackup, type BackupResult } from '../services/backup/create-backup.js';
import { restoreBackup, describeBackup, type RestoreSecret } from '../services/backup/restore-backup.js';
import { runScheduledBackup } from '../services/backup/scheduled-backups.js';
import { dataFolderFromEnv, controlSocketFromEnv, UsageError } from './env.js';
import { sendControlCommand } from './control-socket.js';
import { openWorkspaceFromEnv } from './open-workspace.js';
import { readSecret } from './read-secret.js';
import { sealed } from '../services/errors.js';

/** One second at least; a week at most (setInterval's limit is 24.8 days). */
const MIN_HOURS = 1 / 3600;
const MAX_HOURS = 168;

export function backupHours(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < MIN_HOURS || n > MAX_HOURS) throw new InvalidArgumentError(`must be a number of hours from ${MIN_HOURS.toFixed(6)} (one second) to ${MAX_HOURS} (fractions allowed)`);
  return n;
}

export function backupKeep(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError('must be a whole number from 1');
  return n;
}

export function backupControlCommand(file: string): string {
  return `backup ${Buffer.from(file, 'utf8').toString('base64')}`;
}

function answerLine(r: BackupResult): string {
  return `backup ${r.id} ${r.bytes}`;
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Za-z_]{1,40}$/.test(code) ? code : 'error';
}

export interface ServerBackups {
  /** the control socket's "backup <path>" (waits for a backup already running): answers "backup <id> <bytes>", "sealed" or "failed <code>" */
  onBackup(file: string): Promise<string>;
  /** starts the schedule; backups run only while unsealed */
  schedule(opts: { dir: string; everyHours: number; keep?: number }): void;
  /** stops the schedule and any backup in progress, and waits until it has removed its files */
  stop(): Promise<void>;
}

/** The server's backups: one at a time, stopped by a seal, logged by id and size only. */
export function serverBackups(vault: Vault, folder: DataFolder, log: (line: string) => void): ServerBackups {
  let seal = new AbortController();
  vault.onSeal(() => {
    seal.abort();
    seal = new AbortController();
  });
  let current: Promise<unknown> | null = null;
  let timer: NodeJS.Timeout | undefined;

  /** One backup at a time: a request waits for the one running; a scheduled tick skips instead. */
  const exclusive = async <T>(fn: () => Promise<T>, wait: boolean): Promise<T | 'busy'> => {
    while (current) {
      if (!wait) return 'busy';
      await current.catch(() => undefined);
    }
    const p = fn();
    current = p;
    try {
      return await p;
    } finally {
      current = null;
    }
  };

  return {
    async onBackup(file) {
      if (vault.state() !== 'unsealed') return 'sealed';
      try {
        const r = await exclusive(async () => {
          if (vault.state() !== 'unsealed') throw sealed();
          return createBackup(vault.runtime(), folder, file, { by: null, signal: seal.signal });
        }, true);
        if (r === 'busy') return 'busy';
        log(`backup created (id ${r.id}, ${r.bytes} bytes)`);
        return answerLine(r);
      } catch (e) {
        const code = errorCode(e);
        log(`backup failed (${code})`);
        return code === 'sealed' ? 'sealed' : `failed ${code}`;
      }
    },
    schedule({ dir, everyHours, keep }) {
      const tick = async () => {
        if (vault.state() !== 'unsealed') {
          log('scheduled backup skipped: sealed');
          return;
        }
        try {
          const r = await exclusive(() => runScheduledBackup(vault.runtime(), folder, dir, { ...(keep ? { keep } : {}), signal: seal.signal }), false);
          if (r === 'busy') log('scheduled backup skipped: another backup is running');
          else log(`scheduled backup created (id ${r.id}, ${r.bytes} bytes${r.pruned ? `, ${r.pruned} old removed` : ''})`);
        } catch (e) {
          log(`scheduled backup failed (${errorCode(e)})`);
        }
      };
      timer = setInterval(() => void tick(), Math.round(everyHours * 3_600_000));
      timer.unref();
      log(`scheduled backups every ${everyHours} h${keep ? `, keeping ${keep}` : ''}`);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      seal.abort();
      await current?.catch(() => undefined);
    },
  };
}

async function askServer(socket: string, file: string): Promise<string | null> {
  try {
    return await sendControlCommand(socket, backupControlCommand(file), 6 * 3_600_000);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ECONNREFUSED') return null; // no server on this folder
    throw new UsageError(`could not reach the server on this data folder (${code ?? (e as Error).message})`);
  }
}

async function restoreSecret(recovery: boolean): Promise<RestoreSecret> {
  if (recovery) return { recoveryKey: process.env['BITACORA_RECOVERY_KEY'] || (await readSecret('Recovery key: ')) };
  if (process.env['BITACORA_PASSPHRASE']) return { passphrase: process.env['BITACORA_PASSPHRASE'] };
  if (process.env['BITACORA_RECOVERY_KEY']) return { recoveryKey: process.env['BITACORA_RECOVERY_KEY'] };
  return { passphrase: await readSecret('Passphrase: ') };
}

const SERVER_MODE_BACKUPS = 'backup and restore are for the embedded store; with DATABASE_URL use PostgreSQL\'s own tools (pg_dump, base backups) — see docs/server.md';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write one encrypted backup file of this workspace (docs/backup.md); with a server running on the data folder the server writes it while it keeps serving, otherwise the workspace is unsealed here with BITACORA_PASSPHRASE')
    .requiredOption('--out <file>', 'the new backup file (created 0600; never overwrites)')
    .action(async (o: { out: string }) => {
      if (process.env['DATABASE_URL']) throw new UsageError(SERVER_MODE_BACKUPS);
      const folder = dataFolderFromEnv();
      if (!folder.isInitialised()) throw new UsageError(`no workspace in ${folder.root}`);
      const file = resolve(o.out);
      if (existsSync(file)) throw new UsageError('that file already exists; a backup never overwrites a file');
      const answer = await askServer(controlSocketFromEnv(folder), file);
      if (answer !== null && answer.startsWith('backup ')) {
        const [, id, bytes] = answer.split(' ');
        process.stdout.write(`backup ${id} written by the running server (${bytes} bytes)\n`);
        return;
      }
      if (answer !== null && answer !== 'sealed') {
        throw new UsageError(answer === 'busy' ? 'the server is writing another backup; try again when it is done' : `the server could not write the backup (${answer})`);
      }
      if (answer === 'sealed' && !process.env['BITACORA_PASSPHRASE']) throw new UsageError('the server on this data folder is sealed: unseal it, or set BITACORA_PASSPHRASE');
      process.env['SQLITE_TMPDIR'] = folder.tmpPath;
      const ws = await openWorkspaceFromEnv();
      try {
        const r = await createBackup(ws.rt, folder, file, { by: ws.ctx.user.id });
        process.stdout.write(`backup ${r.id} written (${r.bytes} bytes)\n`);
      } finally {
        await ws.close();
      }
    });

  program
    .command('restore <file>')
    .description('rebuild a workspace from a backup file into an empty or new folder; unlocks it with a custodian passphrase (BITACORA_PASSPHRASE or typed) or, with --recovery-key, the recovery key (BITACORA_RECOVERY_KEY or typed). A wrong secret or a damaged file restores nothing')
    .requiredOption('--into <dir>', 'an empty or not yet existing folder')
    .option('--recovery-key', 'use the recovery key')
    .action(async (file: string, o: { into: string; recoveryKey?: boolean }) => {
      if (process.env['DATABASE_URL']) throw new UsageError(SERVER_MODE_BACKUPS);
      const into = resolve(o.into);
      // What the file is (header only, no secret needed), before asking for a secret.
      const info = describeBackup(resolve(file));
      process.stderr.write(`backup ${info.id}, made ${info.createdAt} (${info.fileBytes} bytes)\n`);
      const secret = await restoreSecret(o.recoveryKey === true);
      // SQLite keeps temporary data in memory; should it ever spill, it stays in the new folder.
      process.env['SQLITE_TMPDIR'] = join(into, 'tmp');
      const r = await restoreBackup(resolve(file), into, secret);
      process.stdout.write(
        `restored backup ${r.id} (made ${r.createdAt}) into ${into}\n` +
        `start it with BITACORA_DATA_DIR set to that folder; it unseals with the passphrases and recovery key that were valid when the backup was made\n`,
      );
    });
}
