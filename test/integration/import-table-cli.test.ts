/**
 * `bitacora import-table` on a real data folder (needs `npm run build`): a dry run lists each problem
 * by line and column on stderr and writes nothing (exit 1 on errors); the fixed mapping imports all
 * or nothing (exit 0, the import's id on stdout); a saved mapping by name; usage errors exit 2.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

async function importedTitles(dataDir: string): Promise<string[]> {
  const vault = new Vault(new DataFolder(dataDir), { backend: backendFor(new DataFolder(dataDir)) });
  await vault.unseal({ passphrase: PASS });
  try {
    return (await vault.runtime().store.db.selectFrom('incidents').select('title').where('import_run_id', 'is not', null).orderBy('title').execute()).map((r) => r.title);
  } finally {
    await vault.shutdown();
  }
}

describe('bitacora import-table', () => {
  it('dry-runs with problems by line, refuses a file with errors, imports it once the mapping is fixed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bitacora-import-cli-'));
    dirs.push(dataDir);
    const env = { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASS, BITACORA_ADMIN_EMAIL: 'admin@example.org', BITACORA_ADMIN_PASSWORD: 'contraseña-segura-1' };
    expect((await runCli(['init'], env)).code).toBe(0);
    const csv = join(dataDir, '..', `agresiones-${Date.now()}.csv`);
    dirs.push(csv);
    writeFileSync(csv, 'Fecha,Título,Agresión\n23/07/2019,Amenaza en Saltillo,Amenaza de muerte\n5/8/2019,Vigilancia en Tenosique,Vigilancia rara\n');
    const mapping = join(dataDir, '..', `mapeo-${Date.now()}.json`);
    dirs.push(mapping);
    const base = { columns: { Fecha: 'date', Título: 'title', Agresión: 'act' }, options: { dateOrder: 'dmy' } };
    writeFileSync(mapping, JSON.stringify(base));

    const dry = await runCli(['import-table', csv, '--mapping', mapping, '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(1);
    expect(dry.stderr).toMatch(/^line 3, column "Agresión": error: "Vigilancia rara" is not mapped/m);
    expect(JSON.parse(dry.stdout)).toEqual({ rows: 2, errors: 1, warnings: 0, incidents: 0, imported: false });
    const refused = await runCli(['import-table', csv, '--mapping', mapping], env);
    expect(refused.code).toBe(1);
    expect(await importedTitles(dataDir)).toEqual([]);

    writeFileSync(mapping, JSON.stringify({ name: 'Hoja', mapping: { ...base, values: { act: { 'Vigilancia rara': 'surveillance' } } } }));
    const ok = await runCli(['import-table', csv, '--mapping', mapping], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ rows: 2, errors: 0, incidents: 2, imported: true, importId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(ok.stderr).toContain('2/2 incidents');
    expect(await importedTitles(dataDir)).toEqual(['Amenaza en Saltillo', 'Vigilancia en Tenosique']);

    const usage = await runCli(['import-table', csv], env);
    expect(usage.code).not.toBe(0);
    expect(usage.stderr).toContain('--mapping');
    const none = await runCli(['import-table', csv, '--saved', 'No existe'], env);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('no saved mapping');
  }, 120_000);
});
