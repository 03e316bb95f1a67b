/** `bitacora serve`: the HTTP server, sealed until a custodian unseals it (or BITACORA_PASSPHRASE is set). */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Vault } from '../services/vault.js';
import { buildServer, DEFAULT_MAX_UPLOAD_BYTES } from '../http/server.js';
import { dataFolderFromEnv, storeBackendFromEnv, controlSocketFromEnv, UsageError } from './env.js';
import { makeLogger, logFormatFromEnv } from './log-format.js';
import { listenControlSocket } from './control-socket.js';
import { serverBackups } from './backup-command.js';
import { rotationLine } from './keys-command.js';
import { rotateFieldKeys } from '../services/keys/rotate-field-keys.js';
import { VERSION } from './version.js';
import { searchIndexFields } from './search-index-log.js';
import { startScheduler, DEFAULT_TICK_MS } from '../services/alerts/scheduler.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** BITACORA_MAX_UPLOAD_MB: the largest evidence file accepted, in MiB (default 1024; ADR 0019). */
export function maxUploadBytesFromEnv(env = process.env): number {
  const raw = env['BITACORA_MAX_UPLOAD_MB'];
  if (raw === undefined || raw === '') return DEFAULT_MAX_UPLOAD_BYTES;
  const mb = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(mb) || mb < 1 || mb > 1024 * 1024) throw new UsageError('BITACORA_MAX_UPLOAD_MB: a whole number of megabytes from 1 to 1048576');
  return mb * 1024 * 1024;
}

export function webRoot(): string {
  // dist/cli/serve.js → dist/web ; src/cli/serve.ts (tsx) → dist/web
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');
}

export async function serve(opts: { host: string; port: number; quiet?: boolean; backupDir?: string; backupEvery?: number; backupKeep?: number }): Promise<void> {
  const folder = dataFolderFromEnv();
  folder.ensure();
  // SQLite must never spill temporary data outside the data folder (and with temp_store=MEMORY it spills nothing).
  process.env['SQLITE_TMPDIR'] = folder.tmpPath;
  const backend = storeBackendFromEnv(folder);
  if (backend.kind === 'postgres' && opts.backupDir) throw new UsageError('--backup-dir backs up the embedded store; with DATABASE_URL use PostgreSQL\'s own tools (docs/server.md)');
  const log = makeLogger({ quiet: opts.quiet === true, format: logFormatFromEnv() });
  const vault = new Vault(folder, { backend, warmSearchIndex: (s) => log('search index ready', searchIndexFields(s)) });
  const app = await buildServer({ vault, webRoot: webRoot(), allowWebSetup: LOOPBACK.has(opts.host), version: VERSION, log, maxUploadBytes: maxUploadBytesFromEnv() });
  const passphrase = process.env['BITACORA_PASSPHRASE'];
  if (passphrase && vault.state() === 'sealed') {
    try {
      await vault.unseal({ passphrase });
      log('unsealed at start');
    } catch {
      log('BITACORA_PASSPHRASE did not unseal the workspace; staying sealed');
    }
  }
  // Encrypted backups: on request over the control socket, and on a schedule with --backup-dir (docs/backup.md).
  const backups = serverBackups(vault, folder, log);
  const control = await listenControlSocket(
    controlSocketFromEnv(folder),
    async () => {
      await vault.seal();
      log('sealed from the command line');
    },
    async (secret) => {
      try {
        await vault.unseal(secret);
        log('unsealed from the command line');
        return 'unsealed';
      } catch (e) {
        if ((e as { code?: string }).code === 'wrong_secret') return 'wrong secret';
        throw e;
      }
    },
    (file) => backups.onBackup(file),
    async () => {
      if (vault.state() !== 'unsealed') return 'sealed';
      return rotationLine(await rotateFieldKeys(vault.runtime().store, { now: () => new Date().toISOString(), userId: null }));
    },
  );
  // Alerts, check-ins, overdue steps, renewals (ADR 0018): BITACORA_SCHEDULER_MS sets the tick (tests use a short one).
  const tickMs = Number(process.env['BITACORA_SCHEDULER_MS'] ?? DEFAULT_TICK_MS);
  const scheduler = startScheduler(vault, { everyMs: Number.isInteger(tickMs) && tickMs >= 100 && tickMs <= 3_600_000 ? tickMs : DEFAULT_TICK_MS, log });
  if (opts.backupDir) backups.schedule({ dir: opts.backupDir, everyHours: opts.backupEvery ?? 24, ...(opts.backupKeep ? { keep: opts.backupKeep } : {}) });
  await app.listen({ host: opts.host, port: opts.port });
  const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${opts.port}`;
  process.stderr.write(`Bitácora ${VERSION} listening on ${url} — ${vault.state()} (${backend.kind === 'postgres' ? 'PostgreSQL' : 'embedded store'})\n`);
  const stop = async () => {
    await scheduler.stop();
    await backups.stop();
    // embedded: a seal; server mode: this process leaves, the others keep serving
    await vault.shutdown();
    control.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
