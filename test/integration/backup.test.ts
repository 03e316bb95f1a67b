/**
 * Encrypted backups through the real `bitacora` command (needs `npm run build`): a workspace with
 * demo data and an incident carrying a marker in its identifying fields is backed up by the running
 * server (on request and on a short schedule), restored into empty folders with the passphrase and
 * with the recovery key, and each restore gives the same full export as before; the restored folder
 * runs under `bitacora serve`. A wrong passphrase or a tampered file restores nothing; no backup file
 * and no log line holds the marker, the SQLite plaintext header or a backup path.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, statSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startServer, type ServerProcess } from '../helpers/server-process.js';
import { fullIncident } from '../helpers/fixtures.js';

const MARKER = 'ZQXRESPALDO8832';
const PASS = 'frase de paso del custodio 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
const base = { BITACORA_PASSPHRASE: PASS, BITACORA_ADMIN_EMAIL: ADMIN.email, BITACORA_ADMIN_PASSWORD: ADMIN.password };
const SCHEDULED = /^bitacora-\d{8}T\d{9}Z\.backup$/;
/** a scheduled backup still being written (the schedule runs about every second here) */
const PARTIAL = /^\.bitacora-\d{8}T\d{9}Z\.backup\.[A-Za-z0-9]+\.partial$/;

let server: ServerProcess | undefined;
const dirs: string[] = [];
afterAll(async () => {
  await server?.stop({ keepData: true });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `bitacora-backup-${name}-`));
  dirs.push(d);
  return d;
};

function encodings(s: string): Buffer[] {
  const le = Buffer.from(s, 'utf16le');
  return [Buffer.from(s, 'utf8'), le, Buffer.from(le).swap16(), Buffer.from(s.toLowerCase(), 'utf8'), Buffer.from(s.toLowerCase(), 'utf16le')];
}
const holdsMarker = (b: Buffer) => encodings(MARKER).some((m) => b.includes(m));
const holdsSqliteHeader = (b: Buffer) => b.includes(Buffer.from('SQLite format 3\u0000', 'latin1'));

/** `bitacora export` of a data folder, without the export's own timestamp. */
async function exportOf(dataDir: string, env: Record<string, string> = { BITACORA_PASSPHRASE: PASS }): Promise<unknown> {
  const file = join(tempDir('export'), 'export.json');
  const r = await runCli(['export', '--out', file], { ...env, BITACORA_DATA_DIR: dataDir });
  expect(r.code, r.stderr).toBe(0);
  const { exportedAt: _ignored, ...doc } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return doc;
}

