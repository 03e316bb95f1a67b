/**
 * A crash run on one backend: rounds of start → work → SIGKILL (crash-round.ts), each followed by
 * the checks beside the dead server (checks.ts, the audit chain included), then a last restart,
 * the chain checked through the API, and `bitacora audit verify` on the command line.
 * The first problem stops the run; its message names the seed and the round.
 */
import { performance } from 'node:perf_hooks';
import { startServer, runCli } from '../helpers/server-process.js';
import { Rng } from '../../src/services/demo/demo-random.js';
import { Ledger, emptyStats } from './writers.js';
import { checkStore, type ImportRecord } from './checks.js';
import { withProbe, withPgSchema } from './store-probe.js';
import { crashRound, checkThroughApi, RunProblem, type Anchor, type ImportKill } from './crash-round.js';
import type { CrashWorkspace } from './crash-workspace.js';
import type { CrashSummary } from './summary.js';

/**
 * When the import rounds' kills come, in turn: mostly inside the transaction, and every run also
 * covers an import killed anywhere and one that finished (its acknowledged batch must stay whole).
 */
const IMPORT_KILLS: readonly ImportKill[] = ['inside', 'after', 'inside', 'anywhere', 'inside'];

export interface CrashOptions {
  iterations: number;
  seed: number;
  batchSize: number;
  /** the share of rounds with an import running when the kill comes */
  importChance: number;
}

async function engineVersion(ws: CrashWorkspace): Promise<string> {
  if (ws.backend === 'postgres') return withPgSchema('public', async (c) => `PostgreSQL ${String((await c.query('SHOW server_version')).rows[0].server_version).split(' ')[0]}`);
  return withProbe('sqlite', ws, async (p) => `SQLite ${(await p.all<{ v: string }>('SELECT sqlite_version() AS v'))[0]!.v} (SQLite3 Multiple Ciphers, SQLCipher v4 format)`);
}

export async function runCrashLoop(ws: CrashWorkspace, o: CrashOptions): Promise<CrashSummary> {
  const started = performance.now();
  const ledger = new Ledger();
  const stats = emptyStats();
  const imports: ImportRecord[] = [];
  const rng = new Rng(o.seed);
  const sampleAcks = (n: number) => Array.from({ length: Math.min(n, ledger.latest.size) }, () => rng.pick([...ledger.latest.values()]));
  const s: CrashSummary = {
    backend: ws.backend, engine: await engineVersion(ws), seed: o.seed, date: new Date().toISOString(), seconds: 0, passed: false,
    iterations: o.iterations, kills: 0, writers: ws.sets[0]!.writers.length, acknowledgedWrites: 0, acknowledgedCreates: 0, acknowledgedEdits: 0, ackComparisons: 0,
    readBack: 0, conflicts: 0, relogins: 0, rateLimited: 0, unexpectedStatuses: {}, integrityChecks: 0, auditVerifications: 0, finalAuditVerify: 'not run',
    imports: { batchSize: o.batchSize, started: 0, committed: 0, killedBefore: 0, killedMidWay: 0, failed: 0, killedMidWayApplied: 0, killedMidWayAbsent: 0, applied: 0, absent: 0, halfApplied: 0 },
    problems: [],
  };
  let anchor: Anchor | undefined;
  // a first guess, then what committed imports took: the kills aimed inside a transaction land there
  let importWritingMs = 800;
  try {
    for (let round = 0; round < o.iterations; round++) {
      const sample = sampleAcks(5);
      const r = await crashRound({ ws, round, seed: o.seed, rng, ledger, stats, sample, batchSize: o.batchSize, importChance: o.importChance, importWritingMs, importKill: IMPORT_KILLS[imports.length % IMPORT_KILLS.length]! });
      if (r.importWritingMs !== undefined) importWritingMs = r.importWritingMs;
      s.kills++;
      s.readBack += sample.length;
      if (r.import) imports.push(r.import);
      const check = await withProbe(ws.backend, ws, (p) => checkStore(p, ledger, imports, anchor));
      s.ackComparisons += check.acksChecked;
      s.auditVerifications++;
      anchor = check.head;
      if (check.problems.length) {
        throw new RunProblem(`after the kill (seed ${o.seed}, round ${round}):\n${check.problems.slice(0, 20).join('\n')}${r.importOutput ? `\nimport output: ${r.importOutput.slice(-1000)}` : ''}`);
      }
      s.integrityChecks++;
      if (Object.keys(stats.unexpected).length) throw new RunProblem(`unexpected answers by round ${round} (seed ${o.seed}): ${JSON.stringify(stats.unexpected)}`);
    }
    // the last kill's restart, then the command-line check of the whole chain
    const server = await startServer(ws.serverEnv, ws.dataDir, ['--quiet']);
    try {
      const sample = sampleAcks(50);
      anchor = await checkThroughApi(server, ws.sets[0]!.checker, sample, { anchor });
      s.auditVerifications++;
      s.readBack += sample.length;
    } finally {
      await server.stop({ keepData: true });
    }
    const cli = await runCli(['audit', 'verify', ...(anchor ? ['--anchor', `${anchor.seq}:${anchor.hash}`] : [])], ws.cliEnv);
    s.finalAuditVerify = cli.code === 0 ? (/audit log intact: \d+ entries/.exec(cli.stdout)?.[0] ?? cli.stdout.trim()) : `FAILED: ${cli.stdout}${cli.stderr}`;
    if (cli.code !== 0) throw new RunProblem(`bitacora audit verify: ${cli.stdout}${cli.stderr}`);
    s.passed = true;
  } catch (e) {
    s.problems.push(e instanceof RunProblem ? e.message : `seed ${o.seed}: ${(e as Error).stack ?? String(e)}`);
  } finally {
    s.seconds = (performance.now() - started) / 1000;
    s.acknowledgedWrites = ledger.acknowledged;
    s.acknowledgedCreates = stats.creates;
    s.acknowledgedEdits = stats.edits;
    s.conflicts = stats.conflicts;
    s.relogins = stats.relogins;
    s.rateLimited = stats.rateLimited;
    s.unexpectedStatuses = stats.unexpected;
    tallyImports(s, imports);
  }
  return s;
}

function tallyImports(s: CrashSummary, imports: ImportRecord[]): void {
  const t = s.imports;
  t.started = imports.length;
  for (const imp of imports) {
    if (imp.outcome === 'committed') t.committed++;
    if (imp.outcome === 'killed-before') t.killedBefore++;
    if (imp.outcome === 'failed') t.failed++;
    if (imp.outcome === 'killed-mid-way') {
      t.killedMidWay++;
      if (imp.verdict === 'all') t.killedMidWayApplied++;
      if (imp.verdict === 'none') t.killedMidWayAbsent++;
    }
    if (imp.verdict === 'all') t.applied++;
    if (imp.verdict === 'none') t.absent++;
  }
  t.halfApplied = s.problems.filter((p) => /half-applied/.test(p)).length;
}
