/**
 * One round of the crash test: the server starts on the data the last kill left (in some rounds an
 * admin starts a `bitacora import` at the same moment), an admin reads acknowledged incidents back,
 * writers work, and at a moment drawn from the seeded PRNG the server and the import are SIGKILLed
 * together.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startServer, killServer, HttpSession, type ServerProcess } from '../helpers/server-process.js';
import { Rng } from '../../src/services/demo/demo-random.js';
import type { IncidentView } from '../../src/domain/incident/view.js';
import { runWriter, type Ack, type Ledger, type WriterStats } from './writers.js';
import { buildBatch, startImport, type ImportRun } from './import-batch.js';
import type { ImportRecord } from './checks.js';
import type { CrashWorkspace, Account } from './crash-workspace.js';

export class RunProblem extends Error {}

export type Anchor = { seq: number; hash: string };

export interface RoundInput {
  ws: CrashWorkspace;
  round: number;
  seed: number;
  rng: Rng;
  ledger: Ledger;
  stats: WriterStats;
  /** acknowledged incidents to read back through the API */
  sample: Ack[];
  batchSize: number;
  importChance: number;
  /** how long an import's transaction has been taking here (the kill is aimed inside it) */
  importWritingMs: number;
  /** when an import in this round is killed: inside its transaction, anywhere in its life, or just after it committed */
  importKill: ImportKill;
}

export type ImportKill = 'inside' | 'anywhere' | 'after';

export interface RoundResult {
  import?: ImportRecord;
  /** the import's writing time, when it committed */
  importWritingMs?: number;
  importOutput?: string;
}

/** Prints each step's time with CRASH_DEBUG=1 (where a slow round spends it). */
function ticker(round: number): (label: string) => void {
  const t0 = performance.now();
  return (label) => { if (process.env['CRASH_DEBUG']) process.stderr.write(`round ${round}: ${label} at ${(performance.now() - t0).toFixed(0)} ms\n`); };
}

/**
 * An admin on the restarted server reads acknowledged incidents back (and, when asked, checks the
 * audit chain through the API: that route allows 6 a minute, so only once per run).
 */
export async function checkThroughApi(server: ServerProcess, checker: Account, sample: Ack[], verify?: { anchor: Anchor | undefined }): Promise<Anchor | undefined> {
  const admin = new HttpSession(server.url);
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    // an import starting or ending beside the embedded server ends every session (its vault unseals and seals): sign in again
    for (let attempt = 0; attempt < 4; attempt++) {
      const r = await admin.req(method, path, body);
      if (r.status !== 401) return r;
      let login = await admin.login(checker.email, checker.password);
      // the sign-in limit (10 a minute per address and account) is shared and outlives restarts on
      // PostgreSQL, and a fast run restarts more often than that: wait for the window, as a person would
      for (let waited = 0; login.status === 429 && waited < 12; waited++) {
        await sleep(6_000);
        login = await admin.login(checker.email, checker.password);
      }
      if (login.status !== 200) throw new RunProblem(`the admin could not sign in after the restart: ${login.status} ${JSON.stringify(login.body)}`);
    }
    throw new RunProblem(`the admin kept being signed out (${path})`);
  };
  for (const ack of sample) {
    // for=edit opens every sealed value with the record's key: the key was committed with the record
    const r = await call('GET', `/api/v1/incidents/${ack.id}?for=edit`);
    const view = r.body as IncidentView;
    if (r.status !== 200 || view.version < ack.version || (view.version === ack.version && view.title !== ack.title)) {
      throw new RunProblem(`acknowledged incident ${ack.id} v${ack.version} reads back as ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    }
  }
  if (!verify) return undefined;
  const v = await call('POST', '/api/v1/audit/verify', verify.anchor ? { anchor: verify.anchor } : {});
  const chain = v.body as { ok: boolean; head: Anchor };
  if (v.status !== 200 || !chain.ok) throw new RunProblem(`audit chain not intact after the restart: ${JSON.stringify(v.body)}`);
  return { seq: chain.head.seq, hash: chain.head.hash };
}

export async function crashRound(x: RoundInput): Promise<RoundResult> {
  const { ws, rng, round } = x;
  const tick = ticker(round);
  let imp: ImportRun | undefined;
  let record: ImportRecord | undefined;
  if (rng.chance(x.importChance)) {
    const { doc, batch } = buildBatch(ws.template, `lote${round}`, x.batchSize);
    // it boots beside the server, and reads its document once the writers are at work
    imp = startImport(doc, ws.cliEnv);
    record = { iteration: round, batch, outcome: 'failed' };
    void imp.inTransaction.then(() => tick('import writing'));
  }
  let server: ServerProcess | undefined;
  try {
    server = await startServer(ws.serverEnv, ws.dataDir, ['--quiet']);
    tick('server started');
    const set = ws.sets[round % ws.sets.length]!;
    await checkThroughApi(server, set.checker, x.sample);
    tick('read back');

    let killing = false;
    const failures: unknown[] = [];
    const url = server.url;
    const writing = set.writers.map((w, n) => runWriter(w, url, new Rng(x.seed + round * 131 + n), `r${round}w${n}`, x.ledger, x.stats, () => killing).catch((e: unknown) => failures.push(e)));
    if (imp) {
      imp.send();
      // (every delay drawn now, in a fixed order: the seed gives the same schedule whatever the timing)
      const when = x.importKill;
      const [inside, anywhere, after] = [rng.int(0, Math.round(1.1 * x.importWritingMs)), rng.int(0, 5000), rng.int(0, 500)];
      const finished = imp.done.then(() => sleep(after));
      if (when === 'inside') await Promise.race([imp.inTransaction.then(() => sleep(inside)), finished]);
      else if (when === 'anywhere') await Promise.race([sleep(anywhere), finished]);
      else await finished;
    } else {
      await sleep(rng.int(100, 1500));
    }
    killing = true;
    tick('kill');
    await Promise.all([killServer(server), imp?.kill()]);
    await Promise.all(writing);
    if (failures.length) throw new RunProblem(`a writer failed (seed ${x.seed}, round ${round}): ${String(failures[0])}\n${server.output().slice(-2000)}`);
    await imp?.done;
    const took = imp?.writingMs();
    return { ...(record ? { import: record } : {}), ...(imp ? { importOutput: imp.output() } : {}), ...(took !== undefined ? { importWritingMs: took } : {}) };
  } finally {
    if (imp) {
      await imp.kill();
      record!.outcome = imp.outcome();
    }
    if (server) {
      // stop() would wait for the answer to a SIGTERM that a killed process cannot give
      await killServer(server);
      rmSync(server.tmpDir, { recursive: true, force: true });
    }
  }
}
