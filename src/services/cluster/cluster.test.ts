/**
 * Several app processes on one PostgreSQL database (ADR 0012), here as two vaults and two HTTP
 * servers in one process, each with its own data folder holding a copy of the keyring (what a
 * second server gets). Always on PostgreSQL; test/integration/two-processes.test.ts does the same
 * with two real `bitacora serve` processes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DataFolder } from '../../store/embedded/data-folder.js';
import { Vault } from '../vault.js';
import { buildServer } from '../../http/server.js';
import { backendFor, dropBackend } from '../../../test/helpers/backend.js';
import { createKeyring } from '../../crypto/keyring.js';

const PASSPHRASE = 'frase de paso del clúster 2026';
const ADMIN = { email: 'admin@example.org', displayName: 'Admin', password: 'contraseña-segura-1' };

const dirA = mkdtempSync(join(tmpdir(), 'bitacora-cluster-a-'));
const dirB = mkdtempSync(join(tmpdir(), 'bitacora-cluster-b-'));
const folderA = new DataFolder(dirA);
const folderB = new DataFolder(dirB);
// both folders point at the first folder's schema: one database, two servers
const vaultA = new Vault(folderA, { backend: backendFor(folderA, 'postgres') });
const vaultB = new Vault(folderB, { backend: backendFor(folderA, 'postgres') });
let appA: FastifyInstance;
let appB: FastifyInstance;

async function until(cond: () => boolean, withinMs: number): Promise<boolean> {
  const end = Date.now() + withinMs;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return cond();
}

async function login(app: FastifyInstance, remoteAddress = '127.0.0.9', password = ADMIN.password) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email: ADMIN.email, password } });
}
const cookieOf = (r: { headers: Record<string, unknown> }) => String([r.headers['set-cookie']].flat()[0]).split(';')[0]!;

beforeAll(async () => {
  appA = await buildServer({ vault: vaultA, allowWebSetup: true, version: 'test' });
  appB = await buildServer({ vault: vaultB, allowWebSetup: true, version: 'test' });
  await vaultA.setup({ workspaceName: 'Red', organisationName: 'Casa', language: 'es', passphrase: PASSPHRASE, admin: ADMIN });
  folderB.ensure();
  copyFileSync(folderA.keyringPath, folderB.keyringPath);
});

afterAll(async () => {
  await appA.close();
  await appB.close();
  await vaultA.shutdown();
  await vaultB.shutdown();
  await dropBackend(dirA, 'postgres');
  rmSync(dirA, { recursive: true, force: true });
  rmSync(dirB, { recursive: true, force: true });
});

describe('two servers on one PostgreSQL database', () => {
  it('a server joining keeps the sessions of one already serving, and both accept them', async () => {
    const r = await login(appA);
    expect(r.statusCode).toBe(200);
    const cookie = cookieOf(r);
    await vaultB.unseal({ passphrase: PASSPHRASE });
    for (const app of [appA, appB]) {
      const s = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
      expect(s.statusCode).toBe(200);
    }
  });

  it('share one sign-in limit: ten attempts a minute across both, not ten each', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(i % 2 ? appB : appA, '127.0.0.77', 'not the password')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('sealing one seals the other within a second, and ends every session', async () => {
    const cookie = cookieOf(await login(appB, '127.0.0.10'));
    expect(vaultB.state()).toBe('unsealed');
    await vaultA.seal();
    expect(await until(() => vaultB.state() === 'sealed', 1_000)).toBe(true);
    await vaultA.unseal({ passphrase: PASSPHRASE });
    // the first to unseal after a seal starts with no sessions
    expect((await appA.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
    await vaultB.unseal({ passphrase: PASSPHRASE });
    expect((await appB.inject({ method: 'GET', url: '/api/v1/health/ready' })).json()).toMatchObject({ status: 'ready', state: 'unsealed', database: 'ok', backend: 'postgres' });
  });

  it('a process ending (SIGTERM) leaves without sealing the others', async () => {
    const dirC = mkdtempSync(join(tmpdir(), 'bitacora-cluster-c-'));
    try {
      const folderC = new DataFolder(dirC);
      folderC.ensure();
      copyFileSync(folderA.keyringPath, folderC.keyringPath);
      const vaultC = new Vault(folderC, { backend: backendFor(folderA, 'postgres') });
      await vaultC.unseal({ passphrase: PASSPHRASE });
      await vaultC.shutdown();
      await new Promise((r) => setTimeout(r, 600));
      expect([vaultA.state(), vaultB.state()]).toEqual(['unsealed', 'unsealed']);
    } finally {
      rmSync(dirC, { recursive: true, force: true });
    }
  });

  it('refuses a keyring from another workspace, and a second setup on a database that holds one', async () => {
    const dirD = mkdtempSync(join(tmpdir(), 'bitacora-cluster-d-'));
    try {
      const folderD = new DataFolder(dirD);
      folderD.ensure();
      const { file, masterKey } = await createKeyring('otra frase de paso 2026');
      masterKey.fill(0);
      folderD.writeKeyring(file);
      const vaultD = new Vault(folderD, { backend: backendFor(folderA, 'postgres') });
      await expect(vaultD.unseal({ passphrase: 'otra frase de paso 2026' })).rejects.toMatchObject({ status: 409, code: 'wrong_keyring' });
      expect(vaultD.state()).toBe('sealed');
      await vaultD.backend.shutdown();

      const dirE = mkdtempSync(join(tmpdir(), 'bitacora-cluster-e-'));
      const folderE = new DataFolder(dirE);
      const vaultE = new Vault(folderE, { backend: backendFor(folderA, 'postgres') });
      await expect(vaultE.setup({ workspaceName: 'Otra', organisationName: 'Otra', language: 'es', passphrase: 'otra frase de paso 2026', admin: ADMIN })).rejects.toMatchObject({ status: 409, code: 'database_not_empty' });
      expect(vaultE.state()).toBe('uninitialised');
      await vaultE.backend.shutdown();
      rmSync(dirE, { recursive: true, force: true });
      // and the workspace is untouched
      expect((await vaultA.runtime().store.users.list()).map((u) => u.email)).toEqual([ADMIN.email]);
    } finally {
      rmSync(dirD, { recursive: true, force: true });
    }
  });
});
