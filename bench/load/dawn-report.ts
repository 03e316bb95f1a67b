/** bench/LOAD-DAWN.md: the dawn scenario (dawn.ts) per backend — who does what, the figures per operation, the verdict. */
import { cpus } from 'node:os';
import type { LoadResult } from './run.js';
import { machine, row } from './report.js';

export interface DawnRunFigures { result: LoadResult; setupSeconds: number; drivers: number; runs: number; people: number }

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

function section(d: DawnRunFigures): string {
  const r = d.result;
  return [
    `## ${r.backend === 'sqlite' ? 'Embedded (encrypted SQLite)' : `PostgreSQL ${r.postgresVersion}`}`,
    '',
    `${d.drivers} drivers' phones and ${r.options.clients - d.drivers} coordinators' sessions, ${r.seconds.toFixed(1)} s; ${d.runs} runs, ${d.people} people ` +
      `(set up through the API in ${d.setupSeconds.toFixed(0)} s), beside ${r.options.incidents.toLocaleString('en')} demo incidents. ` +
      `Throughput **${r.throughput.toFixed(1)} requests/s**; server RSS at the end **${r.serverRssMiB.toFixed(0)} MiB** (peak ${r.serverPeakRssMiB.toFixed(0)} MiB). ` +
      `Machine load average (1 min) ${r.loadAverage[0].toFixed(1)} before, ${r.loadAverage[1].toFixed(1)} after.`,
    '',
    '| operation | requests | per s | p50 ms | p95 ms | p99 ms | max ms | 2xx | 409 | 429 | other 4xx | 5xx | no answer |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.ops.map((f) => row(f, r.seconds)),
    row({ ...r.overall, op: '**all**' }, r.seconds),
    '',
    `Sign-in before the run (${r.signIn.count} sessions, Argon2id each): p50 ${ms(r.signIn.p50)} ms, max ${ms(r.signIn.max)} ms.`,
    ...(r.samples.length ? ['', 'First errors:', '', ...r.samples.map((s) => `- \`${s}\``)] : []),
    '',
  ].join('\n');
}

export function dawnMarkdown(runs: DawnRunFigures[], command: string, verdict: string[]): string {
  const o = runs[0]!.result.options;
  return [
    '# Load test: dawn before a day of hearings',
    '',
    `Command: \`${command}\` (bench/load.ts, bench/load/dawn.ts) — run on ${new Date().toISOString().slice(0, 10)}, ${machine()}` +
      `${runs.find((d) => d.result.postgresVersion) ? `, PostgreSQL ${runs.find((d) => d.result.postgresVersion)!.result.postgresVersion} on the same machine` : ''}.`,
    `The load generator and the server share the machine (${cpus().length} cores, also shared with other work); everything on loopback.`,
    '',
    'The small hours before a day of hearings, when every driver taps at once (issue 9). Each backend gets a fresh workspace (`bitacora init`, `bitacora demo`, the real `bitacora serve`), ' +
      'then through the API: one volunteer account per run (viewer role), runs to the San Ysidro port of entry with two legs each (the van from Tecate, the walk from Tijuana) escorted by that volunteer, ' +
      'and eight people in two families on each, every family with its hearing the next day. Each driver\'s phone, signed in on its own, repeats for ' +
      `${o.seconds} s: a tap on one of its passengers (picked up, arrived, presented, back to pending; 2% missed, which alerts the coordinator) 70%, the run's tracking page 20%, its trips 10%. ` +
      'Beside them the coordinators\' sessions (the admin and coordinator accounts): a run\'s page 40%, the day and week view 30%, the year\'s figures 20%, a tap on any run 10%. ' +
      `Pause between actions: 0–${2 * o.thinkMs} ms.`,
    '',
    'The run fails on any 5xx, any request without an answer, or any other 4xx than 409 and 429.',
    '',
    `**Result: ${verdict.length ? `FAILED — ${verdict.join('; ')}` : 'no 5xx, no request without an answer, no unexpected 4xx'}.**`,
    '',
    ...runs.map(section),
  ].join('\n');
}
