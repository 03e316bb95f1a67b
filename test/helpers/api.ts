/** Shared test helpers: a real encrypted workspace in a temp folder, and a signed-in API client over fastify.inject. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DataFolder } from '../../src/store/embedded/data-folder.js';
import { Vault } from '../../src/services/vault.js';
import { buildServer } from '../../src/http/server.js';
import { backendFor, dropBackend } from './backend.js';
import type { ServiceContext } from '../../src/services/context.js';
import { isRole } from '../../src/domain/user/roles.js';

export const PASSPHRASE = 'frase de paso de prueba 2026';
export const ADMIN = { email: 'admin@example.org', displayName: 'Rosa (admin)', password: 'contraseña-segura-1' };

export interface TestWorkspace {
  dir: string;
  vault: Vault;
  app: FastifyInstance;
  logs: string[];
  close(): Promise<void>;
}

export async function newWorkspace(opts: { setup?: boolean } = {}): Promise<TestWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'bitacora-test-'));
  const folder = new DataFolder(dir);
  const vault = new Vault(folder, { backend: backendFor(folder) });
  const logs: string[] = [];
  const app = await buildServer({ vault, allowWebSetup: true, version: 'test', log: (msg, fields) => logs.push(fields ? `${msg} ${JSON.stringify(fields)}` : msg) });
  if (opts.setup !== false) {
    await vault.setup({ workspaceName: 'Red de prueba', organisationName: 'Casa de prueba', language: 'es', passphrase: PASSPHRASE, admin: ADMIN });
  }
  return {
    dir, vault, app, logs,
    async close() {
      await app.close();
      await vault.seal();
      await vault.backend.shutdown();
      await dropBackend(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let clients = 0;

/** A signed-in browser, each from its own loopback address (sign-in limits count per address and account). */
export class Client {
  cookie = '';
  csrf = '';
  readonly remoteAddress: string;
  constructor(private readonly app: FastifyInstance) {
    clients++;
    this.remoteAddress = `127.0.${(clients >> 8) & 255}.${clients & 255}`;
  }

  async login(email = ADMIN.email, password = ADMIN.password): Promise<LightMyRequestResponse> {
    const r = await this.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: this.remoteAddress, payload: { email, password } });
    if (r.statusCode === 200) {
      const set = r.headers['set-cookie'];
      const raw = Array.isArray(set) ? set[0]! : String(set);
      this.cookie = raw.split(';')[0]!;
      this.csrf = (r.json() as { csrf: string }).csrf;
    }
    return r;
  }

  req(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method, url, remoteAddress: this.remoteAddress,
      headers: { cookie: this.cookie, ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  }
}

/** Creates a user through the API as admin, and signs them in (changing the temporary password). */
export async function userWithRole(ws: TestWorkspace, admin: Client, role: string, email = `${role}@example.org`): Promise<Client> {
  const r = await admin.req('POST', '/api/v1/users', { email, displayName: role, role, password: 'temporal-12345' });
  if (r.statusCode !== 201) throw new Error(`could not create user: ${r.body}`);
  const c = new Client(ws.app);
  await c.login(email, 'temporal-12345');
  const ch = await c.req('POST', '/api/v1/me/password', { current: 'temporal-12345', password: 'definitiva-12345' });
  if (ch.statusCode !== 204) throw new Error(`could not change password: ${ch.body}`);
  return c;
}

/** A use-case context acting as the workspace's first admin (services called directly, no HTTP); `now` fixes the clock. */
export async function adminContext(ws: TestWorkspace, now?: string): Promise<ServiceContext> {
  const rt = ws.vault.runtime();
  const admin = (await rt.store.users.list()).find((u) => u.role === 'admin');
  if (!admin || !isRole(admin.role)) throw new Error('no admin in the test workspace');
  return { store: rt.store, vocab: rt.vocab, user: { id: admin.id, role: admin.role, orgId: admin.org_id, displayName: admin.display_name }, now: now ? () => now : () => new Date().toISOString() };
}
