/** The `bitacora` command against a real server process and real data folders (needs `npm run build`). */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startServer, type ServerProcess } from '../helpers/server-process.js';

const PASS = 'frase de paso del custodio 2026';
const base = { BITACORA_PASSPHRASE: PASS, BITACORA_ADMIN_EMAIL: 'admin@example.org', BITACORA_ADMIN_PASSWORD: 'contraseña-segura-1' };
const status = async (url: string) => ((await (await fetch(`${url}/api/v1/status`)).json()) as { state: string }).state;

let server: ServerProcess | undefined;
const dirs: string[] = [];
afterAll(async () => {
  await server?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('bitacora command', () => {
  it('init prints the recovery key once; serve waits sealed; unseal and seal work through the control socket', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bitacora-cli-'));
    dirs.push(dataDir);
    const env = { ...base, BITACORA_DATA_DIR: dataDir };
    const init = await runCli(['init'], env);
    expect(init.code, init.stderr).toBe(0);
    const recovery = /RECOVERY KEY[^\n]*\n\n\s+([0-9A-Z-]+)/.exec(init.stdout)?.[1];
    expect(recovery).toBeDefined();
    expect((await runCli(['init'], env)).stderr).toMatch(/already holds a workspace/);

    server = await startServer({}, dataDir);
    expect(await status(server.url)).toBe('sealed');
    const wrong = await runCli(['unseal'], { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: 'no es la frase correcta' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/does not open/);
    expect(await status(server.url)).toBe('sealed');
    expect((await runCli(['unseal'], { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASS })).code).toBe(0);
    expect(await status(server.url)).toBe('unsealed');
    expect((await runCli(['seal'], { BITACORA_DATA_DIR: dataDir })).stdout).toMatch(/sealed/);
    expect(await status(server.url)).toBe('sealed');
    expect((await runCli(['unseal', '--recovery-key'], { BITACORA_DATA_DIR: dataDir, BITACORA_RECOVERY_KEY: recovery!.toLowerCase() })).code).toBe(0);
    expect(await status(server.url)).toBe('unsealed');
    expect(statSync(join(dataDir, 'control.sock')).mode & 0o077).toBe(0);
    await server.stop({ keepData: true });
    server = undefined;
    // the recovery key, the passphrase and the admin password never reach the logs
    expect(init.stderr).not.toContain(PASS);
  });

  it('manages users, fills a demo workspace, and exports/imports it', async () => {
    const a = mkdtempSync(join(tmpdir(), 'bitacora-cli-a-'));
    const b = mkdtempSync(join(tmpdir(), 'bitacora-cli-b-'));
    dirs.push(a, b);
    expect((await runCli(['init'], { ...base, BITACORA_DATA_DIR: a })).code).toBe(0);
    expect((await runCli(['init'], { ...base, BITACORA_DATA_DIR: b })).code).toBe(0);
    const add = await runCli(['user', 'add', '--email', 'doc@example.org', '--role', 'documenter'], { ...base, BITACORA_DATA_DIR: a });
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/temporary password: \S{12,}/);
    expect((await runCli(['user', 'add', '--email', 'x@example.org', '--role', 'astronaut'], { ...base, BITACORA_DATA_DIR: a })).stderr).toMatch(/role/);
    const list = await runCli(['user', 'list'], { ...base, BITACORA_DATA_DIR: a });
    expect(list.stdout).toMatch(/doc@example.org\tdocumenter\tactive/);

    const demo = await runCli(['demo', '--incidents', '40', '--seed', '3'], { ...base, BITACORA_DATA_DIR: a });
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/added 40 incidents/);

    const file = join(a, '..', `${a.split('/').pop()}-export.json`);
    dirs.push(file);
    expect((await runCli(['export', '--out', file], { ...base, BITACORA_DATA_DIR: a })).code).toBe(0);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect((await runCli(['export', '--out', file], { ...base, BITACORA_DATA_DIR: a })).code).toBe(1); // never overwrites
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { incidents: unknown[] };
    expect(doc.incidents).toHaveLength(40);
    const imp = await runCli(['import', file], { ...base, BITACORA_DATA_DIR: b });
    expect(imp.code, imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout).incidents).toBe(40);
    const again = await runCli(['import', file], { ...base, BITACORA_DATA_DIR: b });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already/);
  });

  it('demo at scale goes through the bulk generator (batches, flat memory) and records every incident', async () => {
    const a = mkdtempSync(join(tmpdir(), 'bitacora-cli-bulk-'));
    dirs.push(a);
    expect((await runCli(['init'], { ...base, BITACORA_DATA_DIR: a })).code).toBe(0);
    const demo = await runCli(['demo', '--incidents', '5100', '--seed', '4'], { ...base, BITACORA_DATA_DIR: a });
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/added 5100 incidents/);
    // progress after every batch (the bulk generator's batches end where a person met in the batch comes back)
    expect(demo.stderr).toMatch(/\r5100\/5100 incidents/);
    expect(demo.stderr.split('\r').length).toBeGreaterThan(5);
    const file = join(a, '..', `${a.split('/').pop()}-export.json`);
    dirs.push(file);
    expect((await runCli(['export', '--out', file], { ...base, BITACORA_DATA_DIR: a })).code).toBe(0);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { incidents: unknown[] }).incidents).toHaveLength(5100);
  }, 180_000);
});
