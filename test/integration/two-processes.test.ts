/**
 * Issue 4, "several processes, one database": two real `bitacora serve` processes, each with its own
 * data folder holding the same keyring, on one PostgreSQL schema. A session made on one works on
 * the other, writes on one read back on the other, the sign-in limit counts across both, and
 * sealing one seals the other within a second. Always on PostgreSQL (it is what this is about).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type ServerProcess } from '../helpers/server-process.js';
import { twoServersOnPostgres, type TwoServers } from '../helpers/two-servers.js';
import { fullIncident } from '../helpers/fixtures.js';

const PASS = 'frase de paso de dos procesos';
const EMAIL = 'admin@example.org';
const PASSWORD = 'contraseña-segura-1';

let two: TwoServers;
let a: ServerProcess;
let b: ServerProcess;
let pgEnv: Record<string, string>;

interface Answer { status: number; body: any; cookie?: string }
async function call(base: string, method: string, path: string, opts: { body?: unknown; cookie?: string; csrf?: string; ip?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers['cookie'] = opts.cookie;
  if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(base + path, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  const text = await r.text();
  const set = r.headers.getSetCookie()[0];
  return { status: r.status, body: text ? JSON.parse(text) : undefined, ...(set ? { cookie: set.split(';')[0]! } : {}) };
}

beforeAll(async () => {
  two = await twoServersOnPostgres({ name: 'two', passphrase: PASS, admin: { email: EMAIL, password: PASSWORD } });
  ({ a, b, pgEnv } = two);
}, 120_000);

afterAll(async () => {
  await two?.close();
});

describe('two app processes on one PostgreSQL database', () => {
  it('are both ready, and say so on the health endpoints', async () => {
    for (const s of [a, b]) {
      expect((await call(s.url, 'GET', '/api/v1/health/live')).body).toEqual({ status: 'live' });
      expect(await call(s.url, 'GET', '/api/v1/health/ready')).toMatchObject({ status: 200, body: { status: 'ready', backend: 'postgres' } });
    }
  });

  it('share sessions and data: signed in on one, writing there and reading on the other', async () => {
    const login = await call(a.url, 'POST', '/api/v1/auth/login', { body: { email: EMAIL, password: PASSWORD } });
    expect(login.status).toBe(200);
    const auth = { cookie: login.cookie!, csrf: login.body.csrf as string };
    const created = await call(a.url, 'POST', '/api/v1/incidents', { ...auth, body: fullIncident('DOSPROC') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const read = await call(b.url, 'GET', `/api/v1/incidents/${created.body.id}`, auth);
    expect(read.status).toBe(200);
    expect(read.body.title).toContain('DOSPROC');
    const found = await call(b.url, 'POST', '/api/v1/incidents/search', { ...auth, body: { q: 'dosproc' } });
    expect(found.body.total).toBe(1);
  });

  it('count the sign-in limit across both processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await call(i % 2 ? b.url : a.url, 'POST', '/api/v1/auth/login', { body: { email: 'nadie@example.org', password: 'no es la contraseña' } })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('sealing one seals the other within a second; each then waits for its own unseal', async () => {
    const login = await call(b.url, 'POST', '/api/v1/auth/login', { body: { email: EMAIL, password: PASSWORD } });
    const t0 = Date.now();
    // the session was made on b; a knows it (and its CSRF token) from the database
    expect((await call(a.url, 'POST', '/api/v1/seal', { cookie: login.cookie!, csrf: login.body.csrf })).status).toBe(200);
    let state = '';
    while (Date.now() - t0 < 1_000 && state !== 'sealed') state = (await call(b.url, 'GET', '/api/v1/status')).body.state;
    expect(state).toBe('sealed');
    expect((await call(b.url, 'GET', '/api/v1/health/ready')).status).toBe(503);
    expect((await call(b.url, 'GET', `/api/v1/session`, { cookie: login.cookie! })).status).toBe(503);
    // unsealing b brings b back; a stays sealed until someone unseals it too
    expect((await call(b.url, 'POST', '/api/v1/unseal', { body: { passphrase: PASS } })).status).toBe(200);
    expect((await call(b.url, 'GET', '/api/v1/status')).body.state).toBe('unsealed');
    expect((await call(a.url, 'GET', '/api/v1/status')).body.state).toBe('sealed');
    // and the sessions from before the seal are gone everywhere
    expect((await call(b.url, 'GET', '/api/v1/session', { cookie: login.cookie! })).status).toBe(401);
  });

  it('`bitacora seal` on any machine that reaches the database seals them all', async () => {
    expect((await call(a.url, 'POST', '/api/v1/unseal', { body: { passphrase: PASS } })).status).toBe(200);
    const elsewhere = mkdtempSync(join(tmpdir(), 'bitacora-two-cli-'));
    try {
      const r = await runCli(['seal'], { BITACORA_DATA_DIR: elsewhere, ...pgEnv });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('sealed every server');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
    const t0 = Date.now();
    let states: string[] = [];
    while (Date.now() - t0 < 1_000) {
      states = [(await call(a.url, 'GET', '/api/v1/status')).body.state, (await call(b.url, 'GET', '/api/v1/status')).body.state];
      if (states.every((x) => x === 'sealed')) break;
    }
    expect(states).toEqual(['sealed', 'sealed']);
  });

  it('log JSON lines without values', () => {
    const lines = a.output().split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(3);
    const events = lines.map((l) => JSON.parse(l) as { msg: string; route?: string });
    expect(events.some((e) => e.msg === 'request' && e.route === '/api/v1/incidents')).toBe(true);
    expect(a.output()).not.toContain('DOSPROC');
    expect(a.output()).not.toContain(EMAIL);
  });
});
