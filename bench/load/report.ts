/** bench/LOAD.md: the machine, the setup, and per backend the latency percentiles, throughput, answers by class and the server's memory. */
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import type { LoadResult } from './run.js';
import type { OpFigures } from './recorder.js';

const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : x.toFixed(0)) : '–');

export function machine(): string {
  const cpu = cpus();
  let kernel = '';
  try {
    kernel = readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim();
  } catch { /* not Linux */ }
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM${kernel ? `, Linux ${kernel}` : ''}, Node ${process.version}`;
}

export function row(f: OpFigures, seconds: number): string {
  const other = Object.entries(f.otherClientErrors).map(([s, n]) => `${s}×${n}`).join(' ') || '0';
  return `| ${f.op} | ${f.count} | ${(f.count / seconds).toFixed(1)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.max)} | ${f.ok} | ${f.conflicts} | ${f.rateLimited} | ${other} | ${f.serverErrors} | ${f.networkErrors} |`;
}

/** With pauses this short the server works flat out: say so, with the cheapest request as the evidence. */
function saturation(r: LoadResult): string[] {
  const session = r.ops.find((f) => f.op === 'session');
  if (!session || r.options.thinkMs > 1000) return [];
  return [
    `The clients pause only 0–${2 * r.options.thinkMs} ms, so the server runs flat out for the whole run: the throughput is its capacity here, and the ` +
      `latencies are mostly time spent waiting in line — even reading the session, which does almost no work, took ${ms(session.p50)} ms at the median.`,
    '',
  ];
}

function section(r: LoadResult): string {
  const o = r.options;
  return [
    `## ${r.backend === 'sqlite' ? 'Embedded (encrypted SQLite)' : `PostgreSQL ${r.postgresVersion}`}`,
    '',
    `${o.clients} clients, ${r.seconds.toFixed(1)} s, ${o.incidents.toLocaleString('en')} demo incidents (generated in ${r.demoSeconds.toFixed(0)} s). ` +
      `Throughput **${r.throughput.toFixed(1)} requests/s**; server RSS at the end **${r.serverRssMiB.toFixed(0)} MiB** (peak ${r.serverPeakRssMiB.toFixed(0)} MiB). ` +
      `Machine load average (1 min) ${r.loadAverage[0].toFixed(1)} before, ${r.loadAverage[1].toFixed(1)} after.`,
    '',
    ...saturation(r),
    '| operation | requests | per s | p50 ms | p95 ms | p99 ms | max ms | 2xx | 409 | 429 | other 4xx | 5xx | no answer |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.ops.map((f) => row(f, r.seconds)),
    row({ ...r.overall, op: '**all**' }, r.seconds),
    '',
    `Sign-in before the run (${r.signIn.count} sessions, Argon2id each): p50 ${ms(r.signIn.p50)} ms, max ${ms(r.signIn.max)} ms; ` +
      `that phase: ${r.signInPhase.serverErrors} × 5xx, ${r.signInPhase.networkErrors} without an answer.`,
    ...(r.samples.length ? ['', 'First errors:', '', ...r.samples.map((s) => `- \`${s}\``)] : []),
    '',
  ].join('\n');
}

export function loadMarkdown(results: LoadResult[], command: string, verdict: string[]): string {
  const o = results[0]!.options;
  return [
    '# Load test',
    '',
    `Command: \`${command}\` (bench/load.ts) — run on ${new Date().toISOString().slice(0, 10)}, ${machine()}` +
      `${results.find((r) => r.postgresVersion) ? `, PostgreSQL ${results.find((r) => r.postgresVersion)!.postgresVersion} on the same machine` : ''}.`,
    `The load generator and the server share the machine (${cpus().length} cores, also shared with other work: see the load averages); everything on loopback.`,
    '',
    `Each backend gets a fresh workspace: \`bitacora init\`, \`bitacora demo --incidents ${o.incidents}\`, then the real \`bitacora serve\` and ten accounts ` +
      '(1 admin, 2 coordinators, 3 documenters, 2 analysts, 2 viewers) made through the API. ' +
      `${o.clients} clients share them round-robin, each signed in with its own session, and for ${o.seconds} s repeat: ` +
      'search 55% (words in Spanish and English, filters, facet counts, a second page), read an incident 20%, other screens 10% ' +
      '(people list and person, history, session, vocabularies, share directory), record an incident 10% (half of them full records with people, sources and sealed identifying values), ' +
      `correct one 5% (open for editing, send with the version read; 409 is a normal outcome). Analysts and viewers cannot write: they only read, in the same proportions. Pause between actions: 0–${2 * o.thinkMs} ms.`,
    '',
    'The run fails on any 5xx, any request without an answer, or any other 4xx than 409 (edit conflict) and 429 (rate limit, counted apart).',
    '',
    `**Result: ${verdict.length ? `FAILED — ${verdict.join('; ')}` : 'no 5xx, no request without an answer, no unexpected 4xx'}.**`,
    '',
    ...results.map(section),
  ].join('\n');
}