async function signIn(url: string) {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrf } = (await login.json()) as { csrf: string };
  return (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, { method, headers: { cookie, 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

// One workspace walked through in steps; each step uses what the one before made.
let dataDir: string;
let recoveryKey: string | undefined;
let incidentId: string;
let before: unknown;
let outDir: string;
let file: string;
let scheduled: string[];
let restoreParent: string;
const STEP = 180_000;

describe('bitacora backup / restore', () => {
  it('the running server writes backups on request and on a schedule, only while unsealed, with nothing identifying in files or logs', async () => {
    dataDir = tempDir('data');
    const init = await runCli(['init'], { ...base, BITACORA_DATA_DIR: dataDir });
    expect(init.code, init.stderr).toBe(0);
    recoveryKey = /RECOVERY KEY[^\n]*\n\n\s+([0-9A-Z-]+)/.exec(init.stdout)?.[1];
    expect(recoveryKey).toBeDefined();
    const demo = await runCli(['demo', '--incidents', '30', '--seed', '5'], { ...base, BITACORA_DATA_DIR: dataDir });
    expect(demo.code, demo.stderr).toBe(0);

    // A running, unsealed server: the marker incident goes in through the API, the export before
    // is taken while the server idles (a second process writing while the server writes can hit
    // SQLITE_BUSY), then the server writes a backup on request.
    server = await startServer({ BITACORA_PASSPHRASE: PASS }, dataDir);
    const call = await signIn(server.url);
    const created = await call('POST', '/api/v1/incidents', fullIncident(MARKER));
    expect(created.status).toBe(201);
    incidentId = ((await created.json()) as { id: string }).id;
    before = await exportOf(dataDir);
    expect(JSON.stringify(before)).toContain(MARKER);

    outDir = tempDir('out');
    file = join(outDir, 'copia de seguridad.backup');
    const backup = await runCli(['backup', '--out', file], { BITACORA_DATA_DIR: dataDir });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^backup [0-9a-f-]{36} written by the running server \(\d+ bytes\)/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // never overwrites
    const again = await runCli(['backup', '--out', file], { BITACORA_DATA_DIR: dataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    let log = server.output();
    await server.stop({ keepData: true });

    // On a schedule of ~1 s (fractional hours), keeping the newest 2: files named by time only.
    const scheduledDir = join(tempDir('scheduled'), 'copias');
    server = await startServer({ BITACORA_PASSPHRASE: PASS }, dataDir, ['--backup-dir', scheduledDir, '--backup-every', '0.0003', '--backup-keep', '2']);
    await waitFor(() => existsSync(scheduledDir) && readdirSync(scheduledDir).filter((n) => SCHEDULED.test(n)).length >= 2, 30_000);
    // a request while the schedule runs waits its turn instead of failing
    const during = await runCli(['backup', '--out', join(outDir, 'durante.backup')], { BITACORA_DATA_DIR: dataDir });
    expect(during.code, during.stderr).toBe(0);
    await waitFor(() => /scheduled backup created \(id [0-9a-f-]{36}, \d+ bytes, 1 old removed\)/.test(server!.output()), 30_000);
    expect(readdirSync(scheduledDir).every((n) => SCHEDULED.test(n) || PARTIAL.test(n))).toBe(true);
    expect(readdirSync(scheduledDir).filter((n) => SCHEDULED.test(n)).length).toBeLessThanOrEqual(2);
    // Sealed, the schedule writes nothing.
    expect((await runCli(['seal'], { BITACORA_DATA_DIR: dataDir })).code).toBe(0);
    await waitFor(() => server!.output().includes('scheduled backup skipped: sealed'), 10_000);
    const whileSealed = readdirSync(scheduledDir).sort();
    await new Promise((r) => setTimeout(r, 2500));
    expect(readdirSync(scheduledDir).sort()).toEqual(whileSealed);

    log += server.output();
    await server.stop({ keepData: true });
    server = undefined;
    expect(log).toMatch(/backup created \(id [0-9a-f-]{36}, \d+ bytes\)/);
    expect(log).not.toContain(scheduledDir);
    expect(log).not.toContain(outDir);
    expect(holdsMarker(Buffer.from(log))).toBe(false);
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]);

    // No backup file holds the marker or a plaintext SQLite page.
    expect(readdirSync(scheduledDir).every((n) => SCHEDULED.test(n))).toBe(true); // stopped: no partial left
    scheduled = readdirSync(scheduledDir).sort().map((n) => join(scheduledDir, n));
    for (const f of [file, join(outDir, 'durante.backup'), ...scheduled]) {
      const bytes = readFileSync(f);
      expect(holdsMarker(bytes), f).toBe(false);
      expect(holdsSqliteHeader(bytes), f).toBe(false);
      expect(statSync(f).mode & 0o077).toBe(0);
    }
  }, STEP);

  it('a wrong passphrase, a tampered file or a folder in use restores nothing', async () => {

    // A wrong passphrase restores nothing: the folder stays absent.
    restoreParent = tempDir('restore');
    const wrongInto = join(restoreParent, 'wrong');
    const wrong = await runCli(['restore', file, '--into', wrongInto], { BITACORA_PASSPHRASE: 'no es la frase de paso' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/does not open this backup/);
    expect(existsSync(wrongInto)).toBe(false);

    // A tampered file restores nothing either.
    const tampered = join(outDir, 'alterada.backup');
    const bytes = readFileSync(file);
    bytes[bytes.length - 5000] = bytes[bytes.length - 5000]! ^ 0x20;
    writeFileSync(tampered, bytes);
    const tamperedInto = join(restoreParent, 'tampered');
    const bad = await runCli(['restore', tampered, '--into', tamperedInto], { BITACORA_PASSPHRASE: PASS });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/integrity check/);
    expect(existsSync(tamperedInto)).toBe(false);

    // A folder that holds something is refused.
    const busy = join(restoreParent, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'x'), 'x');
    expect((await runCli(['restore', file, '--into', busy], { BITACORA_PASSPHRASE: PASS })).stderr).toMatch(/empty/);
    expect(readdirSync(busy)).toEqual(['x']);
  }, STEP);

  it('restores with the passphrase or the recovery key into empty folders: identical full export, and the server runs on it', async () => {

    // With the passphrase, into an absent folder: identical export, and the server runs on it.
    const into = join(restoreParent, 'restaurado');
    const restored = await runCli(['restore', file, '--into', into], { BITACORA_PASSPHRASE: PASS });
    expect(restored.code, restored.stderr).toBe(0);
    expect(await exportOf(into)).toEqual(before);
    server = await startServer({ BITACORA_PASSPHRASE: PASS }, into);
    expect(((await (await fetch(`${server.url}/api/v1/status`)).json()) as { state: string }).state).toBe('unsealed');
    const onRestored = await signIn(server.url);
    const inc = await onRestored('GET', `/api/v1/incidents/${incidentId}`);
    expect(inc.status).toBe(200);
    expect(JSON.stringify(await inc.json())).toContain(MARKER);
    await server.stop({ keepData: true });
    server = undefined;

    // With the recovery key, into an existing empty folder.
    const intoRk = join(restoreParent, 'con-clave');
    mkdirSync(intoRk);
    const rk = await runCli(['restore', file, '--into', intoRk, '--recovery-key'], { BITACORA_RECOVERY_KEY: recoveryKey! });
    expect(rk.code, rk.stderr).toBe(0);
    expect(await exportOf(intoRk)).toEqual(before);

    // A scheduled backup restores to the same export.
    const intoScheduled = join(restoreParent, 'programada');
    expect((await runCli(['restore', scheduled[scheduled.length - 1]!, '--into', intoScheduled], { BITACORA_PASSPHRASE: PASS })).code).toBe(0);
    expect(await exportOf(intoScheduled)).toEqual(before);
  }, STEP);

  it('without a server, backup unseals here with BITACORA_PASSPHRASE', async () => {

    // Without a server, `backup` unseals here with BITACORA_PASSPHRASE.
    const offline = join(outDir, 'sin-servidor.backup');
    const off = await runCli(['backup', '--out', offline], { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASS });
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).toMatch(/^backup [0-9a-f-]{36} written \(\d+ bytes\)/);
    expect(holdsMarker(readFileSync(offline))).toBe(false);
    expect((await runCli(['backup', '--out', join(outDir, 'x.backup')], { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: 'otra frase equivocada' })).code).toBe(1);
    expect(existsSync(join(outDir, 'x.backup'))).toBe(false);
  }, STEP);
});
