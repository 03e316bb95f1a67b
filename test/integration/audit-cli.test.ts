/** `bitacora audit verify` on a real data folder (needs `npm run build`): intact, then tampered with raw SQL. */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { runCli } from '../helpers/server-process.js';
import { DataFolder } from '../../src/store/embedded/data-folder.js';
import { Vault } from '../../src/services/vault.js';
import { backendFor, dropBackend } from '../helpers/backend.js';

const PASS = 'frase de paso del custodio 2026';
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) {
    await dropBackend(d);
    rmSync(d, { recursive: true, force: true });
  }
});

/** Opens the workspace in this process and runs raw SQL on it, as someone with the database would. */
async function tamper(dataDir: string, statement: ReturnType<typeof sql>): Promise<void> {
  const vault = new Vault(new DataFolder(dataDir), { backend: backendFor(new DataFolder(dataDir)) });
  await vault.unseal({ passphrase: PASS });
  try {
    await statement.execute(vault.runtime().store.db);
  } finally {
    await vault.shutdown();
  }
}

describe('bitacora audit verify', () => {
  it('says the log is intact with its length and an anchor, then names a deleted and an edited entry with exit 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bitacora-audit-cli-'));
    dirs.push(dataDir);
    const env = { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASS, BITACORA_ADMIN_EMAIL: 'admin@example.org', BITACORA_ADMIN_PASSWORD: 'contraseña-segura-1' };
    expect((await runCli(['init'], env)).code).toBe(0);
    const add = await runCli(['user', 'add', '--email', 'doc@example.org', '--role', 'documenter'], env);
    expect(add.code, add.stderr).toBe(0);

    const ok = await runCli(['audit', 'verify'], env);
    expect(ok.code, ok.stderr).toBe(0);
    const n = Number(/^audit log intact: (\d+) entries$/m.exec(ok.stdout)?.[1]);
    expect(n).toBeGreaterThanOrEqual(6); // setup, unseal, user.created, seal … and this run's unseal
    const anchor = /^anchor: (\d+:[0-9a-f]{64})$/m.exec(ok.stdout)?.[1];
    expect(anchor).toBeDefined();
    const again = await runCli(['audit', 'verify', '--anchor', anchor!], env);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/audit log intact: \d+ entries/);
    const badAnchor = await runCli(['audit', 'verify', '--anchor', 'not-a-head'], env);
    expect(badAnchor.code).toBe(1);
    expect(badAnchor.stderr).toMatch(/<seq>:<hash>/);

    await tamper(dataDir, sql`DELETE FROM audit_events WHERE seq = 4`);
    const deleted = await runCli(['audit', 'verify'], env);
    expect(deleted.code).toBe(1);
    expect(deleted.stdout).toMatch(/^audit log damaged at entry 4: deleted$/m);
    expect(deleted.stdout).toMatch(/3 entries before it are intact/);

    await tamper(dataDir, sql`UPDATE audit_events SET action = 'auth.logout' WHERE seq = 2`);
    const edited = await runCli(['audit', 'verify'], env);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toMatch(/^audit log damaged at entry 2: edited$/m);
  }, 180_000); // seven CLI runs and two unseals in this process, most of them Argon2id at 64 MiB
});
