/**
 * A workspace for the load test on one backend, made with the real commands: `bitacora init`,
 * `bitacora demo` (so searches do real work), then `bitacora serve` and ten accounts of every role
 * created through the API, each changing its temporary password as its owner would.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { runCli, startServer, HttpSession, type ServerProcess } from '../../test/helpers/server-process.js';
import { backendEnv, dropBackend, schemaFor, TEST_DATABASE_URL, type TestBackend } from '../../test/helpers/backend.js';
import type { LoadAccount } from './client.js';
import type { Role } from './mix.js';

const PASSPHRASE = 'frase de paso de la prueba de carga';
const ADMIN: LoadAccount = { email: 'admin@example.org', password: 'contraseña-segura-1', role: 'admin' };
/** with the admin: ten accounts, weighted towards the people who document */
const ROLES: Role[] = ['coordinator', 'coordinator', 'documenter', 'documenter', 'documenter', 'analyst', 'analyst', 'viewer', 'viewer'];

export interface LoadWorkspace {
  server: ServerProcess;
  accounts: LoadAccount[];
  demoSeconds: number;
  /** PostgreSQL's version, or '' for the embedded store */
  postgresVersion: string;
  close(): Promise<void>;
}

async function ok(what: string, r: { code: number; stdout: string; stderr: string }): Promise<void> {
  if (r.code !== 0) throw new Error(`${what} failed (${r.code}): ${r.stderr}${r.stdout}`);
}

async function postgres<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The demo incidents must be where the backend says, or the figures would be the other backend's. */
async function assertBackend(backend: TestBackend, dataDir: string, incidents: number): Promise<string> {
  const embedded = existsSync(join(dataDir, 'bitacora.db'));
  if (backend === 'sqlite') {
    if (!embedded) throw new Error('no embedded database in the data folder');
    return '';
  }
  const schema = schemaFor(dataDir);
  return postgres(async (c) => {
    const n = await c.query(`SELECT count(*) AS n FROM ${schema}.incidents`).then((r) => Number(r.rows[0].n), () => 0);
    if (embedded || n < incidents) throw new Error(`the demo incidents are not in PostgreSQL schema ${schema} (found ${n}; embedded database present: ${embedded})`);
    return String((await c.query('SHOW server_version')).rows[0].server_version).split(' ')[0]!;
  });
}

export async function prepareLoadWorkspace(backend: TestBackend, incidents: number, log: (line: string) => void): Promise<LoadWorkspace> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bitacora-load-'));
  // chosen here, whatever the environment says: an empty DATABASE_URL pins the embedded store
  const where = backend === 'postgres' ? backendEnv(dataDir, 'postgres') : { DATABASE_URL: '' };
  const cliEnv = { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASSPHRASE, ...where };
  let server: ServerProcess | undefined;
  const close = async () => {
    if (server) await server.stop({ keepData: true });
    rmSync(dataDir, { recursive: true, force: true });
    await dropBackend(dataDir, backend);
  };
  try {
    await ok('init', await runCli(['init'], { ...cliEnv, BITACORA_ADMIN_EMAIL: ADMIN.email, BITACORA_ADMIN_PASSWORD: ADMIN.password }));
    log(`${backend}: generating ${incidents} demo incidents`);
    const t0 = performance.now();
    await ok('demo', await runCli(['demo', '--incidents', String(incidents), '--seed', '2026'], cliEnv));
    const demoSeconds = (performance.now() - t0) / 1000;
    const postgresVersion = await assertBackend(backend, dataDir, incidents);
    server = await startServer({ BITACORA_PASSPHRASE: PASSPHRASE, ...where }, dataDir);
    const admin = new HttpSession(server.url);
    if ((await admin.login(ADMIN.email, ADMIN.password)).status !== 200) throw new Error('the admin could not sign in');
    const accounts: LoadAccount[] = [ADMIN];
    for (const [i, role] of ROLES.entries()) {
      const email = `${role}${i}@example.org`;
      const created = await admin.req('POST', '/api/v1/users', { email, displayName: `${role} ${i}`, role, password: 'temporal-12345' });
      if (created.status !== 201) throw new Error(`could not create ${email}: ${JSON.stringify(created.body)}`);
      const s = new HttpSession(server.url);
      await s.login(email, 'temporal-12345');
      const changed = await s.req('POST', '/api/v1/me/password', { current: 'temporal-12345', password: 'definitiva-12345' });
      if (changed.status !== 204) throw new Error(`could not change the password of ${email}: ${JSON.stringify(changed.body)}`);
      accounts.push({ email, password: 'definitiva-12345', role });
    }
    return { server, accounts, demoSeconds, postgresVersion, close };
  } catch (e) {
    await close();
    throw e;
  }
}
