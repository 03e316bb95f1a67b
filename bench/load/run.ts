/**
 * Runs the clients against a prepared workspace for a fixed time and collects the figures: every
 * client signs in first (its own session), then all of them work until the deadline; requests
 * still open at the deadline are awaited and counted.
 */
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { processMemory } from '../../test/helpers/server-process.js';
import { LoadClient } from './client.js';
import { Recorder, type OpFigures } from './recorder.js';
import type { LoadWorkspace } from './workspace.js';
import type { TestBackend } from '../../test/helpers/backend.js';

export interface LoadOptions {
  clients: number;
  seconds: number;
  thinkMs: number;
  incidents: number;
  seed: number;
}

export interface LoadResult {
  backend: TestBackend;
  postgresVersion: string;
  options: LoadOptions;
  demoSeconds: number;
  /** measured from the first client's start to the last request's answer */
  seconds: number;
  signIn: OpFigures;
  /** the sign-in phase as a whole (sign-ins and each client's first list) */
  signInPhase: OpFigures;
  ops: OpFigures[];
  overall: OpFigures;
  throughput: number;
  serverRssMiB: number;
  serverPeakRssMiB: number;
  /** 1-minute load average of the machine before and after (it is shared) */
  loadAverage: [number, number];
  samples: string[];
}

export async function runLoad(backend: TestBackend, ws: LoadWorkspace, o: LoadOptions): Promise<LoadResult> {
  const before = loadavg()[0]!;
  // the sign-ins (and each client's first list) are recorded apart: they are not the steady mix
  const signIns = new Recorder();
  const rec = new Recorder();
  const clients = Array.from({ length: o.clients }, (_, i) => new LoadClient(ws.server.url, ws.accounts[i % ws.accounts.length]!, i, o.seed, signIns, o.thinkMs));
  await Promise.all(clients.map((c) => c.signIn()));
  const t0 = performance.now();
  await Promise.all(clients.map((c) => c.run(t0 + o.seconds * 1000, rec)));
  const seconds = (performance.now() - t0) / 1000;
  const mem = processMemory(ws.server.child.pid!);
  const overall = rec.overall();
  const signIn = signIns.figures().find((f) => f.op === 'sign in')!;
  return {
    backend, postgresVersion: ws.postgresVersion, options: o, demoSeconds: ws.demoSeconds, seconds,
    signIn, signInPhase: signIns.overall(), ops: rec.figures(), overall,
    throughput: overall.count / seconds, serverRssMiB: mem.rssMiB, serverPeakRssMiB: mem.peakMiB,
    loadAverage: [before, loadavg()[0]!], samples: [...signIns.samples, ...rec.samples],
  };
}

/** What fails the run: any 5xx, any request without an answer, any 4xx a real client would not get (409 and 429 are normal). */
export function failures(r: LoadResult): string[] {
  const out: string[] = [];
  for (const f of [r.signInPhase, r.overall]) {
    if (f.serverErrors) out.push(`${r.backend}: ${f.serverErrors} answers 5xx`);
    if (f.networkErrors) out.push(`${r.backend}: ${f.networkErrors} requests without an answer`);
    const other = Object.entries(f.otherClientErrors);
    if (other.length) out.push(`${r.backend}: unexpected 4xx ${other.map(([s, n]) => `${s}×${n}`).join(', ')}`);
  }
  return out;
}
