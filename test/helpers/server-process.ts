/**
 * Starts the real `bitacora serve` as a child process on a free port with its own temp data
 * folder, for end-to-end tests. Collects its stdout/stderr so tests can check the logs too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  dataDir: string;
  tmpDir: string;
  output: () => string;
  child: ChildProcess;
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/** Runs a CLI command to completion (e.g. init), returning its output. */
export async function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'bitacora.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export async function startServer(env: Record<string, string> = {}, existingDataDir?: string, args: string[] = []): Promise<ServerProcess> {
  const dataDir = existingDataDir ?? mkdtempSync(join(tmpdir(), 'bitacora-e2e-data-'));
  const tmpDir = mkdtempSync(join(tmpdir(), 'bitacora-e2e-tmp-'));
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'bitacora.js'), 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, BITACORA_DATA_DIR: dataDir, PORT: String(port), TMPDIR: tmpDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = () => {
      if (out.includes('listening on')) { clearTimeout(timer); resolve(); }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${out}`)); });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    tmpDir,
    output: () => out,
    child,
    async stop(opts = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
      rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}
