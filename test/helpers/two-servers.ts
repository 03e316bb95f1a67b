/**
 * Two real `bitacora serve` processes on one PostgreSQL schema (server mode, ADR 0012): a workspace
 * made with `bitacora init` in the first data folder, its keyring copied to the second, both
 * processes unsealed with the passphrase. `close` stops both and removes the schema and folders.
 */
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli, startServer, type ServerProcess } from './server-process.js';
import { backendEnv, dropBackend } from './backend.js';

export interface TwoServers {
  a: ServerProcess;
  b: ServerProcess;
  /** DATABASE_URL and schema of the two (for other commands on the same database) */
  pgEnv: Record<string, string>;
  close(): Promise<void>;
}

export async function twoServersOnPostgres(opts: { name: string; passphrase: string; admin: { email: string; password: string }; env?: Record<string, string> }): Promise<TwoServers> {
  const dirA = mkdtempSync(join(tmpdir(), `bitacora-${opts.name}-a-`));
  const dirB = mkdtempSync(join(tmpdir(), `bitacora-${opts.name}-b-`));
  const pgEnv = backendEnv(dirA, 'postgres');
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  const close = async () => {
    await a?.stop({ keepData: true });
    await b?.stop({ keepData: true });
    await dropBackend(dirA, 'postgres');
    rmSync(dirA, { recursive: true, force: true });
    rmSync(dirB, { recursive: true, force: true });
  };
  const init = await runCli(['init'], { BITACORA_DATA_DIR: dirA, BITACORA_PASSPHRASE: opts.passphrase, BITACORA_ADMIN_EMAIL: opts.admin.email, BITACORA_ADMIN_PASSWORD: opts.admin.password, ...pgEnv });
  expect(init.code, init.stderr).toBe(0);
  copyFileSync(join(dirA, 'keyring.json'), join(dirB, 'keyring.json'));
  const env = { BITACORA_PASSPHRASE: opts.passphrase, ...opts.env, ...pgEnv };
  a = await startServer(env, dirA);
  b = await startServer(env, dirB);
  return { a, b, pgEnv, close };
}
