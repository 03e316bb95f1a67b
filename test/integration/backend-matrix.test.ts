/**
 * The matrix is real: in the PostgreSQL half every test workspace, CLI run and server is on
 * PostgreSQL (and in the embedded half on the encrypted file) — never silently the other one.
 */
import { describe, it, expect } from 'vitest';
import { newWorkspace } from '../helpers/api.js';
import { TEST_BACKEND } from '../helpers/backend.js';
import { startServer } from '../helpers/server-process.js';

describe(`the test matrix (${TEST_BACKEND} half)`, () => {
  it('puts API workspaces on the backend the half names', async () => {
    expect(TEST_BACKEND).toBe(process.env['BITACORA_TEST_BACKEND'] === 'postgres' ? 'postgres' : 'sqlite');
    const ws = await newWorkspace();
    try {
      expect(ws.vault.backend.kind).toBe(TEST_BACKEND);
      expect((await ws.app.inject({ method: 'GET', url: '/api/v1/health/ready' })).json()).toMatchObject({ status: 'ready', backend: TEST_BACKEND });
    } finally {
      await ws.close();
    }
  });

  it('starts servers on it too', async () => {
    const server = await startServer();
    try {
      expect(server.output()).toContain(TEST_BACKEND === 'postgres' ? '(PostgreSQL)' : '(embedded store)');
    } finally {
      await server.stop();
    }
  });
});
