/**
 * The workspace the crash test kills servers on, made the way an organisation would: `bitacora
 * init`, accounts created through the API (each changing its temporary password), one full incident
 * exported with `bitacora export` as the template for import batches.
 *
 * Sign-in is limited to 10 a minute per account and address, and in server mode the limit is kept
 * in PostgreSQL, so it outlives restarts: rounds take turns between sets of accounts instead of
 * signing the same people in every few seconds.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCli, startServer, HttpSession, type HttpAnswer } from '../helpers/server-process.js';
import { backendEnv, dropBackend, schemaFor, type TestBackend } from '../helpers/backend.js';
import { fullIncident } from '../helpers/fixtures.js';
import { workspaceKeys, withPgSchema, type WorkspaceKeys } from './store-probe.js';
import type { Writer } from './writers.js';
import type { InterchangeDocument } from '../../src/services/interchange/interchange-format.js';

export const PASSPHRASE = 'frase de paso de prueba 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
const WRITER_ROLES = ['admin', 'coordinator', 'documenter', 'documenter'] as const;

export interface Account {
  email: string;
  password: string;
}

export interface AccountSet {
  /** an admin who checks the restarted server (reads acknowledged incidents back) */
  checker: Account;
  /** the people writing while the kill comes, one of each role that may record incidents */
  writers: Writer[];
}

export interface CrashWorkspace {
  backend: TestBackend;
  dataDir: string;
  schema: string;
  /** for `bitacora` commands on this workspace (import, export, audit verify) */
  cliEnv: Record<string, string>;
  /** for `bitacora serve` (the data folder is passed apart) */
  serverEnv: Record<string, string>;
  /** round r uses set r % sets.length */
  sets: AccountSet[];
  template: InterchangeDocument;
  keys: WorkspaceKeys;
  close(): Promise<void>;
}

async function ok(what: string, r: { code: number; stdout: string; stderr: string }): Promise<string> {
  if (r.code !== 0) throw new Error(`${what} failed (${r.code}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** Fails loudly when the commands did not use the backend asked for (e.g. DATABASE_URL ignored). */
async function assertBackend(backend: TestBackend, dataDir: string, schema: string): Promise<void> {
  const sqliteFile = existsSync(join(dataDir, 'bitacora.db'));
  if (backend === 'sqlite') {
    if (!sqliteFile) throw new Error('no embedded database in the data folder');
    return;
  }
  const tables = await withPgSchema('public', (c) => c.query(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'incidents'`, [schema]));
  if (sqliteFile || Number(tables.rows[0].n) !== 1) {
    throw new Error(`the workspace is not in PostgreSQL schema ${schema} (embedded database present: ${sqliteFile}): do init and serve honour DATABASE_URL and BITACORA_PG_SCHEMA?`);
  }
}

/** Sends again after the wait a 429 asks for ("try again in N s"), as a person would. */
async function patiently(send: () => Promise<HttpAnswer>): Promise<HttpAnswer> {
  for (;;) {
    const r = await send();
    const wait = r.status === 429 ? /try again in (\d+) s/.exec(JSON.stringify(r.body))?.[1] : undefined;
    if (wait === undefined) return r;
    await sleep((Number(wait) + 1) * 1000);
  }
}

/** Creates an account through the API and changes its temporary password, as its owner would. */
async function newAccount(url: string, admin: HttpSession, email: string, role: string): Promise<Account> {
  const created = await admin.req('POST', '/api/v1/users', { email, displayName: email.split('@')[0], role, password: 'temporal-12345' });
  if (created.status !== 201) throw new Error(`could not create ${email}: ${JSON.stringify(created.body)}`);
  const s = new HttpSession(url);
  await patiently(() => s.login(email, 'temporal-12345'));
  // at most 10 password changes a minute from one address: setting up many accounts waits here
  const changed = await patiently(() => s.req('POST', '/api/v1/me/password', { current: 'temporal-12345', password: 'definitiva-12345' }));
  if (changed.status !== 204) throw new Error(`could not change the password of ${email}: ${JSON.stringify(changed.body)}`);
  return { email, password: 'definitiva-12345' };
}

export async function prepareWorkspace(backend: TestBackend, setCount = 2): Promise<CrashWorkspace> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bitacora-crash-data-'));
  const scratch = mkdtempSync(join(tmpdir(), 'bitacora-crash-files-'));
  const schema = schemaFor(dataDir);
  // chosen here, whatever the test matrix says: an empty DATABASE_URL pins the embedded store
  const where = backend === 'postgres' ? backendEnv(dataDir, 'postgres') : { DATABASE_URL: '' };
  const cliEnv = { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASSPHRASE, ...where };
  const serverEnv = { BITACORA_PASSPHRASE: PASSPHRASE, ...where };
  const close = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
    await dropBackend(dataDir, backend);
  };
  try {
    await ok('init', await runCli(['init'], { ...cliEnv, BITACORA_ADMIN_EMAIL: ADMIN.email, BITACORA_ADMIN_PASSWORD: ADMIN.password }));
    const server = await startServer(serverEnv, dataDir, ['--quiet']);
    const sets: AccountSet[] = [];
    try {
      const admin = new HttpSession(server.url);
      if ((await admin.login(ADMIN.email, ADMIN.password)).status !== 200) throw new Error('the admin could not sign in');
      for (let k = 0; k < setCount; k++) {
        const checker = await newAccount(server.url, admin, `revision${k}@example.org`, 'admin');
        const writers: Writer[] = [];
        for (const [n, role] of WRITER_ROLES.entries()) writers.push({ ...(await newAccount(server.url, admin, `${role}${k}-${n}@example.org`, role)), own: [] });
        sets.push({ checker, writers });
      }
      const t = await admin.req('POST', '/api/v1/incidents', fullIncident('PLANTILLA'));
      if (t.status !== 201) throw new Error(`could not record the template incident: ${JSON.stringify(t.body)}`);
    } finally {
      await server.stop({ keepData: true });
    }
    await assertBackend(backend, dataDir, schema);
    const file = join(scratch, 'plantilla.json');
    await ok('export', await runCli(['export', '--out', file], cliEnv));
    const template = JSON.parse(readFileSync(file, 'utf8')) as InterchangeDocument;
    // plaintext with identifying values (synthetic here): kept no longer than needed, as docs/interchange.md asks
    rmSync(file);
    const keys = await workspaceKeys(dataDir, PASSPHRASE);
    return { backend, dataDir, schema, cliEnv, serverEnv, sets, template, keys, close };
  } catch (e) {
    await close();
    throw e;
  }
}
