/**
 * Crash safety (issue 4, part 6): on each backend, the real server is SIGKILLed at random moments
 * while people write and a `bitacora import` runs, at least 50 times; after every kill the store is
 * sound, every acknowledged write is there and every import is all there or absent (crash-run.ts).
 * CRASH_ITERATIONS and CRASH_SEED repeat a run; the seed is in every failure message. The figures go
 * to .tmp/crash/ (bench/CRASH.md is made from them by test/crash/report.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomInt } from 'node:crypto';
import type { TestBackend } from '../helpers/backend.js';
import { prepareWorkspace, type CrashWorkspace } from './crash-workspace.js';
import { runCrashLoop } from './crash-run.js';
import { writeSummary } from './summary.js';

const ITERATIONS = Number(process.env['CRASH_ITERATIONS'] ?? 50);
const SEED = Number(process.env['CRASH_SEED'] ?? randomInt(1, 2 ** 31));
const BATCH = 100;
// both halves always: the PostgreSQL one fails (never skips) when PostgreSQL or DATABASE_URL support is missing
const BACKENDS: TestBackend[] = ['sqlite', 'postgres'];

describe.each(BACKENDS)('crash safety on %s', (backend) => {
  let ws: CrashWorkspace | undefined;
  beforeAll(async () => {
    ws = await prepareWorkspace(backend);
  }, 180_000);
  afterAll(async () => {
    await ws?.close();
  });

  it(`keeps every acknowledged write and every import whole through ${ITERATIONS} SIGKILLs`, async () => {
    const summary = await runCrashLoop(ws!, { iterations: ITERATIONS, seed: SEED, batchSize: BATCH, importChance: 0.4 });
    writeSummary(summary);
    expect(summary.problems, `seed ${SEED}`).toEqual([]);
    expect(summary.kills).toBeGreaterThanOrEqual(ITERATIONS);
    expect(summary.integrityChecks).toBe(summary.kills);
    expect(summary.acknowledgedWrites).toBeGreaterThan(0);
    expect(summary.imports.halfApplied).toBe(0);
    expect(summary.passed).toBe(true);
  }, 20 * 60_000);
});
