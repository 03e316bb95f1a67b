import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const probe = join(dirname(fileURLToPath(import.meta.url)), 'temp-probe.ts');

function runProbe(mode: 'memory' | 'file') {
  const watched = mkdtempSync(join(tmpdir(), 'bitacora-sqlite-tmp-'));
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', probe, mode], { env: { ...process.env, SQLITE_TMPDIR: watched }, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { rows: number; seen: string[]; leftInFolder: string[] };
  } finally {
    rmSync(watched, { recursive: true, force: true });
  }
}

describe('SQLite temporary files (design.md §4 pitfall)', () => {
  it('a 200,000-row sort on our connection writes no temporary file, while SQLite\'s default would', () => {
    const ours = runProbe('memory');
    expect(ours.rows).toBe(200_000);
    expect(ours.seen).toEqual([]);
    expect(ours.leftInFolder).toEqual([]);
    // control: the same sort with temp_store = FILE does open files there, so the watcher can see them
    const control = runProbe('file');
    expect(control.seen.length).toBeGreaterThan(0);
  });
});
