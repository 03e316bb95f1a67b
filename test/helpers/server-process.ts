/**
 * Starts the real `bitacora serve` as a child process on a free port with its own temp data
 * folder, for end-to-end tests. Collects its stdout/stderr so tests can check the logs too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { backendEnv as matrixEnv, dropBackend } from './backend.js';

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
    // the test matrix: on the PostgreSQL half, the data folder's own schema (unless the caller chose)
    const matrix = env['BITACORA_DATA_DIR'] && !('DATABASE_URL' in env) ? matrixEnv(env['BITACORA_DATA_DIR']) : {};
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'bitacora.js'), ...args], { cwd: ROOT, env: { ...process.env, ...matrix, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
  // the test matrix: on the PostgreSQL half, the data folder's own schema (unless the caller chose)
  const matrix = 'DATABASE_URL' in env ? {} : matrixEnv(dataDir);
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'bitacora.js'), 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, BITACORA_DATA_DIR: dataDir, PORT: String(port), TMPDIR: tmpDir, ...matrix, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onExit = (code: number | null) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${out}`)); };
    const check = () => {
      if (!out.includes('listening on')) return;
      clearTimeout(timer);
      // detached once started: scanning the growing log on every chunk would cost a load test O(n²)
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
      child.off('exit', onExit);
      resolve();
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.on('exit', onExit);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    tmpDir,
    output: () => out,
    child,
    async stop(opts = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!opts.keepData) {
        if (Object.keys(matrix).length) await dropBackend(dataDir);
        rmSync(dataDir, { recursive: true, force: true });
      }
      rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}

/** Ends the server as a power cut or the OOM killer would: SIGKILL, no shutdown handler runs. */
export async function killServer(server: ServerProcess): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/** Resident memory of a process (VmRSS and its peak VmHWM), in MiB; Linux only. */
export function processMemory(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  /** from sending the request to having read the whole answer */
  ms: number;
}

/**
 * A browser signed in over real HTTP (session cookie + CSRF token), for tests and benchmarks against
 * `bitacora serve`. Each instance is its own session; a network error is thrown, never turned into a status.
 */
export class HttpSession {
  private cookie = '';
  private csrf = '';
  constructor(readonly baseUrl: string) {}

  async login(email: string, password: string): Promise<HttpAnswer> {
    const r = await this.req('POST', '/api/v1/auth/login', { email, password });
    if (r.status === 200) this.csrf = (r.body as { csrf: string }).csrf;
    return r;
  }

  async req(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<HttpAnswer> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers['cookie'] = this.cookie;
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const t0 = performance.now();
    const res = await fetch(this.baseUrl + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    const ms = performance.now() - t0;
    // the cookie is Secure (__Host-): a browser would not send it over plain HTTP, so it is carried by hand
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0]!;
      if (pair.startsWith('__Host-bitacora=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const json = text && (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as unknown) : text;
    return { status: res.status, body: json, ms };
  }
}
