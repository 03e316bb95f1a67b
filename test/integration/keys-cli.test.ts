/**
 * `bitacora keys rotate` through the real command (needs `npm run build`): with a server running it
 * asks the server over the control socket, which rotates while it keeps answering (no restart, no
 * sign-out); with no server it unseals the folder itself. Identifying values stay readable throughout.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startServer, type ServerProcess } from '../helpers/server-process.js';
import { fullIncident } from '../helpers/fixtures.js';

const PASS = 'frase de paso del custodio 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };

let server: ServerProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'bitacora-keys-'));
afterAll(async () => {
  await server?.stop({ keepData: true });
  rmSync(dataDir, { recursive: true, force: true });
});

async function session(url: string) {
  const r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(r.status).toBe(200);
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  const { csrf } = (await r.json()) as { csrf: string };
  return (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, { method, headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
}

describe('bitacora keys rotate', () => {
  it('rotates inside a running server without downtime, and directly when none runs', async () => {
    expect((await runCli(['init'], { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASS, BITACORA_ADMIN_EMAIL: ADMIN.email, BITACORA_ADMIN_PASSWORD: ADMIN.password })).code).toBe(0);
    server = await startServer({ BITACORA_PASSPHRASE: PASS }, dataDir);
    const call = await session(server.url);
    const created = await call('POST', '/api/v1/incidents', fullIncident('ROTAR'));
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;

    const live = await runCli(['keys', 'rotate'], { BITACORA_DATA_DIR: dataDir });
    expect(live.code, live.stderr).toBe(0);
    expect(live.stdout).toMatch(/^rotated \d+ record keys to field key [A-Za-z0-9_-]+; retired [A-Za-z0-9_-]+/);
    // same session, no restart: still signed in, identities still open
    const after = (await (await call('GET', `/api/v1/incidents/${id}?for=edit`)).json()) as { victims: { actor: { realName?: string } }[] };
    expect(after.victims[0]!.actor.realName).toBe('Nombre Real ROTAR');

    await server.stop({ keepData: true });
    server = undefined;
    const offline = await runCli(['keys', 'rotate'], { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASS });
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stdout).toMatch(/^rotated \d+ record keys/);
    const noSecret = await runCli(['keys', 'rotate'], { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: '' });
    expect(noSecret.code).not.toBe(0);

    server = await startServer({ BITACORA_PASSPHRASE: PASS }, dataDir);
    const again = await session(server.url);
    const read = (await (await again('GET', `/api/v1/incidents/${id}?for=edit`)).json()) as { victims: { actor: { realName?: string } }[] };
    expect(read.victims[0]!.actor.realName).toBe('Nombre Real ROTAR');
    const audit = await runCli(['audit', 'verify'], { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASS });
    expect(audit.code, audit.stderr + audit.stdout).toBe(0);
  });
});
