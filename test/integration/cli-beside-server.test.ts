/**
 * A command-line tool working on the data while the server serves it (`bitacora user add`,
 * `import`, `export` … with BITACORA_PASSPHRASE) neither ends the server's sessions when it opens
 * the data nor seals anything when it ends; a real seal still ends them. Both backends.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, Client, PASSPHRASE, type TestWorkspace } from '../helpers/api.js';
import { backendFor, TEST_BACKEND } from '../helpers/backend.js';
import { Vault } from '../../src/services/vault.js';
import { DataFolder } from '../../src/store/embedded/data-folder.js';

let ws: TestWorkspace;

beforeAll(async () => {
  ws = await newWorkspace();
});
afterAll(async () => {
  await ws?.close();
});

async function toolRun(commandLine: boolean): Promise<void> {
  const folder = new DataFolder(ws.dir);
  const tool = new Vault(folder, { backend: backendFor(folder), commandLine });
  await tool.unseal({ passphrase: PASSPHRASE });
  expect((await tool.runtime().store.users.list()).length).toBeGreaterThan(0);
  await tool.shutdown();
}

describe('a command-line tool beside the running server', () => {
  it('keeps the server unsealed and its sessions open', async () => {
    const c = new Client(ws.app);
    expect((await c.login()).statusCode).toBe(200);
    await toolRun(true);
    expect(ws.vault.state()).toBe('unsealed');
    expect((await c.req('GET', '/api/v1/session')).statusCode).toBe(200);
  });

  // PostgreSQL: a process joining others that serve keeps their sessions anyway (ADR 0012)
  it.runIf(TEST_BACKEND === 'sqlite')('(embedded, without the command-line mode, opening the data as a server ends the sessions: what the mode prevents)', async () => {
    const c = new Client(ws.app);
    expect((await c.login()).statusCode).toBe(200);
    await toolRun(false);
    expect((await c.req('GET', '/api/v1/session')).statusCode).toBe(401);
  });
});
