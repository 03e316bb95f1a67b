/**
 * Load test (issue 4, part 5): for each backend, a fresh workspace with demo data, the real
 * `bitacora serve`, and 50 signed-in clients doing a realistic mix of reads and writes for 60 s on
 * loopback (bench/load/). Writes bench/LOAD.md; exits 1 on any 5xx, any request without an answer
 * or any unexpected 4xx.
 *
 *   npm run load -- [--backend sqlite|postgres|both] [--clients 50] [--seconds 60] [--incidents 3000] [--think-ms 100] [--out bench/LOAD.md]
 *   npm run load -- --scenario dawn [--clients 30] [--incidents 300] [--out bench/LOAD-DAWN.md]
 *     the small hours before a day of hearings: 20 drivers tapping at once, and coordinators (bench/load/dawn.ts)
 *
 * PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); each run uses
 * a schema of its own, dropped at the end.
 */
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { TestBackend } from '../test/helpers/backend.js';
import { prepareLoadWorkspace } from './load/workspace.js';
import { runLoad, failures, type LoadOptions, type LoadResult } from './load/run.js';
import { loadMarkdown } from './load/report.js';
import { prepareDawn, runDawn } from './load/dawn.js';
import { dawnMarkdown, type DawnRunFigures } from './load/dawn-report.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'both' },
    scenario: { type: 'string', default: 'mix' },
    clients: { type: 'string' },
    seconds: { type: 'string', default: '60' },
    incidents: { type: 'string' },
    'think-ms': { type: 'string', default: '100' },
    seed: { type: 'string', default: '2026' },
    out: { type: 'string' },
  },
});

const number = (name: string, v: string | undefined, min: number): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number from ${min}`);
  return n;
};

async function main(): Promise<number> {
  const backends: TestBackend[] = values.backend === 'both' ? ['sqlite', 'postgres'] : values.backend === 'sqlite' || values.backend === 'postgres' ? [values.backend] : [];
  if (!backends.length) throw new Error('--backend must be sqlite, postgres or both');
  const dawn = values.scenario === 'dawn';
  if (!dawn && values.scenario !== 'mix') throw new Error('--scenario must be mix or dawn');
  const out = values.out ?? join(dirname(fileURLToPath(import.meta.url)), dawn ? 'LOAD-DAWN.md' : 'LOAD.md');
  const options = {
    clients: number('clients', values.clients ?? (dawn ? '30' : '50'), 1),
    seconds: number('seconds', values.seconds, 1),
    incidents: number('incidents', values.incidents ?? (dawn ? '300' : '3000'), 1),
    thinkMs: number('think-ms', values['think-ms'], 0),
    seed: number('seed', values.seed, 0),
  };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (dawn) return dawnScenario(backends, options, log, out);
  const results: LoadResult[] = [];
  for (const backend of backends) {
    const ws = await prepareLoadWorkspace(backend, options.incidents, log);
    try {
      log(`${backend}: ${options.clients} clients for ${options.seconds} s`);
      const r = await runLoad(backend, ws, options);
      results.push(r);
      log(`${backend}: ${r.overall.count} requests, ${r.throughput.toFixed(1)}/s, p50 ${r.overall.p50.toFixed(0)} ms, p95 ${r.overall.p95.toFixed(0)} ms, p99 ${r.overall.p99.toFixed(0)} ms, 5xx ${r.overall.serverErrors}, no answer ${r.overall.networkErrors}`);
    } finally {
      await ws.close();
    }
  }
  const verdict = results.flatMap(failures);
  const argv = process.argv.slice(2).join(' ');
  writeFileSync(out, loadMarkdown(results, `npm run load${argv ? ` -- ${argv}` : ''}`, verdict));
  log(`wrote ${out}`);
  for (const v of verdict) log(`FAIL ${v}`);
  return verdict.length ? 1 : 0;
}

async function dawnScenario(backends: TestBackend[], options: LoadOptions, log: (line: string) => void, out: string): Promise<number> {
  const runs: DawnRunFigures[] = [];
  for (const backend of backends) {
    const ws = await prepareLoadWorkspace(backend, options.incidents, log);
    try {
      const dawn = await prepareDawn(ws, log);
      log(`${backend}: dawn, ${options.clients} clients for ${options.seconds} s`);
      const r = await runDawn(backend, ws, dawn, options);
      runs.push({ result: r, setupSeconds: dawn.setupSeconds, drivers: dawn.drivers.length, runs: dawn.runs.length, people: dawn.runs.reduce((a, x) => a + x.people.length, 0) });
      log(`${backend}: ${r.overall.count} requests, ${r.throughput.toFixed(1)}/s, p50 ${r.overall.p50.toFixed(0)} ms, p95 ${r.overall.p95.toFixed(0)} ms, 5xx ${r.overall.serverErrors}, no answer ${r.overall.networkErrors}`);
    } finally {
      await ws.close();
    }
  }
  const verdict = runs.map((d) => d.result).flatMap(failures);
  const argv = process.argv.slice(2).join(' ');
  writeFileSync(out, dawnMarkdown(runs, `npm run load${argv ? ` -- ${argv}` : ''}`, verdict));
  log(`wrote ${out}`);
  for (const v of verdict) log(`FAIL ${v}`);
  return verdict.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`load test: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
