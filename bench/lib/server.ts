/** The real server (`node bin/bitacora.js serve`, built dist/) on a dataset, signed in as the bench admin. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';
import { BENCH_ADMIN } from './dataset.js';

export interface RunningServer { url: string; pid: number; child: ChildProcess; output: () => string; stop(): Promise<void> }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'bitacora.js'), 'serve', '--port', String(port)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (out += b));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    const poll = setInterval(() => {
      if (out.includes('listening on')) { clearTimeout(timer); clearInterval(poll); resolve(); }
    }, 100);
    child.once('exit', (code) => { clearTimeout(timer); clearInterval(poll); reject(new Error(`server exited with ${code}:\n${out}`)); });
  });
  return {
    url: `http://127.0.0.1:${port}`, pid: child.pid!, child, output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Resident memory of a process, from /proc: current (VmRSS) and peak (VmHWM), in MiB. */
export function residentMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Signs in as the bench admin; returns a function making API calls with the session. */
export async function signIn(url: string): Promise<(method: string, path: string, body?: unknown) => Promise<unknown>> {
  const r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }) });
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrf } = (await r.json()) as { csrf: string };
  return async (method, path, body) => {
    const res = await fetch(`${url}${path}`, { method, headers: { cookie, 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}
